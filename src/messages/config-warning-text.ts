import type { ConfigWarningKind } from '../config/types.js';
import { codeSpan } from './config-value-text.js';

/** The sentence for a setting that is valid but probably not what its author meant. */
export function describeConfigWarning(kind: ConfigWarningKind): string {
  switch (kind) {
    case 'subject-without-number':
      return `${codeSpan('mergeMessage.subject')} has no ${codeSpan('{number}')} and ${codeSpan('mergeMessage.trailers')} is off, so changelog entries cannot link to their pull requests.`;
    case 'type-placeholder-without-grammar':
      return `${codeSpan('mergeMessage.subject')} uses ${codeSpan('{type}')} or ${codeSpan('{scope}')}, which stay empty for titles that are not conventional commits; set ${codeSpan('mergeMessage.requireConventionalTitle: true')} to refuse such titles.`;
  }
}
