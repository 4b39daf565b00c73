/**
 * The classes the gate classifier assigns to a failing check (issue 4). Config needs the
 * list to validate per-class settings; the classifier owns what each class means.
 */
export const gateClasses = [
  'fmt',
  'lint',
  'build',
  'test',
  'conflict',
  'infra',
  'unknown',
] as const;

export type GateClass = (typeof gateClasses)[number];
