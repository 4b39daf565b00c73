import type { ValidateFunction } from 'ajv';
import { describeSchemaErrors } from './describe-schema-errors.js';
import { excuseKnownSpecBugs } from './excuse-known-spec-bugs.js';
import type { KnownSpecBug, SpecBugSubject } from './known-spec-bugs.js';

export type SchemaCheck =
  { ok: true; excused: KnownSpecBug[] } | { ok: false; errors: string[]; excused: KnownSpecBug[] };

/** Validates, then lets the known spec bugs for `subject` excuse what they explain. */
export function checkAgainstSchema(
  validate: ValidateFunction,
  value: unknown,
  subject: SpecBugSubject | undefined,
  knownSpecBugs: readonly KnownSpecBug[],
): SchemaCheck {
  if (validate(value)) return { ok: true, excused: [] };
  const errors = validate.errors ?? [];
  const { remaining, excused } =
    subject === undefined
      ? { remaining: [...errors], excused: [] }
      : excuseKnownSpecBugs(subject, errors, knownSpecBugs);
  const described = describeSchemaErrors(remaining);
  return described.length === 0 ? { ok: true, excused } : { ok: false, errors: described, excused };
}
