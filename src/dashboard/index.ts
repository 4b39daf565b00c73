/** The operator dashboard's pure part: the view of a queue, and its HTML and terminal renderings. */
export { buildQueueView, type QueueViewInput } from './build-queue-view.js';
export type * from './queue-view.js';
export type * from './view-input.js';
export * from './html/index.js';
export * from './html/paths.js';
export { renderQueueText } from './text/render-queue-text.js';
