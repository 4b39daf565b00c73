import type { ConfigError } from '../config/types.js';
import { configReferenceUrl } from '../config/config-urls.js';
import { codeSpan } from './config-value-text.js';

/** Where the broken config was found, which changes what it means for the reader. */
export type ConfigErrorContext = 'default-branch' | 'pull-request';

/** A GitHub check-run annotation (REST `output.annotations[]`). */
export interface ConfigAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'failure';
  title: string;
  message: string;
}

export interface ConfigCheckOutput {
  title: string;
  summary: string;
  annotations: ConfigAnnotation[];
}

// GitHub caps a check run's summary at 65,535 characters and takes 50 annotations per
// request; the first problems are the ones worth reading anyway.
const maxListed = 50;
const maxSentence = 1_000;

/**
 * The failing `Sluice` check run for an invalid config: each problem with its file, line
 * and fix. `annotatePath` is the config file's path in the repository the check run
 * belongs to; problems in inherited files (`_extends`) are listed but not annotated.
 */
export function renderConfigErrors(
  errors: readonly ConfigError[],
  options: { context: ConfigErrorContext; annotatePath: string },
): ConfigCheckOutput {
  const listed = errors.slice(0, maxListed);
  const files = [...new Set(listed.map((error) => error.path))];
  const noun = errors.length === 1 ? 'problem' : 'problems';
  const subject = files.length === 1 ? files[0] : 'Sluice configuration';
  const sections = files.map((file) =>
    renderFile(
      file,
      listed.filter((error) => error.path === file),
    ),
  );
  const hidden = errors.length - listed.length;
  const summary = [
    introduction(options.context),
    ...sections,
    ...(hidden > 0
      ? [`… and ${hidden} more. Fix the ones above and Sluice will list the rest.`]
      : []),
    `Every setting is described in the [configuration reference](${configReferenceUrl}).`,
  ].join('\n\n');
  return {
    title: `Invalid ${subject} (${errors.length} ${noun})`,
    summary: `${summary}\n`,
    annotations: listed.filter((error) => error.path === options.annotatePath).map(toAnnotation),
  };
}

function introduction(context: ConfigErrorContext): string {
  switch (context) {
    case 'default-branch':
      return 'Sluice merges nothing in this repository until its configuration on the default branch is valid again.';
    case 'pull-request':
      return 'This pull request changes the Sluice configuration. Merged as it is, it would stop Sluice from merging anything in this repository.';
  }
}

function renderFile(file: string, errors: readonly ConfigError[]): string {
  const items = errors.map(
    (error, index) =>
      `${index + 1}. **Line ${error.line}, column ${error.column}:** ${clip(error.message)}\n` +
      `   **Fix:** ${clip(error.fix)}`,
  );
  return [`### ${codeSpan(file)}`, ...items].join('\n\n');
}

function toAnnotation(error: ConfigError): ConfigAnnotation {
  return {
    path: error.path,
    start_line: error.line,
    end_line: error.line,
    annotation_level: 'failure',
    title:
      error.keyPath === '' ? 'Invalid Sluice configuration' : `Invalid setting ${error.keyPath}`,
    message: `${clip(error.message)}\nFix: ${clip(error.fix)}`,
  };
}

/** Messages quote what the user wrote; a pathological key must not blow the size limit. */
function clip(sentence: string): string {
  return sentence.length <= maxSentence ? sentence : `${sentence.slice(0, maxSentence)}…`;
}
