// The witness itself: an HTTP endpoint receives every checkpoint (one that failed is sent again once the
// endpoint recovers), and the file format survives a crash mid-append while an edited line is reported.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createTestApp, sampleDraft, type TestApp } from '../../helpers/test-app.js';
import { startCheckpointing } from '../../../server/audit/checkpointing.js';
import { appendDurably } from '../../../server/audit/witness.js';
import { parseWitness } from '../../../server/audit/witness-file.js';
import { createCheckpointStore } from '../../../db/audit/audit-checkpoints.js';
import { parseEnv } from '../../../server/env.js';
import { runVerifyCli } from './tamper.js';
import { keyPair, witnessPath } from './anchor-fixtures.js';

const keys = keyPair();
let t: TestApp;
let server: Server;
let url: string;
const received: string[] = [];
let failNext = 1;

beforeAll(async () => {
  t = await createTestApp();
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      if (failNext > 0) {
        failNext -= 1;
        res.writeHead(503).end();
        return;
      }
      received.push(body);
      res.writeHead(201).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/witness`;
});
afterAll(async () => {
  await t.close();
  await new Promise((resolve) => server.close(resolve));
});

describe('an HTTP witness', () => {
  it('receives every checkpoint; one refused while the endpoint was down is sent again on the next tick', async () => {
    expect((await t.call('POST', '/api/v1/cases', 'handler1', sampleDraft())).status).toBe(201);
    const env = parseEnv({
      NODE_ENV: 'test',
      DATABASE_URL: `file:${t.dbPath}`,
      DEMO: 'false',
      AUDIT_SIGNING_KEY: keys.privateKey,
      AUDIT_PUBLIC_KEYS: keys.publicKey,
      AUDIT_WITNESS: url,
    });
    const errors: string[] = [];
    const log = { log: () => {}, error: (line: string) => errors.push(line) };
    const checkpointing = await startCheckpointing({ services: t.services, env, pollMs: 3_600_000, log });
    expect(errors).toEqual([expect.stringContaining('answered 503')]);
    expect(received).toEqual([]);
    expect((await t.call('POST', '/api/v1/cases', 'handler1', sampleDraft())).status).toBe(201);
    await checkpointing.stop();
    const stored = await createCheckpointStore(t.services.database.client, t.services.writer).list();
    expect(received.map((line) => JSON.parse(line).signature)).toEqual(stored.map((c) => c.signature));
    // What the endpoint kept is a witness file like any other.
    const file = witnessPath();
    writeFileSync(file, received.map((line) => `${line}\n`).join(''));
    await t.services.writer.drain();
    const run = await runVerifyCli(['--db', t.dbPath, '--witness', file, '--public-key', keys.publicKey, '--strict', '--json']);
    expect(run.code, run.stdout).toBe(0);
  });
});

describe('the witness file', () => {
  const line = (n: number) =>
    JSON.stringify({
      kind: 'legal-review/checkpoint',
      version: 1,
      sequence: n,
      headHash: 'a'.repeat(64),
      at: 'x',
      signature: 's',
      publicKey: 'k',
    });

  it('ignores a torn last line, and the next append starts on a fresh line', async () => {
    const file = witnessPath();
    await appendDurably(file, line(1));
    appendFileSync(file, line(2).slice(0, 30));
    const torn = parseWitness(readFileSync(file, 'utf8'), file);
    expect(torn).toMatchObject({ tornTail: true, problems: [] });
    expect(torn.items.map((i) => i.sequence)).toEqual([1]);
    await appendDurably(file, line(3));
    const healed = parseWitness(readFileSync(file, 'utf8'), file);
    expect(healed.items.map((i) => i.sequence)).toEqual([1, 3]);
    expect(healed.problems).toEqual([{ line: 2, detail: `line 2 of ${file} is not a witness line` }]);
  });
});
