import { describeProblem } from '../messages/doctor-findings.js';
import { describeNote, describeUnchecked } from '../messages/doctor-notes.js';
import { describeNoRepair, describeOutcome, describeRepair } from '../messages/doctor-remedies.js';
import { doctorExitCode } from './doctor-exit-code.js';
import type { DoctorReport, FindingResult, RepoReport } from './types.js';

/**
 * `sluice doctor --json`: one document with the facts as data and, next to them, the
 * sentences the text report shows. Times are ISO 8601 (JSON.stringify writes Dates so).
 */
export function toDoctorJson(report: DoctorReport): object {
  const findings = report.repos.flatMap((r) => r.findings);
  const count = (severity: string) => findings.filter((f) => f.severity === severity).length;
  return {
    healthy: doctorExitCode(report) === 0,
    fix: report.fix,
    store: report.store,
    github:
      report.github.kind === 'checked'
        ? { checked: true, url: report.github.url, app: report.github.app }
        : { checked: false, reason: describeUnchecked({ kind: report.github.why }) },
    repos: report.repos.map(toRepoJson),
    summary: {
      repos: report.repos.length,
      errors: count('error'),
      warnings: count('warning'),
      info: count('info'),
      repairable: findings.filter((f) => f.remedy.kind === 'repair').length,
      fixed: findings.filter((f) => f.outcome?.kind === 'fixed').length,
    },
  };
}

function toRepoJson(repo: RepoReport): object {
  return {
    repo: repo.repo,
    config: repo.config ?? null,
    queues: repo.queues,
    findings: repo.findings.map(toFindingJson),
    notes: repo.notes.map(describeNote),
    flakes: repo.flakes,
  };
}

function toFindingJson(finding: FindingResult): object {
  const { kind, ...detail } = finding.problem;
  const { remedy, outcome } = finding;
  return {
    severity: finding.severity,
    kind,
    message: describeProblem(finding.problem),
    detail,
    fix:
      remedy.kind === 'repair'
        ? { ...remedy.repair, description: describeRepair(remedy.repair) }
        : null,
    noFix: remedy.kind === 'none' ? describeNoRepair(remedy.why) : null,
    outcome: outcome ? { result: outcome.kind, message: describeOutcome(outcome) } : null,
  };
}
