// Keeps users and their bearer tokens. Passwords are scrypt-hashed; tokens are stored as SHA-256 only,
// so a stolen database file yields no usable credential.
import type { Client } from '@libsql/client';
import { createHash, randomBytes, randomUUID, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (pw: string, salt: Buffer, len: number, opts: object) => Promise<Buffer>;
const SCRYPT = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const TOKEN_TTL_MS = 12 * 60 * 60 * 1000;

export const userRoles = ['handler', 'reviewer', 'head', 'clerk', 'auditor', 'admin'] as const;
export type UserRole = (typeof userRoles)[number];

export interface User {
  id: string;
  username: string;
  displayName: string;
  roles: UserRole[];
  certificateNo: string | null;
  certificateValidUntil: string | null;
  qualificationNo: string | null;
  qualificationValidUntil: string | null;
  active: boolean;
}

export interface NewUser {
  username: string;
  displayName?: string;
  password: string;
  roles: UserRole[];
  certificateNo?: string | null;
  certificateValidUntil?: string | null;
  qualificationNo?: string | null;
  qualificationValidUntil?: string | null;
}

/** scrypt$N$r$p$salt$hash, all parameters kept so they can be raised later without breaking old hashes. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, 32, SCRYPT);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

async function checkPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: SCRYPT.maxmem,
  });
  return timingSafeEqual(actual, expected);
}

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

function toUser(r: Record<string, unknown>): User {
  const opt = (v: unknown): string | null => (v == null ? null : String(v));
  return {
    id: String(r.id),
    username: String(r.username),
    displayName: String(r.display_name),
    roles: JSON.parse(String(r.roles)) as UserRole[],
    certificateNo: opt(r.certificate_no),
    certificateValidUntil: opt(r.certificate_valid_until),
    qualificationNo: opt(r.qualification_no),
    qualificationValidUntil: opt(r.qualification_valid_until),
    active: Number(r.active) === 1,
  };
}

/** Whether a credential with this number and expiry date is valid on the day of `at`. */
export function isCredentialValid(no: string | null, validUntil: string | null, at: string): boolean {
  return no !== null && validUntil !== null && validUntil >= at.slice(0, 10);
}

/** The user store; `now` is injected so tests control token expiry. */
export function createUserStore(client: Client, now: () => Date = () => new Date()) {
  const byTokenCache = new Map<string, { user: User; expiresAt: number }>();
  return {
    async create(input: NewUser): Promise<User> {
      const id = randomUUID();
      await client.execute({
        sql: `INSERT INTO users (id, username, display_name, password_hash, roles, certificate_no, certificate_valid_until, qualification_no, qualification_valid_until, active, created_at)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)`,
        args: [
          id,
          input.username,
          input.displayName ?? input.username,
          await hashPassword(input.password),
          JSON.stringify(input.roles),
          input.certificateNo ?? null,
          input.certificateValidUntil ?? null,
          input.qualificationNo ?? null,
          input.qualificationValidUntil ?? null,
          now().toISOString(),
        ],
      });
      return (await this.byId(id))!;
    },
    async byId(id: string): Promise<User | null> {
      const rs = await client.execute({ sql: 'SELECT * FROM users WHERE id = ?', args: [id] });
      return rs.rows[0] ? toUser(rs.rows[0] as Record<string, unknown>) : null;
    },
    async byUsername(username: string): Promise<User | null> {
      const rs = await client.execute({ sql: 'SELECT * FROM users WHERE username = ?', args: [username] });
      return rs.rows[0] ? toUser(rs.rows[0] as Record<string, unknown>) : null;
    },
    async list(): Promise<User[]> {
      const rs = await client.execute('SELECT * FROM users ORDER BY username');
      return rs.rows.map((r) => toUser(r as Record<string, unknown>));
    },
    async count(): Promise<number> {
      const rs = await client.execute('SELECT count(*) AS n FROM users');
      return Number(rs.rows[0]?.n ?? 0);
    },
    /** Checks a password; answers null for an unknown user, a wrong password or an inactive account alike. */
    async authenticate(username: string, password: string): Promise<User | null> {
      const rs = await client.execute({ sql: 'SELECT * FROM users WHERE username = ?', args: [username] });
      const row = rs.rows[0] as Record<string, unknown> | undefined;
      if (!row || Number(row.active) !== 1) return null;
      return (await checkPassword(password, String(row.password_hash))) ? toUser(row) : null;
    },
    async issueToken(userId: string): Promise<string> {
      const token = randomBytes(32).toString('base64url');
      const created = now();
      await client.execute({
        sql: 'INSERT INTO tokens (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
        args: [sha256(token), userId, created.toISOString(), new Date(created.getTime() + TOKEN_TTL_MS).toISOString()],
      });
      return token;
    },
    /** The user a bearer token belongs to, if the token exists and has not expired. */
    async userForToken(token: string): Promise<User | null> {
      const hash = sha256(token);
      const cached = byTokenCache.get(hash);
      if (cached && cached.expiresAt > now().getTime()) return cached.user;
      const rs = await client.execute({
        sql: 'SELECT u.*, t.expires_at AS token_expires FROM tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?',
        args: [hash],
      });
      const row = rs.rows[0] as Record<string, unknown> | undefined;
      if (!row || String(row.token_expires) <= now().toISOString() || Number(row.active) !== 1) return null;
      const user = toUser(row);
      // A short cache spares one query per request; revocation takes effect within a minute.
      byTokenCache.set(hash, { user, expiresAt: Math.min(now().getTime() + 60_000, Date.parse(String(row.token_expires))) });
      return user;
    },
    async revokeToken(token: string): Promise<void> {
      const hash = sha256(token);
      byTokenCache.delete(hash);
      await client.execute({ sql: 'DELETE FROM tokens WHERE token_hash = ?', args: [hash] });
    },
  };
}
export type UserStore = ReturnType<typeof createUserStore>;
