import type { GateClass } from './types.js';

/** What each class means, in the words a maintainer reads in a report. */
export function describeGateClass(cls: GateClass): string {
  switch (cls) {
    case 'fmt':
      return 'a formatter would rewrite the code';
    case 'lint':
      return 'a linter reported problems';
    case 'build':
      return 'the code does not compile or type-check';
    case 'test':
      return 'tests failed';
    case 'conflict':
      return 'the merge stopped on conflicts';
    case 'infra':
      return 'the environment failed, not the code';
    case 'unknown':
      return 'no evidence for a known gate';
  }
}
