import type { ErrorCode } from 'yaml';
import type { YamlSyntaxHint } from './types.js';

/** The likeliest cause behind one of `yaml`'s error codes, so the fix can be specific. */
export function hintForYamlError(code: ErrorCode): YamlSyntaxHint {
  switch (code) {
    case 'TAB_AS_INDENT':
      return 'tab-indent';
    case 'BAD_INDENT':
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'BLOCK_IN_FLOW':
    case 'MISSING_CHAR':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'indentation';
    case 'TAG_RESOLVE_FAILED':
    case 'BAD_COLLECTION_TYPE':
      return 'custom-tag';
    case 'NON_STRING_KEY':
      return 'complex-key';
    case 'ALIAS_PROPS':
    case 'BAD_ALIAS':
    case 'BAD_DIRECTIVE':
    case 'BAD_DQ_ESCAPE':
    case 'BAD_PROP_ORDER':
    case 'BAD_SCALAR_START':
    case 'IMPOSSIBLE':
    case 'KEY_OVER_1024_CHARS':
    case 'MULTIPLE_ANCHORS':
    case 'MULTIPLE_TAGS':
    case 'UNEXPECTED_TOKEN':
      return 'other';
    // Reported as problems of their own; should one arrive here, it still fails.
    case 'DUPLICATE_KEY':
    case 'MULTIPLE_DOCS':
    case 'RESOURCE_EXHAUSTION':
      return 'other';
  }
}
