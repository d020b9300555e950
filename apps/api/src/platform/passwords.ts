// Password hashing (scrypt), the password policy, and signed session tokens (HMAC-SHA256), with node:crypto only.
import { createHash, createHmac, randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { dictionary } from '@zxcvbn-ts/language-common';
import { badInput } from './errors';

/** OWASP's current recommendation for scrypt: N = 2^17, r = 8, p = 1 (128 MiB per hash). */
export const PASSWORD_COST = 2 ** 17;
const SCRYPT = { r: 8, p: 1, keylen: 32 };
/** Stored costs outside this range are refused rather than computed (a corrupt row must not cost gigabytes). */
const MIN_COST = 2 ** 8;
const MAX_COST = 2 ** 20;

function scrypt(password: string, salt: Buffer, n: number): Promise<Buffer> {
  // scrypt needs 128 · N · r bytes; leave headroom for the rest of its state.
  const maxmem = 128 * n * SCRYPT.r + 32 * 1024 * 1024;
  return new Promise((resolve, reject) =>
    scryptCallback(password, salt, SCRYPT.keylen, { N: n, r: SCRYPT.r, p: SCRYPT.p, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

function validCost(n: number): boolean {
  return Number.isInteger(n) && n >= MIN_COST && n <= MAX_COST && (n & (n - 1)) === 0;
}

/** "scrypt$N$salt$hash" (base64url). `n` is lowered only by tests, for speed. */
export async function hashPassword(password: string, n = PASSWORD_COST): Promise<string> {
  if (!validCost(n)) throw new Error(`scrypt cost ${n} is not a power of two in [2^8, 2^20]`);
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, n);
  return `scrypt$${n}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** The scrypt cost N a stored hash was made with; null when the hash is not ours. */
export function hashCost(stored: string): number | null {
  const [scheme, n] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !/^\d+$/.test(n)) return null;
  return validCost(Number(n)) ? Number(n) : null;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, , salt, hash] = stored.split('$');
  const n = hashCost(stored);
  if (scheme !== 'scrypt' || n === null || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scrypt(password, Buffer.from(salt, 'base64url'), n);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** True when a stored hash was made with less work than `target` and should be replaced at the next sign-in. */
export function needsRehash(stored: string, target = PASSWORD_COST): boolean {
  const n = hashCost(stored);
  return n === null || n < target;
}

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

let commonPasswords: Set<string> | null = null;

/** The 49k most common passwords (zxcvbn-ts's list), lower-cased; built on first use. */
function common(): Set<string> {
  commonPasswords ??= new Set(
    ((dictionary as Record<string, string[] | undefined>)['passwords-common'] ?? []).map((p) =>
      String(p).toLowerCase(),
    ),
  );
  return commonPasswords;
}

/** What is wrong with a new password, or null: length 12..200, not one of the common passwords (any case). */
export function passwordProblem(password: string): string | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters long`;
  if (length > MAX_PASSWORD_LENGTH) return `must be at most ${MAX_PASSWORD_LENGTH} characters long`;
  if (password.trim() === '') return 'may not be only spaces';
  if (common().has(password.toLowerCase())) return 'is one of the most common passwords; choose another one';
  return null;
}

/** Every path that sets a password goes through here: BAD_USER_INPUT naming `field` when the policy refuses it. */
export async function hashNewPassword(password: string, field: string, n = PASSWORD_COST): Promise<string> {
  const problem = passwordProblem(password);
  if (problem) throw badInput({ [field]: problem });
  return hashPassword(password, n);
}

export interface SessionClaims {
  /** User id. */
  sub: number;
  /** The user's session version when the token was issued; a password or role change, or logout, bumps it. */
  sv: number;
  /** Issued at / expires at, seconds since the epoch. */
  iat: number;
  exp: number;
}

const SESSION_PREFIX = 'its1';
/** Exactly "its1.<payload>.<signature>", each part base64url without padding; nothing else. */
const SESSION_TOKEN = /^its1\.([A-Za-z0-9_-]{1,2048})\.([A-Za-z0-9_-]{43})$/;

function sign(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

export function signSession(claims: SessionClaims, secret: string): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${SESSION_PREFIX}.${payload}.${sign(payload, secret)}`;
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** The claims of a well-formed, well-signed, unexpired session token; null otherwise. */
export function verifySession(token: string, secret: string, now: Date): SessionClaims | null {
  const match = SESSION_TOKEN.exec(token);
  if (!match) return null;
  const payload = match[1] as string;
  const expected = Buffer.from(sign(payload, secret));
  const actual = Buffer.from(match[2] as string);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<SessionClaims> | null;
    if (!claims || typeof claims !== 'object') return null;
    if (!isCount(claims.sub) || !isCount(claims.sv) || !isCount(claims.iat) || !isCount(claims.exp)) return null;
    if (claims.exp * 1000 <= now.getTime()) return null;
    return { sub: claims.sub, sv: claims.sv, iat: claims.iat, exp: claims.exp };
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
