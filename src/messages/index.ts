export {
  renderConfigErrors,
  type ConfigAnnotation,
  type ConfigCheckOutput,
  type ConfigErrorContext,
} from './config-errors.js';
export { renderConfigWarnings } from './config-warnings.js';
export { renderGateAnnotations } from './gate-annotations.js';
export { renderGateVerdicts } from './gate-verdicts.js';
export {
  escapeMarkdown,
  fencedBlock,
  inlineCode,
  mention,
  neutraliseMentions,
  plainTitle,
} from './markdown.js';
export { queueActionIds, queueCheckRunActions } from './queue-check-run-actions.js';
export { renderEntryCheckRun } from './queue-entry-check-run.js';
export { githubLimits } from './queue-github-limits.js';
export { renderHelpComment, type HelpContext } from './queue-help.js';
export { renderPriorityComment } from './queue-priority-text.js';
export { renderUnknownCommandComment } from './queue-unknown-command.js';
export { renderMergedCheckRun, renderMergedComment, type MergedFacts } from './queue-merged.js';
export type {
  CheckRunAction,
  CheckRunAnnotation,
  CheckRunConclusion,
  CheckRunRender,
  QueueMessageContext,
} from './queue-message-types.js';
export {
  renderDequeuedCheckRun,
  renderDequeuedComment,
  renderRefusedCheckRun,
  renderRefusedComment,
} from './queue-outcomes.js';
export { outcomeMarker, withOutcomeMarker } from './outcome-marker.js';
