import type { ToolSpec } from '../types.js';
import { phraseSignature } from './phrase-signature.js';

/**
 * The runner or the machine gave out. These may follow a test runner's failure report
 * (`afterTests`): a test process killed for memory right after PASS lines is infra.
 */
export const runnerTools: readonly ToolSpec[] = [
  {
    id: 'runner',
    class: 'infra',
    signatures: [
      phraseSignature(
        'aborted',
        [
          'The operation was canceled',
          'The job was canceled because',
          'has exceeded the maximum execution time',
          'received a shutdown signal',
          'lost communication with the server',
          'Received request to deprovision',
          'error occurred while provisioning resources',
          'The hosted runner encountered an error',
        ],
        { afterTests: true },
      ),
      {
        id: 'step-timeout',
        anchor: 'has timed out after',
        pattern: /^The action '.+' has timed out after \d+ minutes/,
        afterTests: true,
      },
      {
        // 137 = 128 + SIGKILL: the kernel's OOM killer, or the runner stopping the step.
        id: 'exit-137',
        anchor: 'exit code 137',
        pattern: /^(?:Error: )?Process completed with exit code 137\.?$/,
        afterTests: true,
      },
    ],
  },
  {
    id: 'memory',
    class: 'infra',
    signatures: [
      {
        // Bash reports a child killed by SIGKILL as `Killed`, or `line N: PID Killed  cmd`.
        id: 'killed',
        anchor: 'Killed',
        pattern: /^Killed(?::\s*9)?\s*$|: line \d+: +\d+ Killed\b/,
        afterTests: true,
      },
      {
        id: 'sigkill',
        anchor: ['SIGKILL', 'signal 9', 'signal: killed', 'Killed signal'],
        pattern:
          /signal: 9, SIGKILL|SIGKILL: kill|(?:terminated|killed) (?:with|by) signal 9\b|\bsignal: killed\b|Killed signal terminated program/,
        afterTests: true,
      },
      phraseSignature(
        'out-of-memory',
        [
          'JavaScript heap out of memory',
          'fatal error: runtime: out of memory',
          'Cannot allocate memory',
          'virtual memory exhausted',
        ],
        { afterTests: true },
      ),
      phraseSignature('jvm-heap', ['java.lang.OutOfMemoryError', 'GC overhead limit exceeded']),
    ],
  },
  {
    id: 'disk',
    class: 'infra',
    signatures: [
      phraseSignature(
        'full',
        ['No space left on device', 'no space left on device', 'Disk quota exceeded'],
        { afterTests: true },
      ),
    ],
  },
  {
    id: 'docker',
    class: 'infra',
    signatures: [phraseSignature('daemon', ['Cannot connect to the Docker daemon'])],
  },
];
