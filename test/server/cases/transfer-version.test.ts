// The criminal transfer shipped as case machine version 7, through the real stack: a case opened while only
// version 6 was deployed keeps 6's rules (no transfer) after 7 deploys, a new case opens under 7 and may
// report one, and the documented 6 → 7 migration moves the old case, on the record, so that it may too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestCaseVersion } from '../../../machines/case/case.versions.js';
import { machineRegistry } from '../../../machines/registry.js';
import { createMachineRegistry } from '../../../machines/shared/machine-versions.js';
import { createTestApp, openTestApp, sampleDraft, type TestApp } from '../../helpers/test-app.js';

/** What was deployed before version 7: every machine but case 7 and later. */
const onlySix = createMachineRegistry(
  machineRegistry.versions().filter((v) => !(v.kind === 'case' && v.version >= 7)),
  [],
);

let t: TestApp;
let old: string;
const open = async () => {
  const res = await t.call('POST', '/api/v1/cases', 'handler1', sampleDraft());
  expect(res.status).toBe(201);
  return (await res.json()).id as string;
};
const report = (id: string) =>
  t.call('POST', `/api/v1/cases/${id}/events`, 'handler1', {
    type: 'transfer.report',
    officers: [t.users.handler1.id, t.users.handler2.id],
    report: '查获的货物涉嫌走私，数额较大，涉嫌犯罪。',
  });
const allowed = async (id: string) =>
  ((await (await t.call('GET', `/api/v1/cases/${id}`, 'handler1')).json()) as { allowedEvents: string[] }).allowedEvents;

beforeAll(async () => {
  const before = await createTestApp({ registry: onlySix });
  t = before;
  old = await open();
  await before.close();
  t = await openTestApp(before.dbPath);
});
afterAll(async () => {
  await t.close();
});

describe('criminal transfer as case version 7', () => {
  it('keeps a case opened under 6 without the transfer after 7 deploys', async () => {
    expect((await t.services.store.get(old))?.machineVersion).toBe(6);
    expect(await allowed(old)).not.toContain('transfer.report');
    const res = await report(old);
    expect(res.status).toBe(422);
    expect((await t.services.store.get(old))?.version).toBe(1);
  });

  it('opens a new case under the latest version, where the handler may report a transfer', async () => {
    const fresh = await open();
    expect((await t.services.store.get(fresh))?.machineVersion).toBe(latestCaseVersion);
    expect(await allowed(fresh)).toContain('transfer.report');
    expect((await report(fresh)).status).toBe(200);
  });

  it('moves the old case to 7 through the documented migration, on the record; then it may report a transfer', async () => {
    const res = await t.call('POST', `/api/v1/cases/${old}/migrate`, 'admin1', { toVersion: 7 });
    expect(res.status).toBe(200);
    const record = (await (await t.call('GET', `/api/v1/cases/${old}/events`, 'auditor1')).json()) as {
      items: { type: string; payload: unknown }[];
    };
    expect(record.items.at(-1)).toMatchObject({ type: 'machine.migrate', payload: { kind: 'case', from: 6, to: 7 } });
    expect((await report(old)).status).toBe(200);
  });
});
