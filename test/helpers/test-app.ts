// Builds the real stack for a test: a fresh database (a libSQL file, or in the `postgres` test project a fresh
// PostgreSQL database), migrations, services, the app with every module, the demo units, and bearer tokens for
// the demo users. No mocks: tests talk to it through app.request().
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { createDb, isPostgresUrl } from '../../db/core/client.js';
import { freshPostgresDatabase } from './postgres.js';
import { createServices, type ServiceOptions, type Services } from '../../server/services.js';
import { createApp } from '../../server/app.js';
import { parseEnv } from '../../server/env.js';
import { demoUnitOf, demoUsers } from '../../server/demo/demo-users.js';
import { ensureDemoUnits, placeDemoUsers } from '../../server/demo/demo-units.js';
import type { User } from '../../db/users/user-store.js';
import type { DraftContent } from '../../machines/case/draft.schema.js';

export type DemoUserName =
  | 'handler1'
  | 'handler2'
  | 'reviewer1'
  | 'reviewer2'
  | 'head1'
  | 'head4'
  | 'head3'
  | 'clerk1'
  | 'auditor1'
  | 'admin1'
  | 'handler3'
  | 'head2';

export interface TestApp {
  app: ReturnType<typeof createApp>;
  services: Services;
  /** The database file, or in the `postgres` project the database's URL (what `openTestApp` reopens). */
  dbPath: string;
  /** The DATABASE_URL the stack runs on. */
  url: string;
  users: Record<DemoUserName, User>;
  tokens: Record<DemoUserName, string>;
  /** A JSON request as `user` (no user: anonymous). */
  call(method: string, path: string, user?: DemoUserName | null, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

/** A fresh database file under the system temp folder. */
export function freshDbPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'legal-review-test-')), 'test.db');
}

/** Which backend this test project runs on: the PostgreSQL server of the `postgres` project, else libSQL. */
export function testPostgres() {
  return inject('postgres');
}

/** A fresh database for this test project: a libSQL file path, or a PostgreSQL URL in the `postgres` project. */
export async function freshDatabase(): Promise<string> {
  const server = testPostgres();
  return server ? freshPostgresDatabase(server) : freshDbPath();
}

/** The DATABASE_URL of a test database: PostgreSQL URLs as they are, file paths as `file:` URLs. */
export const databaseUrlOf = (target: string): string => (isPostgresUrl(target) ? target : `file:${target}`);

/**
 * The evidence store of a test database: beside a libSQL file (the default, so unset), or for PostgreSQL a
 * folder of its own per database under the temp folder (the default `data/evidence` would be shared).
 */
export function testEvidenceDir(url: string): string | undefined {
  return isPostgresUrl(url) ? join(tmpdir(), 'legal-review-evidence', new URL(url).pathname.slice(1)) : undefined;
}

/** Service options plus environment variables beside the test's own (e.g. `SMTP_HOST`). */
export type TestAppOptions = ServiceOptions & { envVars?: Record<string, string> };

/** Starts the real stack on a fresh database with the demo users (no demo cases). */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  return openTestApp(await freshDatabase(), options);
}

/**
 * The real stack over the database file at `dbPath`, new or existing (a restarted server), with the demo
 * users created where missing, wired exactly as server/main.ts wires it.
 */
export async function openTestApp(dbPath: string, { envVars, ...options }: TestAppOptions = {}): Promise<TestApp> {
  const url = databaseUrlOf(dbPath);
  const env = parseEnv({ NODE_ENV: 'test', DATABASE_URL: url, DEMO: 'false', EVIDENCE_DIR: testEvidenceDir(url), ...envVars });
  const database = await createDb(env.DATABASE_URL);
  const services = await createServices(database, { env, ...options });
  const app = createApp(services);
  const users = {} as Record<DemoUserName, User>;
  const tokens = {} as Record<DemoUserName, string>;
  await ensureDemoUnits(services.units);
  for (const u of demoUsers) {
    const name = u.username as DemoUserName;
    users[name] = (await services.users.byUsername(u.username)) ?? (await services.users.create(u));
  }
  await placeDemoUsers(services, users, demoUnitOf);
  for (const name of Object.keys(users) as DemoUserName[]) tokens[name] = await services.users.issueToken(users[name].id);
  return {
    app,
    services,
    dbPath,
    url: env.DATABASE_URL,
    users,
    tokens,
    call(method, path, user, body, headers = {}) {
      const h: Record<string, string> = { ...headers };
      if (user) h.Authorization = `Bearer ${tokens[user]}`;
      if (body !== undefined) h['Content-Type'] = 'application/json';
      return Promise.resolve(app.request(path, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) }));
    },
    async close() {
      await services.readLog.flush();
      await services.writer.close();
      await database.close();
    },
  };
}

/** A valid draft; `over` replaces top-level fields. Amount 150,000 for an organisation is major by default. */
export function sampleDraft(over: Partial<DraftContent> = {}): DraftContent {
  return {
    title: '超限运输案',
    party: { name: '西宁某物流有限公司', kind: 'organization' },
    facts: '车辆超限运输，车货总质量超过限定标准。',
    legalBasis: ['《公路安全保护条例》第三十条'],
    evidence: [{ kind: '现场检测记录', description: '称重检测单' }],
    proposed: { kind: 'fine', amountYuan: 150000 },
    ...over,
  };
}

/**
 * A collective discussion (集体讨论) body the default policy accepts: the three demo heads, head1 chairing.
 * `votes` overrides members' votes by name (e.g. `{ head3: 'disagree' }`).
 */
export function discussionBody(
  t: Pick<TestApp, 'users'>,
  conclusion = '同意',
  votes: Partial<Record<'head1' | 'head4' | 'head3', 'agree' | 'disagree' | 'abstain'>> = {},
) {
  const heads = ['head1', 'head4', 'head3'] as const;
  return {
    type: 'discussion.record' as const,
    members: heads.map((name) => ({
      userId: t.users[name].id,
      vote: votes[name] ?? 'agree',
      opinion: `${t.users[name].displayName}：同意`,
    })),
    chairId: t.users.head1.id,
    conclusion,
  };
}
