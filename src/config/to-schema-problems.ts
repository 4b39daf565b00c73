import type { z } from 'zod';
import type { SchemaProblem, SizedThing, ValueShape } from './types.js';
import type { KeyPath } from './format-key-path.js';
import { jsonSchemaAt } from './config-json-schema.js';
import { suggestClosest } from './suggest-closest.js';

type ZodIssue = z.ZodError['issues'][number];

export interface PlacedProblem {
  path: KeyPath;
  /** Point at the key (a misspelt name) or at the value (a wrong value). */
  at: 'key' | 'value';
  problem: SchemaProblem;
}

const shapes: Record<string, ValueShape> = {
  object: 'mapping',
  record: 'mapping',
  array: 'list',
  string: 'text',
  number: 'number',
  int: 'whole number',
  boolean: 'boolean',
};

const sizedThings: Record<string, SizedThing> = {
  number: 'number',
  int: 'number',
  string: 'text',
  array: 'list',
};

/** Turns one zod issue into the problems a user reads; `input` is what they wrote. */
export function toSchemaProblems(issue: ZodIssue, input: unknown): PlacedProblem[] {
  const path = issue.path.filter(
    (segment): segment is string | number => typeof segment !== 'symbol',
  );
  const received = valueAt(input, path);
  const here = (problem: SchemaProblem): PlacedProblem[] => [{ path, at: 'value', problem }];
  const missing = received === undefined && isMapping(valueAt(input, path.slice(0, -1)));
  if (missing && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
    return here({ kind: 'missing-key', key: String(path.at(-1)) });
  }
  switch (issue.code) {
    case 'unrecognized_keys': {
      const knownKeys = Object.keys(jsonSchemaAt(path)?.properties ?? {});
      return issue.keys.map((key) => {
        const suggestion = suggestClosest(key, knownKeys);
        const problem: SchemaProblem = {
          kind: 'unknown-key',
          key,
          knownKeys,
          ...(suggestion === undefined ? {} : { suggestion }),
        };
        return { path: [...path, key], at: 'key', problem };
      });
    }
    case 'invalid_type': {
      const parentHolds = isMapping(valueAt(input, path.slice(0, -1)));
      if (received === undefined && parentHolds)
        return here({ kind: 'missing-key', key: String(path.at(-1)) });
      const schema = jsonSchemaAt(path);
      // zod names integers `number` when the input is not a number at all.
      const expected = schema?.type === 'integer' ? 'whole number' : shapes[issue.expected];
      if (expected === undefined) return here({ kind: 'unexpected', detail: issue.message });
      return here({ kind: 'wrong-type', expected, received, example: schema?.default });
    }
    case 'invalid_value': {
      const options = issue.values.map(String);
      const suggestion =
        typeof received === 'string' ? suggestClosest(received, options) : undefined;
      return here({
        kind: 'not-one-of',
        options,
        received,
        ...(suggestion === undefined ? {} : { suggestion }),
      });
    }
    case 'too_small': {
      const of = sizedThings[issue.origin];
      if (of === undefined) return here({ kind: 'unexpected', detail: issue.message });
      return here({ kind: 'too-small', of, minimum: Number(issue.minimum), received });
    }
    case 'too_big': {
      const of = sizedThings[issue.origin];
      if (of === undefined) return here({ kind: 'unexpected', detail: issue.message });
      return here({ kind: 'too-big', of, maximum: Number(issue.maximum), received });
    }
    case 'custom': {
      const problem = (issue.params as { problem?: SchemaProblem } | undefined)?.problem;
      return here(problem ?? { kind: 'unexpected', detail: issue.message });
    }
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
    case 'invalid_format':
    case 'not_multiple_of':
      // The schema uses none of these; should one appear, it still fails, with zod's words.
      return here({ kind: 'unexpected', detail: issue.message });
  }
}

function valueAt(input: unknown, path: KeyPath): unknown {
  let value = input;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, segment))
      return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

function isMapping(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
