import { createPublicKey, verify } from 'node:crypto';

export type JwtVerdict = { ok: true; appId: number } | { ok: false; message: string };

// GitHub's own wording, which @octokit/auth-app matches to decide on clock-skew retries.
const undecodable = 'A JSON web token could not be decoded';
const expTooFar = "'Expiration time' claim ('exp') is too far in the future";
const expPassed =
  "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires";
const iatInFuture =
  "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued";

function decodeJson(segment: string): unknown {
  return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
}

function claimsOf(payload: unknown): { iat: number; exp: number; iss: number } | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const { iat, exp, iss } = payload as Record<string, unknown>;
  const issuer = typeof iss === 'string' ? Number(iss) : iss;
  if (typeof iat !== 'number' || typeof exp !== 'number' || typeof issuer !== 'number')
    return undefined;
  return { iat, exp, iss: issuer };
}

/**
 * Verifies an app JWT the way GitHub does: RS256 over `header.payload` with the app's public
 * key, `exp` at most 10 minutes ahead, `iat` not in the future (60 s grace). Real wall time is
 * used because the app signs with the real clock.
 */
export function verifyAppJwt(
  jwt: string,
  publicKeyFor: (appId: number) => string | undefined,
  nowSeconds = Math.floor(Date.now() / 1000),
): JwtVerdict {
  const parts = jwt.split('.');
  if (parts.length !== 3) return { ok: false, message: undecodable };
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  let header: unknown;
  let claims: ReturnType<typeof claimsOf>;
  try {
    header = decodeJson(headerPart);
    claims = claimsOf(decodeJson(payloadPart));
  } catch {
    return { ok: false, message: undecodable };
  }
  if ((header as { alg?: unknown }).alg !== 'RS256' || !claims)
    return { ok: false, message: undecodable };
  const publicKey = publicKeyFor(claims.iss);
  if (!publicKey) return { ok: false, message: 'Integration not found' };
  const signed = Buffer.from(`${headerPart}.${payloadPart}`);
  const valid = verify(
    'RSA-SHA256',
    signed,
    createPublicKey(publicKey),
    Buffer.from(signaturePart, 'base64url'),
  );
  if (!valid) return { ok: false, message: undecodable };
  if (claims.exp - nowSeconds > 600 || claims.exp - claims.iat > 600)
    return { ok: false, message: expTooFar };
  if (claims.iat > nowSeconds + 60) return { ok: false, message: iatInFuture };
  if (claims.exp <= nowSeconds) return { ok: false, message: expPassed };
  return { ok: true, appId: claims.iss };
}
