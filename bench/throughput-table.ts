/** The throughput benchmark's report as a table: bench against simulator, where requests go. */
import {
  perMerged,
  requestTarget,
  simulatorTolerance,
  verdicts,
  type Report,
} from './throughput-report.js';

const minute = 60_000;

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

export function renderTable(r: Report): string {
  const m = r.measured;
  const sim = r.simulated[0]!.result;
  const v = verdicts(r);
  const met = (ok: boolean) => (ok ? 'met' : 'NOT MET');
  const main = table(
    ['measure', 'bench', 'simulator', 'bench/sim', 'target'],
    [
      [
        'merged PRs per virtual hour',
        m.mergedPerHour.toFixed(2),
        sim.mergedPerHour.toFixed(2),
        v.ratio.toFixed(2),
        `±${simulatorTolerance * 100} %: ${met(v.withinSimulator)}`,
      ],
      [
        'CI runs per merged PR',
        perMerged(m, m.ciRuns).toFixed(2),
        sim.ciRunsPerMerged.toFixed(2),
        (perMerged(m, m.ciRuns) / sim.ciRunsPerMerged).toFixed(2),
        '',
      ],
      [
        'runner-minutes per merged PR',
        perMerged(m, m.runnerMinutes).toFixed(1),
        (sim.runnerHoursPerMerged * 60).toFixed(1),
        (perMerged(m, m.runnerMinutes) / (sim.runnerHoursPerMerged * 60)).toFixed(2),
        '',
      ],
      [
        'GitHub requests per merged PR',
        perMerged(m, m.requests.total).toFixed(1),
        '',
        '',
        `≤ ${requestTarget}: ${met(v.requests)}`,
      ],
      [
        'runner utilisation, first label → last landing',
        `${((100 * m.runnerMinutes) / (r.parameters.runners * m.hours * 60)).toFixed(0)} %`,
        `${((100 * sim.runnerHoursPerMerged * sim.merged) / (r.parameters.runners * sim.hours)).toFixed(0)} %`,
        '',
        '',
      ],
      ['merged / dequeued', `${m.merged}/${m.dequeued}`, `${sim.merged}/${sim.dequeued}`, '', ''],
      [
        'virtual minutes, first label → last landing',
        (m.hours * 60).toFixed(0),
        (sim.hours * 60).toFixed(0),
        '',
        '',
      ],
    ],
  );
  const policies = table(
    ['simulated policy', 'merged/h', 'CI runs/merged', 'runner-min/merged', 'merged/dequeued'],
    r.simulated.map(({ policy, description, result }) => [
      `${policy} (${description})`,
      result.mergedPerHour.toFixed(2),
      result.ciRunsPerMerged.toFixed(2),
      (result.runnerHoursPerMerged * 60).toFixed(1),
      `${result.merged}/${result.dequeued}`,
    ]),
  );
  const routes = [...m.requests.byOperation].sort((a, b) => b[1] - a[1]);
  const requests = table(
    ['request', 'per merged PR', 'total'],
    routes.map(([key, n]) => [key, perMerged(m, n).toFixed(2), String(n)]),
  );
  const failures = [...m.requests.failures].map(([key, n]) => `${key} ×${n}`).join(', ');
  const sizes = (list: number[]) =>
    list.length ? `${list.length} (sizes ${list.join(' ')})` : '0';
  const p = r.parameters;
  return [
    `throughput: ${p.prs} PRs (broken: #${p.failing.join(', #')}), ${p.ciMinutes}-minute CI on ${p.ciOn.join(', ')}, ${p.runners} runners, ${p.sweepMinutes ? `a sweep every ${p.sweepMinutes} min` : 'no sweeps'}, seed ${p.seed}, ${p.config === undefined ? 'default config' : `config: ${JSON.stringify(p.config.trim())}`}; ${r.app}`,
    '',
    ...main,
    '',
    ...policies,
    '',
    `CI jobs that got a runner: ${m.ciRuns} (${Object.entries(m.ciConclusions)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}); cancelled before a runner: ${m.ciNeverStarted}; by branch: ${Object.entries(
      m.ciBranches,
    )
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}`,
    `stagings pushed: chain ${sizes(m.stagings.chain)}; probes ${sizes(m.stagings.probes)}; tree known to fail ${m.stagings.knownToFail}; not built ${m.stagings.notBuilt}`,
    `clock: ${r.drive.steps} advances (${r.drive.sweeps} for sweeps) (${(r.drive.advancedMs / minute).toFixed(1)} min) + ${(r.drive.tickedMs / 1000).toFixed(0)} s of the stand-in's own ticks; the app's clock ended ${(-r.drive.appClockLeadMs / 1000).toFixed(0)} s behind (stopped between advances); wall time ${r.wallSeconds.toFixed(0)} s`,
    '',
    ...requests,
    ...(failures ? ['', `answered 4xx/5xx: ${failures}`] : []),
    '',
    r.outcome.problems.length === 0
      ? 'outcome: correct (good PRs landed once each in queue order, broken ones dequeued as test, base tested, assertClean)'
      : `outcome: WRONG\n${r.outcome.problems.map((p) => `  - ${p}`).join('\n')}`,
  ].join('\n');
}
