/**
 * `npm run chaos`: the fault campaign (docs/reliability.md). Runs the real app (dist/main.js)
 * against the local GitHub through a landing scenario under faults, judges GitHub's final
 * state, prints the table and exits 1 on any violation, naming the seed and run to replay.
 */
import { cpus, loadavg } from 'node:os';
import { parseChaosArgs } from './parse-chaos-args.js';
import { baselinePlan, planCampaign } from './plan-campaign.js';
import { runChaosPlan, type RunResult } from './run-chaos-plan.js';
import { renderCampaignTable, summarizeCampaign } from './summarize-campaign.js';
import { describeFault, type RunPlan } from './fault-plan.js';
import { leaseTiming } from './start-chaos-world.js';

async function runAll(plans: RunPlan[], parallel: number, verbose: boolean): Promise<RunResult[]> {
  const results: RunResult[] = [];
  let next = 0;
  const worker = async () => {
    for (let plan = plans[next++]; plan; plan = plans[next++]) {
      const log = verbose ? (line: string) => console.log(`[${plan.id}] ${line}`) : undefined;
      const result = await runChaosPlan(plan, log ? { log } : {});
      const problems = result.verdict.problems.length;
      console.log(
        `${plan.id.padEnd(24)} ${problems === 0 ? 'ok  ' : 'FAIL'} ${result.seconds.toFixed(0).padStart(4)} s  ${describeFault(plan.fault)}`,
      );
      results.push(result);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return results.sort((a, b) => plans.indexOf(a.plan) - plans.indexOf(b.plan));
}

function reportViolations(results: RunResult[], seed: number): void {
  for (const result of results.filter((r) => r.verdict.problems.length > 0)) {
    const { plan } = result;
    console.log(`\n✗ ${plan.id}  (replay: npm run chaos -- --seed ${seed} --only ${plan.id})`);
    console.log(
      `  scenario: ${plan.scenario.pulls.map((p) => p.failing ?? 'clean').join(', ')} PRs; ${describeFault(plan.fault)}`,
    );
    for (const fault of result.faultLog.slice(0, 10)) console.log(`  injected: ${fault}`);
    for (const problem of result.verdict.problems) console.log(`  - ${problem}`);
  }
}

async function main(): Promise<number> {
  const args = parseChaosArgs(process.argv.slice(2));
  const shape = { seed: args.seed, quick: args.quick, runs: args.runs };
  const started = performance.now();
  console.log(
    `chaos: seed ${args.seed}${args.quick ? ', quick' : ''}, ${args.runs} run(s) per randomised kind, ${args.parallel} at once; ${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)}`,
  );
  const baseline = await runAll([baselinePlan(shape)], 1, args.verbose);
  console.log(
    `fault-free run: ${baseline[0]!.writes.length} writes: ${baseline[0]!.writes.join(' · ')}`,
  );
  const planned = planCampaign(shape, {
    writes: baseline[0]!.writes,
    requests: baseline[0]!.requests,
  });
  const plans = args.only.length > 0 ? planned.filter((p) => args.only.includes(p.id)) : planned;
  const results = [...baseline, ...(await runAll(plans, args.parallel, args.verbose))];
  const rows = summarizeCampaign(results, leaseTiming.renewMs);
  reportViolations(results, args.seed);
  console.log(`\n${renderCampaignTable(rows)}`);
  console.log(
    `\n${((performance.now() - started) / 1000).toFixed(0)} s on ${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)} at the end`,
  );
  return rows.some((r) => r.pass === false) ? 1 : 0;
}

process.exitCode = await main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  return 2;
});
