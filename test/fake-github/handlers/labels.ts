import type { HandlerContext, HandlerTable } from './types.js';
import { requireRepo } from './types.js';
import { actorOf } from '../auth/authenticate.js';
import { notFound } from '../http/github-error.js';
import { answerNow } from './answer-now.js';
import { pagedAnswer } from './paged-answer.js';
import { renderLabel } from '../render/basics.js';
import { requireIssue } from '../domain/issues.js';
import {
  addLabels,
  createLabel,
  findLabel,
  labelsOn,
  removeLabel,
  setLabels,
} from '../domain/labels.js';
import type { Issue, Label, RepoState } from '../world/types.js';
import { created } from './created.js';

/**
 * Label bodies come in every shape the spec allows: `{labels: [...]}`, a bare array, or a
 * single string; each item a name or `{name}`.
 */
export function parseLabelNames(body: unknown): string[] {
  const list: unknown =
    typeof body === 'object' && body !== null && !Array.isArray(body)
      ? (body as { labels?: unknown }).labels
      : body;
  const items: unknown[] = Array.isArray(list) ? list : list === undefined ? [] : [list];
  return items.flatMap((item) => {
    if (typeof item === 'string') return [item];
    const name =
      typeof item === 'object' && item !== null ? (item as { name?: unknown }).name : undefined;
    return typeof name === 'string' ? [name] : [];
  });
}

function target(ctx: HandlerContext): { repo: RepoState; issue: Issue } {
  const repo = requireRepo(ctx);
  return { repo, issue: requireIssue(repo, Number(ctx.params.issue_number)) };
}

function renderLabels(
  ctx: HandlerContext,
  repo: RepoState,
  labels: Label[],
): Record<string, unknown>[] {
  return labels.map((label) => renderLabel(ctx.world, repo, label));
}

export const labelHandlers: HandlerTable = {
  'issues/list-labels-on-issue': answerNow((ctx) => {
    const { repo, issue } = target(ctx);
    return pagedAnswer(ctx, labelsOn(repo, issue), (label) => renderLabel(ctx.world, repo, label));
  }),

  'issues/add-labels': async (ctx) => {
    const { repo, issue } = target(ctx);
    const labels = await addLabels(ctx, {
      repo,
      issue,
      names: parseLabelNames(ctx.body),
      actor: actorOf(ctx.caller),
    });
    return { status: 200, body: renderLabels(ctx, repo, labels) };
  },

  'issues/set-labels': async (ctx) => {
    const { repo, issue } = target(ctx);
    const labels = await setLabels(ctx, {
      repo,
      issue,
      names: parseLabelNames(ctx.body),
      actor: actorOf(ctx.caller),
    });
    return { status: 200, body: renderLabels(ctx, repo, labels) };
  },

  'issues/remove-label': async (ctx) => {
    const { repo, issue } = target(ctx);
    const labels = await removeLabel(ctx, {
      repo,
      issue,
      name: ctx.params.name!,
      actor: actorOf(ctx.caller),
    });
    return { status: 200, body: renderLabels(ctx, repo, labels) };
  },

  'issues/create-label': answerNow((ctx) => {
    const repo = requireRepo(ctx);
    const { name, color, description } = ctx.body as {
      name: string;
      color?: string;
      description?: string;
    };
    return created(
      renderLabel(ctx.world, repo, createLabel(ctx.world, repo, { name, color, description })),
    );
  }),

  'issues/get-label': answerNow((ctx) => {
    const repo = requireRepo(ctx);
    const label = findLabel(repo, ctx.params.name!);
    if (!label) throw notFound();
    return { status: 200, body: renderLabel(ctx.world, repo, label) };
  }),
};
