// The store keeps its promises: the snapshot is the fold of the record, concurrent writers lose nothing,
// versions and record sequences stay contiguous, and the configuration fails loudly at boot.
import { reviewItems } from '../../machines/case/case.events.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sampleDraft, type TestApp } from '../helpers/test-app.js';
import { replayCase } from '../../server/cases/replay.js';
import { createDb } from '../../db/core/client.js';
import { parseEnv } from '../../server/env.js';
import { generateKeyPairSync } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { noticeSend } from '../helpers/party-commands.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const send = (id: string, user: 'handler1' | 'reviewer1' | 'head1' | 'clerk1', body: object, headers?: Record<string, string>) =>
  t.call('POST', `/api/v1/cases/${id}/events`, user, body, headers);

describe('event sourcing', () => {
  it('rebuilds the stored snapshot from the record alone', async () => {
    const c = await (await t.call('POST', '/api/v1/cases', 'handler1', sampleDraft())).json();
    for (const body of [noticeSend(), { type: 'rights.waive' }, { type: 'review.submit', attestation: true }])
      await send(c.id, 'handler1', body);
    await send(c.id, 'reviewer1', { type: 'review.assign', reviewerId: t.users.reviewer1.id });
    await send(c.id, 'reviewer1', { type: 'review.return', opinion: '补充证据', items: reviewItems({ factsEvidence: '补充证据' }) });
    await t.call('PUT', `/api/v1/cases/${c.id}/draft`, 'handler1', sampleDraft({ facts: '补充后的事实' }));
    const entries = await t.services.store.events(c.id, false);
    const rebuilt = replayCase(c.id, entries);
    const row = (await t.services.store.get(c.id))!;
    expect(rebuilt.value).toEqual(row.snapshot.value);
    expect(rebuilt.context).toEqual(row.snapshot.context);
    expect(row.version).toBe(entries.length);
  });

  it('loses nothing under concurrent requests: every 200 is on the record, versions are contiguous', async () => {
    const cases = await Promise.all(
      Array.from({ length: 8 }, () => t.call('POST', '/api/v1/cases', 'handler1', sampleDraft()).then((r) => r.json())),
    );
    // Each case gets the same three statements at once; only the state decides what is accepted.
    const responses = await Promise.all(
      cases.flatMap((c) => [
        send(c.id, 'handler1', noticeSend()),
        send(c.id, 'handler1', noticeSend()),
        send(c.id, 'handler1', { type: 'statement.record', summary: '当事人陈述' }),
      ]),
    );
    const accepted = responses.filter((r) => r.status === 200).length;
    expect(responses.every((r) => r.status === 200 || r.status === 422)).toBe(true);
    let total = 0;
    for (const c of cases) {
      const entries = await t.services.store.events(c.id, false);
      expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
      total += entries.length - 1;
    }
    expect(total).toBe(accepted);
    const fresh = await createDb(t.url);
    const ids = cases.map((c) => c.id);
    const persisted = await fresh.client.execute({
      sql: `SELECT count(*) AS n FROM case_events WHERE accepted = 1 AND case_id IN (${ids.map(() => '?').join(',')})`,
      args: ids,
    });
    await fresh.close();
    expect(Number(persisted.rows[0]!.n)).toBe(cases.length + accepted);
  });

  it('refuses an UPDATE or DELETE of the record at the database', async () => {
    const client = t.services.database.client;
    await expect(client.execute("UPDATE case_events SET type = 'x' WHERE id = 1")).rejects.toThrow(/append-only/);
    await expect(client.execute('DELETE FROM case_events WHERE id = 1')).rejects.toThrow(/append-only/);
  });
});

describe('configuration', () => {
  it('applies the documented defaults', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, DATABASE_URL: 'file:./data/legal-review.db', DEMO: true, NODE_ENV: 'development' });
  });

  it('refuses demo data in production and names bad variables', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(/DEMO: demo data is refused in production/);
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const keys = {
      AUDIT_SIGNING_KEY: privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
      AUDIT_PUBLIC_KEYS: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
      AUDIT_WITNESS: join(tmpdir(), 'legal-review-witness', 'checkpoints.jsonl'),
    };
    expect(parseEnv({ NODE_ENV: 'production', DEMO: 'false', ...keys }).DEMO).toBe(false);
    expect(() => parseEnv({ PORT: 'eighty' })).toThrow(/PORT/);
  });

  it('serves health and an OpenAPI 3.1 document generated from the schemas', async () => {
    expect((await t.app.request('/healthz')).status).toBe(200);
    const doc = await (await t.app.request('/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/v1/cases/{id}/events'].post.responses).toHaveProperty('422');
    expect(doc.paths['/api/v1/calendar/add-working-days'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['from', 'days']),
    );
    const inquiryBody = doc.paths['/api/v1/inquiries/{id}/events'].post.requestBody.content['application/json'].schema;
    expect(doc.components.schemas[inquiryBody.$ref.split('/').at(-1)]).toHaveProperty('oneOf');
    const types = doc.components.schemas.CaseCommand.oneOf ?? doc.components.schemas.CaseCommand.anyOf;
    // The generator writes a literal as a one-value enum.
    const literal = (s: { properties: { type: { const?: string; enum?: string[] } } }) =>
      s.properties.type.const ?? s.properties.type.enum?.[0];
    expect(types.map(literal)).toContain('decision.issue');
  });
});
