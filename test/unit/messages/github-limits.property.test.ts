import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  githubLimits,
  renderDequeuedCheckRun,
  renderDequeuedComment,
  renderEntryCheckRun,
  renderGateAnnotations,
  renderRefusedCheckRun,
  renderRefusedComment,
  type CheckRunRender,
} from '../../../src/messages/index.js';
import { bulkyVerdicts, verdict } from './hostile-arbitraries.js';
import { dequeueReason, entryStatus, messageContext, refusal } from './queue-arbitraries.js';
import { fencesBalanced, liveMentions } from './markdown-checks.js';

function expectWithinLimits(run: CheckRunRender): void {
  expect(run.title.length).toBeLessThanOrEqual(githubLimits.title);
  expect(run.title).not.toMatch(/[\r\n]/);
  expect(run.summary.length).toBeLessThanOrEqual(githubLimits.checkRunOutput);
  expect((run.text ?? '').length).toBeLessThanOrEqual(githubLimits.checkRunOutput);
  expect(run.actions.length).toBeLessThanOrEqual(githubLimits.actions);
  for (const chunk of run.annotations) {
    expect(chunk.length).toBeLessThanOrEqual(githubLimits.annotationsPerRequest);
  }
}

function expectWellFormed(markdown: string, allowedMentions: readonly string[] = []): void {
  expect(fencesBalanced(markdown)).toBe(true);
  for (const name of liveMentions(markdown)) expect(allowedMentions).toContain(name);
}

describe('whatever the input, rendered text', () => {
  it('of a dequeue stays within GitHub limits, closes its fences and pings nobody', () => {
    fc.assert(
      fc.property(dequeueReason, messageContext, (reason, ctx) => {
        const run = renderDequeuedCheckRun(reason, ctx);
        expectWithinLimits(run);
        expectWellFormed(run.summary);
        expectWellFormed(run.text ?? '');
        const comment = renderDequeuedComment(reason, ctx) ?? '';
        expect(comment.length).toBeLessThanOrEqual(githubLimits.commentBody);
        expectWellFormed(comment);
      }),
      { numRuns: 150 },
    );
  });

  it('of many long verdicts is cut between whole verdicts, keeping the instructions', () => {
    fc.assert(
      fc.property(bulkyVerdicts, messageContext, (verdicts, ctx) => {
        const reason = { kind: 'checks-failed' as const, verdicts };
        const run = renderDequeuedCheckRun(reason, ctx);
        expectWithinLimits(run);
        expect(run.text).toContain('left out to stay within GitHub');
        expectWellFormed(run.text ?? '');
        const comment = renderDequeuedComment(reason, ctx) ?? '';
        expect(comment.length).toBeLessThanOrEqual(githubLimits.commentBody);
        expect(comment).toContain('left out to stay within GitHub');
        expect(comment).toContain('queue it again');
        expectWellFormed(comment);
      }),
      { numRuns: 20 },
    );
  });

  it('of a refusal pings only the person who asked', () => {
    fc.assert(
      fc.property(refusal, messageContext, (reason, ctx) => {
        const asked = reason.kind === 'permission' ? [reason.by.replace(/\[bot\]$/, '')] : [];
        const run = renderRefusedCheckRun(reason, ctx);
        expectWithinLimits(run);
        expectWellFormed(run.summary, asked);
        const comment = renderRefusedComment(reason, ctx);
        expect(comment.length).toBeLessThanOrEqual(githubLimits.commentBody);
        expectWellFormed(comment, asked);
      }),
      { numRuns: 300 },
    );
  });

  it('of a queued entry stays within limits and pings nobody', () => {
    fc.assert(
      fc.property(entryStatus, messageContext, (status, ctx) => {
        const run = renderEntryCheckRun({ pr: 1, headSha: 'a'.repeat(40), status }, ctx);
        expectWithinLimits(run);
        expectWellFormed(run.summary);
        expectWellFormed(run.text ?? '');
      }),
      { numRuns: 300 },
    );
  });
});

describe('annotations from any verdicts', () => {
  it('come in chunks GitHub accepts, each with a line and a bounded title and message', () => {
    fc.assert(
      fc.property(fc.array(verdict, { maxLength: 20 }), (verdicts) => {
        const chunks = renderGateAnnotations(verdicts);
        for (const chunk of chunks) {
          expect(chunk.length).toBeGreaterThan(0);
          expect(chunk.length).toBeLessThanOrEqual(githubLimits.annotationsPerRequest);
          for (const annotation of chunk) {
            expect(annotation.start_line).toBeGreaterThanOrEqual(1);
            expect(annotation.title.length).toBeLessThanOrEqual(githubLimits.title);
            expect(annotation.message.length).toBeLessThanOrEqual(githubLimits.annotationMessage);
            expect(liveMentions(annotation.message)).toEqual([]);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
