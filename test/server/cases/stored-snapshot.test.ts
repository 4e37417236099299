// The stored form of a case snapshot (issue 19): the catalog and procedure fixed at 立案 stay on the record's
// case.open entry and values equal to the row's columns are not repeated; the store reads the snapshot back whole
// (equal to the record's replay), rows written before this form still load, and audit:verify accepts both forms
// yet names a catalog a row holds that the record does not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sampleDraft, type TestApp } from '../../helpers/test-app.js';
import { noticeSend } from '../../helpers/party-commands.js';
import { verifyDatabase } from '../../../server/audit/verify.js';
import { replayCase } from '../../../server/cases/replay.js';
import { canonicalJson } from '../../../machines/shared/canonical-hash.js';
import { runReturnedHeardDiscussedCase } from '../audit/audit-helpers.js';

let t: TestApp;
let id: string;

const storedSnapshot = async (caseId: string) => {
  const rs = await t.services.database.client.execute({ sql: 'SELECT snapshot FROM cases WHERE id = ?', args: [caseId] });
  return JSON.parse(String(rs.rows[0]!.snapshot)) as { context: Record<string, unknown> };
};
const writeSnapshot = (caseId: string, snapshot: unknown) =>
  t.services.database.client.execute({ sql: 'UPDATE cases SET snapshot = ? WHERE id = ?', args: [JSON.stringify(snapshot), caseId] });
const opening = async (caseId: string) => {
  const [entry] = await t.services.store.events(caseId, false);
  return entry!.payload as { catalog: unknown; procedure: unknown };
};

beforeAll(async () => {
  t = await createTestApp();
  const res = await t.call('POST', '/api/v1/cases', 'handler1', sampleDraft());
  id = ((await res.json()) as { id: string }).id;
  expect((await t.call('POST', `/api/v1/cases/${id}/events`, 'handler1', noticeSend())).status).toBe(200);
  await t.services.writer.drain();
});
afterAll(() => t.close());

describe('case snapshots stored without what the opening entry holds', () => {
  it('keeps the catalog and procedure off the cases row and reads them back from the case.open entry', async () => {
    const stored = await storedSnapshot(id);
    expect(stored.context).not.toHaveProperty('catalog');
    expect(stored.context).not.toHaveProperty('procedure');
    expect(stored.context).not.toHaveProperty('caseId');
    expect(stored.context).not.toHaveProperty('handlerId');
    expect(stored.context.draft).not.toHaveProperty('hash');
    const { catalog, procedure } = await opening(id);
    expect(catalog).toBeTruthy();
    const row = await t.services.store.get(id);
    expect(row!.snapshot.context.catalog).toEqual(catalog);
    expect(row!.snapshot.context.procedure).toEqual(procedure);
    expect((await t.call('POST', `/api/v1/cases/${id}/events`, 'handler1', { type: 'rights.waive' })).status).toBe(200);
  });

  it('reads back exactly the snapshot the record replays, through review returned, hearing, discussion and decision', async () => {
    const decided = await runReturnedHeardDiscussedCase(t);
    await t.services.writer.drain();
    const row = await t.services.store.get(decided.id);
    const replayed = replayCase(decided.id, await t.services.store.events(decided.id, false));
    expect(canonicalJson(row!.snapshot.context)).toBe(canonicalJson(replayed.context));
    expect(canonicalJson(row!.snapshot.value)).toBe(canonicalJson(replayed.value));
    expect((await storedSnapshot(decided.id)).context).not.toHaveProperty('catalog');
  });

  it('loads a row written before the stored form as it is, and audit:verify finds both forms identical to the record', async () => {
    const other = ((await (await t.call('POST', '/api/v1/cases', 'handler1', sampleDraft())).json()) as { id: string }).id;
    await t.services.writer.drain();
    const whole = (await t.services.store.get(other))!.snapshot;
    await writeSnapshot(other, whole);
    expect((await storedSnapshot(other)).context).toHaveProperty('caseId', other);
    expect((await t.services.store.get(other))!.snapshot).toEqual(whole);
    const report = await verifyDatabase(t.services.database);
    expect(report.projections!.issues).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('names a catalog a cases row holds that differs from the record', async () => {
    const stored = await storedSnapshot(id);
    const whole = (await t.services.store.get(id))!.snapshot;
    const altered = { ...(whole.context.catalog as object), publicInterestIsMajor: false };
    await writeSnapshot(id, { ...whole, context: { ...whole.context, catalog: altered } });
    const report = await verifyDatabase(t.services.database);
    expect(report.ok).toBe(false);
    expect(report.projections!.issues.map((i) => [i.table, i.key, i.field])).toEqual([['cases', id, 'snapshot']]);
    expect(report.projections!.issues[0]!.detail).toContain('context.catalog.publicInterestIsMajor');
    await writeSnapshot(id, stored);
  });
});
