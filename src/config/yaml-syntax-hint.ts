import type { YamlSyntaxHint } from './types.js';

/**
 * Reads js-yaml's reason (and the offending line) for the likeliest cause. js-yaml reports
 * a tab in indentation only in some positions; elsewhere a tab shows up as a confusing
 * "end of the stream" error, so the line itself is checked too.
 */
export function classifyYamlSyntaxError(reason: string, lineText: string): YamlSyntaxHint {
  if (/\btab\b/i.test(reason) || /^[ ]*\t/.test(lineText)) return 'tab-indent';
  if (/duplicated mapping key/i.test(reason)) return 'duplicate-key';
  if (/unidentified alias/i.test(reason)) return 'undefined-alias';
  if (/unknown (scalar |sequence |mapping )?tag/i.test(reason)) return 'custom-tag';
  if (/complex keys/i.test(reason)) return 'complex-key';
  if (/indentation/i.test(reason)) return 'indentation';
  return 'other';
}
