// Keeps users and, through the credential store, their bearer tokens. Passwords are scrypt-hashed; tokens are
// stored as SHA-256 only, so a stolen database file yields no usable credential. Invariant: every password
// check costs one scrypt run, whether the user exists, is inactive or not, so refusals take equal time.
import { isUniqueViolation, type SqlClient, type SqlResult } from '../core/sql.js';
import { randomUUID } from 'node:crypto';
import { dummyPasswordHash, scryptHasher, type PasswordHasher } from './password-hasher.js';
import type { FirstRow } from '../core/prepared-reads.js';
import { createCredentialStore } from './credential-store.js';
import { statementWriter } from '../core/statement-writer.js';
import type { Writer } from '../core/writer.js';
import { toUser, userSelect, type User, type UserRole } from './user-row.js';

const publicColumns = userSelect();

export { hashPassword } from './password-hasher.js';
export { isCredentialValid, userRoles, type User, type UserRole } from './user-row.js';

export interface NewUser {
  username: string;
  displayName?: string;
  password: string;
  roles: UserRole[];
  certificateNo?: string | null;
  certificateValidUntil?: string | null;
  qualificationNo?: string | null;
  qualificationValidUntil?: string | null;
  /** The unit (所属单位) the user works in. */
  unitId?: string | null;
  /** Where notifications are also mailed when SMTP is configured (set by an administrator). */
  email?: string | null;
}

/** What an administrator may change of a user (each field present is set; absent ones stay). */
export type UserPatch = Partial<
  Pick<
    NewUser,
    'displayName' | 'roles' | 'unitId' | 'certificateNo' | 'certificateValidUntil' | 'qualificationNo' | 'qualificationValidUntil' | 'email'
  >
>;

const patchColumns: Record<keyof UserPatch, string> = {
  displayName: 'display_name',
  roles: 'roles',
  unitId: 'unit_id',
  certificateNo: 'certificate_no',
  certificateValidUntil: 'certificate_valid_until',
  qualificationNo: 'qualification_no',
  qualificationValidUntil: 'qualification_valid_until',
  email: 'email',
};

/** Thrown by `create` when the username is taken (the UNIQUE index said so). */
export class DuplicateUsernameError extends Error {
  constructor(readonly username: string) {
    super(`username "${username}" already exists`);
    this.name = 'DuplicateUsernameError';
  }
}

/** Options of the user store: the password hasher is injectable so tests can count its calls. */
export interface UserStoreOptions {
  hasher?: PasswordHasher;
  /** The per-request reads (token, user by id) on prepared statements (`Database.firstRow`); plain `client` reads otherwise. */
  firstRow?: FirstRow;
  /** The process's single writer: administrators' writes join its group commits (the CLI has none). */
  writer?: Pick<Writer, 'write'>;
  /** How long the token cache may miss a change made by another process (ms; 0: never). */
  authRecheckMs?: number;
}

/** The user store; `now` is injected so tests control token expiry. */
export function createUserStore(client: SqlClient, now: () => Date = () => new Date(), options: UserStoreOptions = {}) {
  const hasher = options.hasher ?? scryptHasher;
  const dummyHash = dummyPasswordHash();
  const commit = statementWriter(client, options.writer);
  const userWhere = async (sql: string, args: string[]): Promise<User | null> => {
    const rs = await client.execute({ sql: `SELECT ${publicColumns} FROM users WHERE ${sql}`, args });
    return rs.rows[0] ? toUser(rs.rows[0] as Record<string, unknown>) : null;
  };
  const credentials = createCredentialStore(client, now, options.firstRow, { recheckMs: options.authRecheckMs });
  return {
    ...credentials,
    /** Creates an active user; throws DuplicateUsernameError when the name is taken. */
    async create(input: NewUser): Promise<User> {
      const id = randomUUID();
      const row = [
        input.certificateNo,
        input.certificateValidUntil,
        input.qualificationNo,
        input.qualificationValidUntil,
        input.unitId,
        input.email,
      ];
      try {
        await commit([
          {
            sql: `INSERT INTO users (id, username, display_name, password_hash, roles, certificate_no, certificate_valid_until, qualification_no, qualification_valid_until, unit_id, email, active, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)`,
            args: [
              id,
              input.username,
              input.displayName ?? input.username,
              await hasher.hash(input.password),
              JSON.stringify(input.roles),
              ...row.map((v) => v ?? null),
              now().toISOString(),
            ],
          },
        ]);
      } catch (error) {
        if (isUniqueViolation(error, 'username')) throw new DuplicateUsernameError(input.username);
        throw error;
      }
      return (await userWhere('id = ?', [id]))!;
    },
    /** Sets the fields of `patch` on user `id`; answers the user as now stored, or null when there is none. */
    async update(id: string, patch: UserPatch): Promise<User | null> {
      const keys = (Object.keys(patch) as (keyof UserPatch)[]).filter((k) => patch[k] !== undefined);
      if (keys.length > 0) {
        const value = (k: keyof UserPatch) => (k === 'roles' ? JSON.stringify(patch.roles) : (patch[k] as string | null));
        await commit([
          { sql: `UPDATE users SET ${keys.map((k) => `${patchColumns[k]} = ?`).join(', ')} WHERE id = ?`, args: [...keys.map(value), id] },
        ]);
        credentials.forgetCachedTokens();
      }
      return userWhere('id = ?', [id]);
    },
    /**
     * A user by id: every review assignment, discussion panel and issued document asks. With prepared reads (the
     * server), from the token cache's users while the auth epoch stands; otherwise one read.
     */
    byId: (id: string): Promise<User | null> => (options.firstRow ? credentials.cachedUserById(id) : userWhere('id = ?', [id])),
    byUsername: (username: string): Promise<User | null> => userWhere('username = ?', [username]),
    async list(): Promise<User[]> {
      const rs = await client.execute(`SELECT ${publicColumns} FROM users ORDER BY username`);
      return rs.rows.map((r) => toUser(r as Record<string, unknown>));
    },
    async count(): Promise<number> {
      const rs = await client.execute('SELECT count(*) AS n FROM users');
      return Number(rs.rows[0]?.n ?? 0);
    },
    /**
     * Checks a password; answers null for an unknown user, a wrong password or an inactive account alike,
     * and through the same path: one `verify`, against a dummy hash when there is no user.
     */
    async authenticate(username: string, password: string): Promise<User | null> {
      const rs = await client.execute({ sql: `SELECT ${publicColumns}, password_hash FROM users WHERE username = ?`, args: [username] });
      const row = rs.rows[0] as Record<string, unknown> | undefined;
      const matches = await hasher.verify(password, row ? String(row.password_hash) : dummyHash);
      return matches && row && Number(row.active) === 1 ? toUser(row) : null;
    },
    /**
     * Deactivates a user and deletes all their tokens and desk sessions in one transaction. The counts are
     * read just before it (the writer answers record ids, not row counts); they tell the CLI what ended.
     */
    async deactivate(userId: string): Promise<{ found: boolean; tokens: number; sessions: number }> {
      const [user, tokens, sessions] = await client.batch(
        [
          { sql: 'SELECT count(*) AS n FROM users WHERE id = ?', args: [userId] },
          { sql: 'SELECT count(*) AS n FROM tokens WHERE user_id = ?', args: [userId] },
          { sql: 'SELECT count(*) AS n FROM desk_sessions WHERE user_id = ?', args: [userId] },
        ],
        'read',
      );
      const n = (r: SqlResult | undefined) => Number(r?.rows[0]?.n ?? 0);
      if (n(user) === 0) return { found: false, tokens: 0, sessions: 0 };
      await commit([
        { sql: 'UPDATE users SET active = 0 WHERE id = ?', args: [userId] },
        { sql: 'DELETE FROM tokens WHERE user_id = ?', args: [userId] },
        { sql: 'DELETE FROM desk_sessions WHERE user_id = ?', args: [userId] },
      ]);
      credentials.forgetCachedTokens();
      return { found: true, tokens: n(tokens), sessions: n(sessions) };
    },
  };
}
export type UserStore = ReturnType<typeof createUserStore>;
