import { cleanPullRequestBody } from './clean-pull-request-body.js';
import { parseConventionalHeader } from './conventional-header.js';
import { formatCoAuthors, formatExtraTrailers, MergeMessageError } from './format-trailers.js';
import { DEFAULT_MERGE_TEMPLATE, UNTYPED } from './merge-template.js';
import { renderMergeTemplate, validateMergeTemplate } from './merge-template.js';
import { normalizeTitle } from './normalize-title.js';
import { readTitle } from './read-title.js';
import type { SubjectReading } from './subject-reading.js';
import { SLUICE_TRAILERS, hasBreakingChangeFooter } from './trailers.js';
import type { MergeMessage, MergeMessageInput } from './types.js';

/**
 * The commit message Sluice lands for a pull request: a subject from the template, the
 * cleaned PR body, then one trailer block the changelog reads back exactly.
 * Throws `MergeMessageError` for an invalid template or trailer (config validates both).
 */
export function formatMergeMessage(input: MergeMessageInput): MergeMessage {
  const { pr } = input;
  const validation = validateMergeTemplate(input.template ?? DEFAULT_MERGE_TEMPLATE);
  if (!validation.ok) throw new MergeMessageError(`merge template ${validation.reason}`);
  if (!Number.isSafeInteger(pr.number) || pr.number < 1) {
    throw new MergeMessageError(`invalid pull request number ${pr.number}`);
  }
  const title = normalizeTitle(pr.title);
  const cleanBody = cleanPullRequestBody(pr.body, input);
  const reading = readTitle(title, cleanBody);
  const type = normalizeType(pr.type) ?? reading.type;
  const subject = renderMergeTemplate(validation.parts, {
    number: String(pr.number),
    title,
    description: parseConventionalHeader(title)?.description ?? title,
    type: type ?? UNTYPED,
    scope: reading.scope ?? '',
    author: pr.author.login.replace(/[^\w[\]-]/g, '') || 'ghost',
    base: (pr.base ?? '').replace(/\s/g, ''),
  });
  const trailers = [
    ...(input.trailers === false ? [] : sluiceTrailers(pr.number, type, reading, cleanBody)),
    ...(input.trailers === false ? [] : formatExtraTrailers(input.trailers ?? {})),
    ...formatCoAuthors(pr.author, pr.coAuthors ?? []),
  ];
  const body = [cleanBody, trailers.join('\n')].filter((part) => part !== '').join('\n\n');
  return { subject, body, message: body === '' ? subject : `${subject}\n\n${body}` };
}

function sluiceTrailers(
  number: number,
  type: string | undefined,
  reading: SubjectReading,
  body: string,
): string[] {
  const breaking = reading.breaking || hasBreakingChangeFooter(body);
  return [
    `${SLUICE_TRAILERS.pr}: ${number}`,
    ...(type === undefined ? [] : [`${SLUICE_TRAILERS.type}: ${type}`]),
    ...(reading.scope === undefined ? [] : [`${SLUICE_TRAILERS.scope}: ${reading.scope}`]),
    ...(breaking ? [`${SLUICE_TRAILERS.breaking}: true`] : []),
  ];
}

/** A type from a label or the app: one lower-case word, or nothing. */
function normalizeType(type: string | undefined): string | undefined {
  const word = type?.trim().toLowerCase();
  return word !== undefined && /^[a-z][a-z0-9-]{0,29}$/.test(word) && word !== UNTYPED
    ? word
    : undefined;
}
