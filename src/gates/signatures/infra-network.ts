import type { ToolSpec } from '../types.js';
import { phraseSignature } from './phrase-signature.js';

/**
 * Registries, mirrors and the network failing: worth a retry. Last in the search order,
 * so any tool signature on the same line wins; never `afterTests`, so a test whose own
 * failure message mentions ECONNRESET stays a test failure.
 */
export const networkTools: readonly ToolSpec[] = [
  {
    id: 'network',
    class: 'infra',
    signatures: [
      {
        id: 'errno',
        anchor: [
          'ECONNRESET',
          'ETIMEDOUT',
          'ECONNREFUSED',
          'EAI_AGAIN',
          'ENOTFOUND',
          'ENETUNREACH',
          'EHOSTUNREACH',
          'ESOCKETTIMEDOUT',
          'ECONNABORTED',
          'FETCH_ERROR',
          'ERR_SOCKET_TIMEOUT',
        ],
        pattern:
          /\b(?:ECONNRESET|ETIMEDOUT|ECONNREFUSED|EAI_AGAIN|ENOTFOUND|ENETUNREACH|EHOSTUNREACH|ESOCKETTIMEDOUT|ECONNABORTED|FETCH_ERROR|ERR_SOCKET_TIMEOUT)\b/,
      },
      phraseSignature('dns', [
        'no such host',
        'Name or service not known',
        'Temporary failure in name resolution',
        'Temporary failure resolving',
        'Could not resolve host',
        'nodename nor servname provided',
        'UnknownHostException',
        'getaddrinfo',
      ]),
      phraseSignature('timeout', [
        'i/o timeout',
        'TLS handshake timeout',
        'Connection timed out',
        'connection timed out',
        'Connect timed out',
        'connect timed out',
        'Read timed out',
        'Operation timed out',
        'network timeout at',
        'Timeout was reached',
        'request canceled while waiting for connection',
        'Client.Timeout exceeded',
      ]),
      phraseSignature('connection', [
        'connection reset by peer',
        'Connection reset',
        'socket hang up',
        'Connection refused',
        'RPC failed',
        'SSL_ERROR_SYSCALL',
        'gnutls_handshake() failed',
        'Failed to connect to',
        'Failed to establish a new connection',
        'Remote end closed connection',
        'Connection aborted',
        'Unable to connect to',
        'Hash Sum mismatch',
        'There appears to be trouble with your network connection',
        "Couldn't connect to server",
        'Failure when receiving data from the peer',
        'Empty reply from server',
        'the remote end hung up unexpectedly',
        'failed to download from',
        'JVM heap space is exhausted',
      ]),
      {
        id: 'http-status',
        anchor: [
          'HTTP error ',
          'Too Many Requests',
          'Bad Gateway',
          'Service Unavailable',
          'Gateway Time',
          'rate limit',
          'toomanyrequests',
          'E429',
          'E50',
          'got 429',
          'got 50',
          'error: 429',
          'error: 50',
          'code: 429',
          'code: 50',
          'code 429',
          'code 50',
        ],
        pattern:
          /Too Many Requests|Bad Gateway|Service Unavailable|Gateway Time-?out|rate limit (?:exceeded|reached)|secondary rate limit|toomanyrequests|\bE(?:429|50[0234])\b|\bgot (?:429|50[0234])\b|returned error: (?:429|50[0234])\b|status code:? (?:429|50[0234])\b|HTTP error (?:429|50[0234])\b/,
      },
    ],
  },
  {
    id: 'package-registry',
    class: 'infra',
    signatures: [
      {
        id: 'pnpm-fetch',
        anchor: 'ERR_PNPM_',
        pattern: /ERR_PNPM_(?:FETCH_(?:429|50\d)|META_FETCH_FAIL|TARBALL_FETCH_FAIL)/,
      },
      phraseSignature('npm-network', ['npm ERR! network', 'npm error network']),
      phraseSignature('nuget-feed', ['Unable to load the service index for source']),
      phraseSignature(
        'retrying',
        ['Retrying (Retry(', 'spurious network error', 'Could not transfer artifact'],
        {
          strength: 'weak',
        },
      ),
    ],
  },
];
