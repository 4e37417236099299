// Machine versions through the real stack: a case keeps the rules of the version it was opened under after a
// next version deploys (a test version 9 without `decision.extend`, registered through the same registry
// mechanism as machines/registry.ts); an administrator's migration is on the hash-chained record and replays;
// refusals are problems; the server refuses to start without a version a stored case needs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseMachine } from '../../../machines/case/case.machine.js';
import { caseVersions, latestCaseVersion } from '../../../machines/case/case.versions.js';
import { machineRegistry } from '../../../machines/registry.js';
import { createMachineRegistry, type MachineMigration } from '../../../machines/shared/machine-versions.js';
import { replayCase } from '../../../server/cases/replay.js';
import { verifyProjections } from '../../../server/audit/verify-projections.js';
import { clientProjectionSource } from '../../../db/audit/audit-projection-source.js';
import { createDb } from '../../../db/core/client.js';
import { createServices } from '../../../server/services.js';
import { createTestApp, openTestApp, sampleDraft, type TestApp } from '../../helpers/test-app.js';

/** Version 9 for the test: a real rule delta (no 交通 art 78 extension), and a mapping 8 → 9 that refuses ended cases. */
const toNext: MachineMigration = {
  kind: 'case',
  from: 8,
  to: 9,
  basis: 'Version 9 drops decision.extend; every state and context field of 8 means the same in 9.',
  map: (s) =>
    s.value === 'closed' || s.value === 'withdrawn'
      ? { ok: false, code: 'migration_refused', detail: 'An ended case stays under the version it ended under.' }
      : { ok: true, snapshot: s },
};
const next = createMachineRegistry(
  [
    ...machineRegistry.versions(),
    { kind: 'case', version: 9, machine: createCaseMachine({ ...caseVersions[latestCaseVersion], decisionExtension: false }) },
  ],
  [toNext],
);

let t: TestApp;
let kept: string;
let moved: string;
let ended: string;
const open = async () => {
  const res = await t.call('POST', '/api/v1/cases', 'handler1', sampleDraft());
  expect(res.status).toBe(201);
  return (await res.json()).id as string;
};
const extend = (id: string) => t.call('POST', `/api/v1/cases/${id}/events`, 'head1', { type: 'decision.extend', reason: '案情复杂' });
const migrate = (id: string, toVersion: number, user: 'admin1' | 'handler1' = 'admin1') =>
  t.call('POST', `/api/v1/cases/${id}/migrate`, user, { toVersion });
const problemType = async (res: Response) => ((await res.json()) as { type: string }).type;

beforeAll(async () => {
  // Version 8 is deployed: three cases open under it, one is withdrawn.
  const first = await createTestApp();
  t = first;
  [kept, moved, ended] = [await open(), await open(), await open()];
  expect((await t.call('POST', `/api/v1/cases/${ended}/events`, 'handler1', { type: 'case.withdraw', reason: '撤销立案' })).status).toBe(
    200,
  );
  await first.close();
  // Version 9 deploys: the same database, a registry with 8 and 9.
  t = await openTestApp(first.dbPath, { registry: next });
});
afterAll(async () => {
  await t.close();
});

describe('a case keeps the machine version it was opened under', () => {
  it('runs a version-8 case under 8 after 9 deploys, and opens new cases under 9', async () => {
    expect((await t.services.store.get(kept))?.machineVersion).toBe(8);
    expect((await extend(kept)).status).toBe(200);
    const fresh = await open();
    expect((await t.services.store.get(fresh))?.machineVersion).toBe(9);
    const refused = await extend(fresh);
    expect(refused.status).toBe(422);
    expect(await problemType(refused)).toBe('/problems/event-not-allowed');
    const opening = (await t.services.store.events(fresh, false))[0]!;
    expect(opening.payload).toMatchObject({ machine: { kind: 'case', version: 9 } });
  });

  it('lists every deployed version with its diagram and the cases under it', async () => {
    const res = await t.call('GET', '/api/v1/machines', 'handler1');
    expect(res.status).toBe(200);
    const list = (await res.json()) as { kind: string; version: number; latest: boolean; openCases: number; diagram: string }[];
    const older = list.find((m) => m.kind === 'case' && m.version === 8)!;
    const newer = list.find((m) => m.kind === 'case' && m.version === 9)!;
    expect(older).toMatchObject({ latest: false });
    expect(older.openCases).toBeGreaterThanOrEqual(2);
    expect(newer).toMatchObject({ latest: true, openCases: 1 });
    expect(older.diagram).toContain('decision.extend');
    expect(newer.diagram).not.toContain('decision.extend');
    expect(list.some((m) => m.kind === 'inquiry')).toBe(true);
    expect((await t.call('GET', '/api/v1/machines')).status).toBe(401);
  });
});

describe('POST /cases/:id/migrate', () => {
  it('refuses with problems and changes nothing', async () => {
    const before = await t.services.store.get(moved);
    const cases: [Response, number, string][] = [
      [await migrate(moved, 9, 'handler1'), 403, 'admin-only'],
      [await migrate(moved, 8), 422, 'migration-not-newer'],
      [await migrate(moved, 10), 422, 'machine-version-unknown'],
      [await migrate(ended, 9), 422, 'migration-refused'],
      [await t.call('POST', `/api/v1/cases/${moved}/migrate`, 'admin1', { toVersion: 9 }, { 'If-Match': '10' }), 409, 'version-mismatch'],
      [await t.call('POST', `/api/v1/cases/${moved}/migrate`, 'admin1', { toVersion: 'x' }), 400, 'malformed-request'],
    ];
    for (const [res, status, type] of cases) {
      expect(res.status).toBe(status);
      expect(await problemType(res)).toBe(`/problems/${type}`);
    }
    expect(await t.services.store.get(moved)).toEqual(before);
    const refusals = (await t.services.store.events(moved, true)).filter((e) => !e.accepted);
    expect(refusals.map((e) => e.type)).toContain('machine.migrate');
  });

  it('moves a case to 9 on the record: its rules change, replay and verification agree', async () => {
    const keyed = () =>
      t.call('POST', `/api/v1/cases/${moved}/migrate`, 'admin1', { toVersion: 9 }, { 'Idempotency-Key': 'migrate-moved-8' });
    const res = await keyed();
    expect(res.status).toBe(200);
    // A repeated request gets the first answer (rebuilt from the record through the migration) and writes nothing.
    const repeat = await keyed();
    expect(repeat.status).toBe(200);
    expect(await repeat.json()).toEqual(await res.json());
    const row = (await t.services.store.get(moved))!;
    expect(row).toMatchObject({ machineId: 'case', machineVersion: 9, version: 2 });
    const entries = await t.services.store.events(moved, false);
    expect(entries.at(-1)).toMatchObject({
      type: 'machine.migrate',
      seq: 2,
      actorRole: 'admin',
      payload: { kind: 'case', from: 8, to: 9 },
    });
    expect(await problemType(await extend(moved))).toBe('/problems/event-not-allowed');
    const rebuilt = replayCase(moved, entries, next);
    expect(rebuilt.context).toEqual(row.snapshot.context);
    expect(rebuilt.machine).toBe(next.get('case', 9));
    const report = await verifyProjections(clientProjectionSource(t.services.database.client), { registry: next });
    expect(report.issues).toEqual([]);
  });
});

describe('start-up', () => {
  it('refuses to start when a stored case runs under a version that is not deployed', async () => {
    const database = await createDb(t.url);
    try {
      await expect(createServices(database, { env: t.services.env, registry: machineRegistry })).rejects.toThrow(/case version 9/);
    } finally {
      await database.close();
    }
  });
});
