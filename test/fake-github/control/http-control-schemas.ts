/**
 * Input pieces shared by several control commands. Objects are strict: a misspelt key is a
 * 400 naming it, not a silently ignored option.
 */
import { z } from 'zod';

export const repoName = z.string().regex(/^[^/\s]+\/[^/\s]+$/, 'a repository is named owner/name');

export const login = z.string().min(1);

export const issueNumber = z.number().int().positive();

export const sha = z.string().regex(/^[0-9a-f]{40}$/, 'a full 40-character commit sha');

/** Path -> content; `null` deletes the file. */
export const fileChanges = z.record(z.string(), z.string().nullable());

export const commit = z.strictObject({ message: z.string().min(1), files: fileChanges });

export const role = z.enum(['admin', 'maintain', 'write', 'triage', 'read']);

/** GitHub App permissions as in a manifest, e.g. `{ "checks": "write" }`. */
export const permissions = z.record(z.string(), z.enum(['read', 'write']));

const requiredCheck = z.union([
  z.string(),
  z.strictObject({ context: z.string(), appId: z.number().int().optional() }),
]);

/** Branch protection as `repo.protect()` takes it. */
export const protection = z.strictObject({
  requiredChecks: z.array(requiredCheck).optional(),
  /** "Require branches to be up to date before merging". */
  strict: z.boolean().optional(),
  requiredApprovals: z.number().int().min(0).optional(),
  enforceAdmins: z.boolean().optional(),
});

export const ruleset = z.strictObject({
  name: z.string(),
  /** Branch names or fnmatch patterns; `~DEFAULT_BRANCH` and `~ALL` work too. */
  branches: z.array(z.string()).min(1),
  requiredChecks: z
    .array(
      z.union([z.string(), z.strictObject({ context: z.string(), integrationId: z.number() })]),
    )
    .optional(),
  requiredApprovals: z.number().int().min(0).optional(),
});

export const repoSettings = z.strictObject({
  allowSquashMerge: z.boolean().optional(),
  allowMergeCommit: z.boolean().optional(),
  allowRebaseMerge: z.boolean().optional(),
  deleteBranchOnMerge: z.boolean().optional(),
});

export const jobConclusion = z.enum([
  'success',
  'failure',
  'neutral',
  'cancelled',
  'skipped',
  'timed_out',
  'action_required',
]);
