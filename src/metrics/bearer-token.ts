import { sameSecret } from '../runtime/same-secret.js';

/** Whether an `Authorization` header carries `Bearer <token>`, compared in constant time. */
export function bearerTokenMatches(header: string | undefined, token: string): boolean {
  const presented = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? '')?.[1];
  return sameSecret(token, presented);
}
