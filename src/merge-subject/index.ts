/**
 * Merge subjects: the one grammar the app writes and the changelog reads.
 * App side: `formatMergeMessage`, `validateMergeTemplate`, `MERGE_TEMPLATE_PLACEHOLDERS`.
 * Changelog side: `parseMergeSubject`, `parseCommitMessage`.
 */
export { cleanPullRequestBody, DEFAULT_CUT_MARKERS } from './clean-pull-request-body.js';
export type { BodyOptions } from './clean-pull-request-body.js';
export { formatMergeMessage } from './format-merge-message.js';
export { MergeMessageError } from './format-trailers.js';
export {
  DEFAULT_MERGE_TEMPLATE,
  MERGE_TEMPLATE_PLACEHOLDERS,
  UNTYPED,
  validateMergeTemplate,
} from './merge-template.js';
export type {
  MergeTemplatePlaceholder,
  TemplateValidation,
  TemplateWarning,
} from './merge-template.js';
export { MAX_TITLE_LENGTH, normalizeTitle } from './normalize-title.js';
export { parseCommitMessage, parseMergeSubject } from './parse-merge-subject.js';
export type { ParseOptions } from './parse-merge-subject.js';
export { SLUICE_TRAILERS } from './trailers.js';
export type * from './types.js';
