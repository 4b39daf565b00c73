/**
 * One command of the HTTP control plane: a zod schema for its JSON input, an example (listed
 * by `GET /_control`, quoted in docs/local-github.md and run by the tests, so the three agree)
 * and a function over the harness. Input is validated here, so a command only sees typed values.
 */
import { z } from 'zod';
import type { FakeGitHub } from '../fake-github.js';
import type { RepoHandle } from './repo-handle.js';
import type { Installation } from '../world/types.js';
import { findPull } from '../domain/pulls/pull-record.js';

/** A refusal of the control plane itself: 400 for bad input, 404 when it names something missing. */
export class ControlError extends Error {
  override name = 'ControlError';

  constructor(
    readonly status: 400 | 404,
    message: string,
    readonly issues?: unknown,
  ) {
    super(message);
  }
}

export interface ControlCommand {
  summary: string;
  input: z.ZodType;
  example: unknown;
  run(gh: FakeGitHub, body: unknown): Promise<unknown>;
}

export type CommandTable = Record<string, ControlCommand>;

export function defineCommand<S extends z.ZodType>(definition: {
  summary: string;
  input: S;
  example: z.input<S>;
  run(gh: FakeGitHub, input: z.output<S>): unknown;
}): ControlCommand {
  return {
    summary: definition.summary,
    input: definition.input,
    example: definition.example,
    run: async (gh, body) => {
      const parsed = definition.input.safeParse(body ?? {});
      if (!parsed.success) {
        throw new ControlError(
          400,
          `invalid input:\n${z.prettifyError(parsed.error)}`,
          parsed.error.issues,
        );
      }
      // Commands that change state without a result answer `{}`, so every answer is an object.
      return (await definition.run(gh, parsed.data)) ?? {};
    },
  };
}

export function requireRepoHandle(gh: FakeGitHub, fullName: string): RepoHandle {
  if (!gh.world.repo(fullName)) throw new ControlError(404, `no repository ${fullName}`);
  return gh.repo(fullName);
}

/** The repository, after checking that pull request `number` exists in it. */
export function requirePullRepo(gh: FakeGitHub, fullName: string, number: number): RepoHandle {
  const repo = requireRepoHandle(gh, fullName);
  if (!findPull(repo.state, number))
    throw new ControlError(404, `no pull request #${number} in ${fullName}`);
  return repo;
}

/** The repository, after checking that issue or pull request `number` exists in it. */
export function requireIssueRepo(gh: FakeGitHub, fullName: string, number: number): RepoHandle {
  const repo = requireRepoHandle(gh, fullName);
  if (!repo.state.issues.has(number))
    throw new ControlError(404, `no issue or pull request #${number} in ${fullName}`);
  return repo;
}

export function requireInstallation(gh: FakeGitHub, id: number): Installation {
  const installation = gh.world.installations.get(id);
  if (!installation) throw new ControlError(404, `no installation ${id}`);
  return installation;
}
