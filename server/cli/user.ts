// Admin CLI for users: `npm run user -- create --username u --password p --roles handler[,reviewer]
// [--name 名字] [--certificate NO --certificate-until YYYY-MM-DD] [--qualification NO --qualification-until YYYY-MM-DD]`,
// `list`, `deactivate --username u` (also ends their tokens and sessions) and `unlock --username u` (lifts a
// sign-in lock). Works on `--db URL`, else DATABASE_URL like the server; says which database it writes to and
// never silently creates the server's default file. Failures are one line, never a stack.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createDb, localFilePath } from '../../db/core/client.js';
import { createThrottleStore } from '../../db/users/sign-in-throttle-store.js';
import { createUserStore, DuplicateUsernameError, userRoles, type UserStore } from '../../db/users/user-store.js';
import { parseEnv } from '../env.js';
import { accountKey } from '../users/sign-in-rules.js';

const usage =
  'usage: npm run user -- [--db URL] create --username U --password P --roles handler,reviewer [...] | list | deactivate --username U | unlock --username U';
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const CreateSchema = z.object({
  username: z.string().min(1).max(100),
  password: z.string().min(8, 'at least 8 characters'),
  roles: z
    .string()
    .transform((s) => s.split(',').map((r) => r.trim()))
    .pipe(z.array(z.enum(userRoles)).min(1)),
  name: z.string().optional(),
  certificate: z.string().optional(),
  'certificate-until': IsoDate.optional(),
  qualification: z.string().optional(),
  'qualification-until': IsoDate.optional(),
});
const UsernameSchema = z.object({ username: z.string().min(1).max(100) });
const optionNames = [
  'db',
  'username',
  'password',
  'roles',
  'name',
  'certificate',
  'certificate-until',
  'qualification',
  'qualification-until',
];
type Values = Record<string, string | undefined>;

/** One line for the operator (stderr) and the exit code. */
function failed(message: string, code = 1): number {
  console.error(`user: ${message}`);
  return code;
}

/**
 * The database URL to use: `--db`, else DATABASE_URL. The server's default file is used only if it exists,
 * so a mistyped or missing setting cannot create an empty database the server never reads.
 */
function databaseUrl(db: string | undefined, env: { DATABASE_URL: string }): { ok: true; url: string } | { ok: false; message: string } {
  if (db) return { ok: true, url: db };
  const isDefault = env.DATABASE_URL === parseEnv({}).DATABASE_URL;
  const path = localFilePath(env.DATABASE_URL);
  if (isDefault && path && !existsSync(path)) {
    return {
      ok: false,
      message: `no database at ${path} (the server's default). Name one: DATABASE_URL=file:/path/to.db npm run user -- ... or --db file:/path/to.db`,
    };
  }
  return { ok: true, url: env.DATABASE_URL };
}

async function create(users: UserStore, values: Values): Promise<number> {
  const input = CreateSchema.safeParse(values);
  if (!input.success) return failed(input.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '), 2);
  const v = input.data;
  const user = await users.create({
    username: v.username,
    password: v.password,
    roles: v.roles,
    displayName: v.name,
    certificateNo: v.certificate,
    certificateValidUntil: v['certificate-until'],
    qualificationNo: v.qualification,
    qualificationValidUntil: v['qualification-until'],
  });
  console.log(JSON.stringify({ id: user.id, username: user.username, roles: user.roles }));
  return 0;
}

async function deactivate(users: UserStore, values: Values): Promise<number> {
  const input = UsernameSchema.safeParse(values);
  if (!input.success) return failed('--username is required', 2);
  const user = await users.byUsername(input.data.username);
  if (!user) return failed(`no user named "${input.data.username}"`);
  const removed = await users.deactivate(user.id);
  console.log(JSON.stringify({ username: user.username, active: false, revokedTokens: removed.tokens, endedSessions: removed.sessions }));
  return 0;
}

/** Runs one command on an open database. */
async function run(command: string | undefined, values: Values, database: Awaited<ReturnType<typeof createDb>>): Promise<number> {
  const users = createUserStore(database.client);
  if (command === 'list') {
    for (const u of await users.list()) console.log(`${u.username}\t${u.roles.join(',')}\t${u.active ? 'active' : 'inactive'}\t${u.id}`);
    return 0;
  }
  if (command === 'create') return create(users, values);
  if (command === 'deactivate') return deactivate(users, values);
  const input = UsernameSchema.safeParse(values);
  if (!input.success) return failed('--username is required', 2);
  await createThrottleStore(database.client).clear(accountKey(input.data.username));
  console.log(JSON.stringify({ username: input.data.username, unlocked: true }));
  return 0;
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: Object.fromEntries(optionNames.map((k) => [k, { type: 'string' as const }])),
  });
  const command = positionals[0];
  if (!command || !['create', 'list', 'deactivate', 'unlock'].includes(command)) return failed(usage, 2);
  const target = databaseUrl(values.db, parseEnv());
  if (!target.ok) return failed(target.message, 2);
  console.error(`user: database ${target.url}${localFilePath(target.url) ? ` (${localFilePath(target.url)})` : ''}`);
  const database = await createDb(target.url);
  try {
    return await run(command, values, database);
  } catch (error) {
    if (error instanceof DuplicateUsernameError) return failed(`${error.message}; nothing was changed`);
    return failed(error instanceof Error ? error.message.split('\n')[0]! : String(error));
  } finally {
    database.close();
  }
}

process.exitCode = await main().catch((error: unknown) => failed(error instanceof Error ? error.message.split('\n')[0]! : String(error)));
