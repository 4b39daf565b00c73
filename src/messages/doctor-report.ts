import type { ConfigError } from '../config/index.js';
import type {
  DoctorReport,
  FindingResult,
  QueueSummary,
  RepoReport,
  StagingSummary,
} from '../doctor/types.js';
import { formatTime, plural, prList, shortSha } from './doctor-format.js';
import { describeProblem } from './doctor-findings.js';
import { describeNote, describeUnchecked } from './doctor-notes.js';
import { describeNoRepair, describeOutcome, describeRepair } from './doctor-remedies.js';

const column = 9;
const indent = ' '.repeat(2 + column);
const flakesShown = 10;

const row = (label: string, text: string) => `  ${label.padEnd(column)}${text}`;
const more = (text: string) => `${indent}${text}`;

/** `sluice doctor`'s report for a terminal: one block per repository, then a summary line. */
export function renderDoctorText(report: DoctorReport): string {
  const github =
    report.github.kind === 'checked'
      ? `GitHub ${report.github.url} as ${report.github.app}`
      : `GitHub not checked: ${describeUnchecked({ kind: report.github.why })}`;
  const blocks = report.repos.map((repo) => renderRepo(repo).join('\n'));
  return [
    `Store: ${report.store}`,
    github,
    '',
    ...blocks.flatMap((b) => [b, '']),
    summarize(report),
  ]
    .join('\n')
    .concat('\n');
}

function renderRepo(repo: RepoReport): string[] {
  const lines = [repo.repo];
  if (repo.config)
    lines.push(
      row(
        'config',
        repo.config.valid
          ? `${repo.config.path} on ${repo.config.branch}: valid (queue label \`${repo.config.label}\`)`
          : `${repo.config.path} on ${repo.config.branch}: invalid`,
      ),
    );
  lines.push(
    ...(repo.queues.length === 0
      ? [row('queue', 'nothing queued')]
      : repo.queues.flatMap(renderQueue)),
  );
  for (const finding of repo.findings) lines.push(...renderFinding(finding));
  for (const note of repo.notes) lines.push(row('note', describeNote(note)));
  lines.push(...renderFlakes(repo));
  return lines;
}

function renderQueue(queue: QueueSummary): string[] {
  const waiting =
    queue.pendingRequests === 0 ? '' : `, ${plural(queue.pendingRequests, 'request')} waiting`;
  return [
    row(
      'queue',
      `${queue.base}: ${plural(queue.entries.length, 'entry', 'entries')}${waiting}${inFlight(queue.stagings)}`,
    ),
    ...queue.entries.map((e) =>
      more(
        `#${e.number} ${e.state} at ${shortSha(e.headSha)}, queued by ${e.queuedBy} on ${formatTime(e.queuedAt)}`,
      ),
    ),
    ...queue.stagings.map(renderStaging),
  ];
}

/** `, 3 stagings in flight (2 in the chain, 1 probe)`; nothing when none is. */
function inFlight(stagings: StagingSummary[]): string {
  if (stagings.length === 0) return '';
  const probes = stagings.filter((s) => s.probe).length;
  const chain = stagings.length - probes;
  const parts = [
    ...(chain > 0 ? [`${chain} in the chain`] : []),
    ...(probes > 0 ? [plural(probes, 'probe')] : []),
  ];
  return `, ${plural(stagings.length, 'staging')} in flight (${parts.join(', ')})`;
}

/** `staging #7, position 1: #12, #13, testing at 5c5c5c5`, or `probe #9, position 2: …`. */
function renderStaging(staging: StagingSummary): string {
  const place =
    staging.position === null ? ' (from before batches)' : `, position ${staging.position}`;
  const at = staging.sha === null ? '' : ` at ${shortSha(staging.sha)}`;
  const kind = staging.probe ? 'probe' : 'staging';
  return more(`${kind} #${staging.id}${place}: ${prList(staging.prs)}, ${staging.state}${at}`);
}

function renderFinding(finding: FindingResult): string[] {
  const lines = [row(finding.severity, describeProblem(finding.problem))];
  if (finding.problem.kind === 'config-invalid')
    lines.push(...finding.problem.errors.flatMap(renderConfigError));
  if (finding.remedy.kind === 'none')
    return [...lines, more(`no fix: ${describeNoRepair(finding.remedy.why)}`)];
  const outcome = finding.outcome ? ` → ${describeOutcome(finding.outcome)}` : '';
  return [...lines, more(`fix: ${describeRepair(finding.remedy.repair)}${outcome}`)];
}

function renderConfigError(error: ConfigError): string[] {
  return [
    more(`${error.path}:${error.line}:${error.column}: ${error.message}`),
    more(`  Fix: ${error.fix}`),
  ];
}

function renderFlakes(repo: RepoReport): string[] {
  if (repo.flakes.length === 0) return [];
  const shown = repo.flakes
    .slice(0, flakesShown)
    .map((f) =>
      more(
        `${f.count}× ${f.job}: ${f.signature}, last ${formatTime(f.lastSeenAt)} at ${shortSha(f.lastSha)}`,
      ),
    );
  const hidden = repo.flakes.length - shown.length;
  return [
    row('flakes', 'passed on a re-run, most frequent first:'),
    ...shown,
    ...(hidden > 0 ? [more(`… and ${hidden} more (--json lists them all)`)] : []),
  ];
}

function summarize(report: DoctorReport): string {
  const findings = report.repos.flatMap((r) => r.findings);
  const repos = plural(report.repos.length, 'repository', 'repositories');
  if (findings.length === 0)
    return report.github.kind === 'checked'
      ? `Healthy: nothing wrong in ${repos}.`
      : `Nothing wrong in what the store shows (${repos}); GitHub was not checked.`;
  const count = (severity: string) => findings.filter((f) => f.severity === severity).length;
  const counts = [
    plural(count('error'), 'error'),
    plural(count('warning'), 'warning'),
    `${count('info')} for information`,
  ].join(', ');
  const repairable = findings.filter((f) => f.remedy.kind === 'repair').length;
  const fixed = findings.filter((f) => f.outcome?.kind === 'fixed').length;
  const action = report.fix
    ? ` Fixed ${fixed} of ${repairable}.`
    : repairable > 0
      ? ` \`sluice doctor --fix\` repairs ${repairable} of them.`
      : '';
  return `${repos}: ${counts}.${action}`;
}
