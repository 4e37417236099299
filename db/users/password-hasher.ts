// Password hashing with scrypt, and the dummy hash that lets a refusal for an unknown user cost the same
// scrypt work as one for a known user. Invariant: every sign-in check runs exactly one `verify`.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (pw: string, salt: Buffer, len: number, opts: object) => Promise<Buffer>;
const SCRYPT = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;

/** Hashes and checks passwords; injectable so tests can observe which path a sign-in took. */
export interface PasswordHasher {
  /** A self-describing hash: `scrypt$N$r$p$salt$key`. */
  hash(password: string): Promise<string>;
  /** Whether `password` matches `stored`; a malformed `stored` is false, after the same work. */
  verify(password: string, stored: string): Promise<boolean>;
}

/** scrypt$N$r$p$salt$hash, all parameters kept so they can be raised later without breaking old hashes. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, KEY_LENGTH, SCRYPT);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/**
 * Checks `password` against a stored hash. A hash that does not parse is still worked through with the
 * current parameters, so a damaged row answers no faster than a wrong password.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  const wellFormed = scheme === 'scrypt' && Boolean(salt) && Boolean(key);
  const expected = wellFormed ? Buffer.from(key!, 'base64') : randomBytes(KEY_LENGTH);
  const params = wellFormed ? { N: Number(n), r: Number(r), p: Number(p) } : SCRYPT;
  const actual = await scryptAsync(password, wellFormed ? Buffer.from(salt!, 'base64') : randomBytes(16), expected.length, {
    ...params,
    maxmem: SCRYPT.maxmem,
  });
  return wellFormed && actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * A hash no password matches, with the current parameters: checking against it costs what checking a real
 * user's hash costs. Random bytes, not a hash of anything, so building it costs no scrypt run.
 */
export function dummyPasswordHash(): string {
  const part = (n: number) => randomBytes(n).toString('base64');
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${part(16)}$${part(KEY_LENGTH)}`;
}

/** The production hasher (scrypt, N=16384, r=8, p=1). */
export const scryptHasher: PasswordHasher = { hash: hashPassword, verify: verifyPassword };
