import type { SluiceConfig } from '../../config/index.js';
import type { StagingView } from '../../github/port.js';
import { formatMergeMessage } from '../../merge-subject/index.js';

/** The commit message a PR's squash lands with: the configured subject, body, trailers and co-authors. */
export function mergeMessage(config: SluiceConfig, view: StagingView): string {
  const { pull } = view;
  const coAuthors = config.mergeMessage.coAuthors ? view.commitAuthors : [];
  const body = config.mergeMessage.body;
  return formatMergeMessage({
    template: config.mergeMessage.subject,
    pr: {
      number: pull.number,
      title: pull.title,
      body: body.includePrBody ? pull.body : '',
      author: { login: pull.author },
      coAuthors,
      base: pull.baseRef,
    },
    stripHtmlComments: body.stripHtmlComments,
    cutMarkers: body.cutMarker ? [body.cutMarker] : [],
    trailers: config.mergeMessage.trailers ? {} : false,
  }).message;
}
