// Builds the real stack for a test: a fresh libSQL file, migrations, services, the app with every
// module, the demo units, and bearer tokens for the demo users. No mocks: tests talk to it through app.request().
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb } from '../../db/core/client.js';
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
  | 'clerk1'
  | 'auditor1'
  | 'admin1'
  | 'handler3'
  | 'head2';

export interface TestApp {
  app: ReturnType<typeof createApp>;
  services: Services;
  dbPath: string;
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

/** Starts the real stack on a fresh database with the demo users (no demo cases). */
export async function createTestApp(options: ServiceOptions = {}): Promise<TestApp> {
  return openTestApp(freshDbPath(), options);
}

/**
 * The real stack over the database file at `dbPath`, new or existing (a restarted server), with the demo
 * users created where missing, wired exactly as server/main.ts wires it.
 */
export async function openTestApp(dbPath: string, options: ServiceOptions = {}): Promise<TestApp> {
  const env = parseEnv({ NODE_ENV: 'test', DATABASE_URL: `file:${dbPath}`, DEMO: 'false' });
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
      database.close();
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
