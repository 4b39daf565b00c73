import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Authenticated encryption of small JSON values for cookies (AES-256-GCM). A cookie sealed for
 * one purpose never opens for another: each purpose has its own key, derived from the one
 * secret with HKDF. A forged, altered, expired or foreign cookie opens to `undefined`.
 */
export class Sealer {
  readonly #keys = new Map<string, Buffer>();

  constructor(private readonly secret: string) {
    if (secret.length < 32) throw new Error('the sealing secret must be at least 32 characters');
  }

  #key(purpose: string): Buffer {
    let key = this.#keys.get(purpose);
    if (!key) {
      key = Buffer.from(hkdfSync('sha256', this.secret, 'sluice', `sluice ${purpose}`, 32));
      this.#keys.set(purpose, key);
    }
    return key;
  }

  /** `expiresAt` is inside the sealed bytes: a client cannot stretch it by keeping the cookie. */
  seal(purpose: string, value: unknown, expiresAt: Date): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key(purpose), iv);
    const plain = Buffer.from(JSON.stringify({ v: value, exp: expiresAt.getTime() }), 'utf8');
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  open(purpose: string, sealed: string | undefined, now: Date): unknown {
    if (!sealed || sealed.length > 8_192) return undefined;
    const bytes = Buffer.from(sealed, 'base64url');
    if (bytes.length < 12 + 16 + 1) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#key(purpose), bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(12, 28));
      const plain = Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]);
      const parsed = JSON.parse(plain.toString('utf8')) as { v?: unknown; exp?: unknown };
      if (typeof parsed.exp !== 'number' || parsed.exp <= now.getTime()) return undefined;
      return parsed.v;
    } catch {
      // Tampered or sealed with another secret: the tag does not verify.
      return undefined;
    }
  }
}
