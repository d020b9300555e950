// Password hashing (scrypt) and signed session tokens (HMAC-SHA256), with node:crypto only.
import { createHash, createHmac, randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';

const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 };

function scrypt(password: string, salt: Buffer, n = SCRYPT.N): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCallback(password, salt, SCRYPT.keylen, { N: n, r: SCRYPT.r, p: SCRYPT.p, maxmem: 64 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** "scrypt$N$salt$hash" (base64url). */
export async function hashPassword(password: string, n = SCRYPT.N): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, n);
  return `scrypt$${n}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scrypt(password, Buffer.from(salt, 'base64url'), Number(n));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export interface SessionClaims {
  /** User id. */
  sub: number;
  /** Issued at / expires at, seconds since the epoch. */
  iat: number;
  exp: number;
}

const SESSION_PREFIX = 'its1';

function sign(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

export function signSession(claims: SessionClaims, secret: string): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${SESSION_PREFIX}.${payload}.${sign(payload, secret)}`;
}

/** The claims of a well-signed, unexpired session token; null otherwise. */
export function verifySession(token: string, secret: string, now: Date): SessionClaims | null {
  const [prefix, payload, signature] = token.split('.');
  if (prefix !== SESSION_PREFIX || !payload || !signature) return null;
  const expected = Buffer.from(sign(payload, secret));
  const actual = Buffer.from(signature);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as SessionClaims;
    if (typeof claims.sub !== 'number' || typeof claims.exp !== 'number') return null;
    if (claims.exp * 1000 <= now.getTime()) return null;
    return claims;
  } catch {
    return null;
  }
}

export const API_TOKEN_PREFIX = 'itk';

/** A new API token secret: "itk_<id>_<random>"; only its SHA-256 is stored (it is high-entropy). */
export function newApiTokenSecret(id: number): string {
  return `${API_TOKEN_PREFIX}_${id}_${randomBytes(24).toString('base64url')}`;
}

export function hashApiToken(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function parseApiTokenId(secret: string): number | null {
  const match = /^itk_(\d+)_[A-Za-z0-9_-]{20,}$/.exec(secret);
  return match ? Number(match[1]) : null;
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
