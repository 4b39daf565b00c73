import type { GateVerdictSummary } from '../queue/gate-policy.js';
import { clipText, neutraliseMentions, plainTitle } from './markdown.js';
import type { CheckRunAnnotation } from './queue-message-types.js';
import { githubLimits } from './queue-github-limits.js';

// A check run with thousands of annotations is unreadable and costs a request per 50.
const maxAnnotations = 500;

/**
 * The findings the tools reported at a file and line, as check-run annotations in chunks of
 * 50 (GitHub's limit per request): send the first with the check run, the rest as updates.
 * The same finding reported by two checks is shown once.
 */
export function renderGateAnnotations(
  verdicts: readonly GateVerdictSummary[],
): CheckRunAnnotation[][] {
  const seen = new Set<string>();
  const annotations: CheckRunAnnotation[] = [];
  for (const verdict of verdicts) {
    for (const found of verdict.annotations) {
      const path = found.path.replace(/^\.\//, '');
      const key = `${path}\n${found.line}\n${found.message}`;
      // GitHub rejects a relative path that climbs out of the repository or a line below 1.
      if (seen.has(key) || path === '' || path.startsWith('/') || path.split('/').includes('..'))
        continue;
      if (!Number.isInteger(found.line) || found.line < 1) continue;
      seen.add(key);
      annotations.push({
        path,
        start_line: found.line,
        end_line: found.line,
        annotation_level: 'failure',
        title: plainTitle(`${found.tool} in ${verdict.check}`),
        message: clipText(neutraliseMentions(found.message), githubLimits.annotationMessage),
      });
    }
  }
  return chunk(annotations.slice(0, maxAnnotations), githubLimits.annotationsPerRequest);
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size)
    chunks.push(items.slice(start, start + size));
  return chunks;
}
