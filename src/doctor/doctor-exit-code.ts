import type { DoctorReport, FindingResult } from './types.js';

/** An error or warning that no repair took care of; information never counts. */
export function isUnresolved(finding: FindingResult): boolean {
  const outcome = finding.outcome?.kind;
  return finding.severity !== 'info' && outcome !== 'fixed' && outcome !== 'already-changed';
}

/** 0 when nothing is (still) wrong, 1 otherwise; 2 (could not check) is the command's. */
export function doctorExitCode(report: DoctorReport): 0 | 1 {
  return report.repos.some((repo) => repo.findings.some(isUnresolved)) ? 1 : 0;
}
