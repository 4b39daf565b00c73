import { describeConfigWarning } from '../messages/config-warning-text.js';
import type { ConfigDocument, ConfigWarning, ConfigWarningKind, SluiceConfig } from './types.js';
import { locateKeyPath } from './locate-key-path.js';

/** Settings that are valid but undermine something the author most likely wants. */
export function collectConfigWarnings(
  config: SluiceConfig,
  document: ConfigDocument,
): ConfigWarning[] {
  const { subject, trailers, requireConventionalTitle } = config.mergeMessage;
  const kinds: ConfigWarningKind[] = [];
  // The changelog links an entry to its PR by `Sluice-PR:` or by `(#N)` in the subject.
  if (!subject.includes('{number}') && !trailers) kinds.push('subject-without-number');
  if (/\{(type|scope)\}/.test(subject) && !requireConventionalTitle) {
    kinds.push('type-placeholder-without-grammar');
  }
  const location = locateKeyPath(document.locations, ['mergeMessage', 'subject'], 'value');
  return kinds.map((kind) => ({
    path: location.file,
    line: location.line,
    column: location.column,
    keyPath: 'mergeMessage.subject',
    kind,
    message: describeConfigWarning(kind),
  }));
}
