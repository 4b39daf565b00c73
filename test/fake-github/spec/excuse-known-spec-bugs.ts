import type { ErrorObject } from 'ajv';
import type { KnownSpecBug, SpecBugSite, SpecBugSubject } from './known-spec-bugs.js';

export interface ExcusedErrors {
  remaining: ErrorObject[];
  /** The entries that excused at least one error, so callers can see the list at work. */
  excused: KnownSpecBug[];
}

/**
 * Drops the errors a known spec bug explains: same response or webhook, same instance
 * path, and the value is exactly what the entry excuses (needs Ajv's `verbose` for `data`).
 */
export function excuseKnownSpecBugs(
  subject: SpecBugSubject,
  errors: readonly ErrorObject[],
  bugs: readonly KnownSpecBug[],
): ExcusedErrors {
  const remaining: ErrorObject[] = [];
  const excused = new Set<KnownSpecBug>();
  for (const error of errors) {
    const bug = bugs.find(
      (candidate) =>
        error.data === candidate.excusedValue &&
        candidate.sites.some(
          (site) =>
            isSameSubject(site, subject) && matchesPath(site.instancePath, error.instancePath),
        ),
    );
    if (bug === undefined) remaining.push(error);
    else excused.add(bug);
  }
  return { remaining, excused: [...excused] };
}

function isSameSubject(site: SpecBugSite, subject: SpecBugSubject): boolean {
  switch (site.kind) {
    case 'response':
      return (
        subject.kind === 'response' &&
        subject.operationId === site.operationId &&
        subject.status === site.status
      );
    case 'webhook':
      return subject.kind === 'webhook' && subject.key === site.key;
  }
}

function matchesPath(pattern: string, instancePath: string): boolean {
  const expected = pattern.split('/');
  const actual = instancePath.split('/');
  return (
    expected.length === actual.length &&
    expected.every((segment, index) => segment === '*' || segment === actual[index])
  );
}
