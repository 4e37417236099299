// A few thousand malformed requests (fast-check, fixed seed): random methods, every registered route with
// real and junk ids, random query strings, headers, content types and bodies, as every role (bearer token
// or desk session) and as nobody. None may answer 5xx, and none may log an error.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { DeskClient } from '../desk/desk-client.js';
import { matrixRoles, matrixWorld, roleUsers, type MatrixWorld } from '../access/matrix-fixtures.js';

const SEED = 20260427;
const RUNS = 3000;

let t: TestApp;
let world: MatrixWorld;
let templates: string[];
const identities: { bearer?: string; cookie?: string; csrf?: string }[] = [{}];
const errors = vi.spyOn(console, 'error');

beforeAll(async () => {
  t = await createTestApp();
  world = await matrixWorld(t);
  templates = [...new Set(t.app.routes.filter((r) => r.method !== 'ALL').map((r) => r.path))];
  for (const role of matrixRoles) {
    const desk = new DeskClient(t);
    await desk.signIn(roleUsers[role]);
    const cookie = [...desk.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    identities.push({ bearer: t.tokens[roleUsers[role]] }, { cookie, csrf: await desk.csrf() });
  }
}, 120_000);
afterAll(async () => {
  await t.close();
});

const junk = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('%', '%E0%A4%A', '%00', '..', '__proto__', 'constructor', '\u202e', '9'.repeat(400), '-1', '0', '1e309'),
);
const id = () => fc.oneof(fc.constantFrom(world.decidedId, world.inquiryId, world.draftingId, world.readyId), junk);
const segment = (s: string) => encodeURIComponent(s).replace(/%25/g, '%');
const path = () =>
  fc.oneof(
    {
      weight: 5,
      arbitrary: fc
        .tuple(fc.constantFrom(...templates), id(), id())
        .map(([p, a, b]) => p.replace(':id', segment(a)).replace(/:\w+/, segment(b))),
    },
    { weight: 1, arbitrary: fc.array(junk.map(segment), { maxLength: 5 }).map((parts) => `/api/v1/${parts.join('/')}`) },
  );
const query = fc
  .array(
    fc.tuple(
      fc.constantFrom(
        'limit',
        'state',
        'mine',
        'include',
        'format',
        'month',
        'year',
        'from',
        'to',
        'days',
        'region',
        'status',
        'q',
        'next',
        'done',
        'reason',
        'caseId',
      ),
      junk,
    ),
    { maxLength: 4 },
  )
  .map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${k}=${segment(v)}`).join('&')}` : ''));
const contentType = fc.option(
  fc.constantFrom(
    'application/json',
    'application/json; charset=latin1',
    'text/plain',
    'multipart/form-data',
    'multipart/form-data; boundary=b',
    'application/x-www-form-urlencoded',
    'application/problem+json',
    ';;;',
    'x'.repeat(300),
  ),
  { nil: undefined },
);
const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
const body = fc.option(
  fc.oneof(
    fc.json({ maxDepth: 4 }),
    fc.string({ maxLength: 2000 }),
    fc
      .record({
        type: fc.constantFrom('notice.send', 'review.approve', 'decision.issue', 'exemption.claim', 'review.assign'),
        draftHash: junk,
        reviewerId: junk,
        grounds: fc.array(junk),
        opinion: junk,
      })
      .map((o) => JSON.stringify(o)),
    fc.constantFrom(
      deep,
      '--b\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n',
      'a=%&b=%ZZ&_csrf=x',
      '{"__proto__":{"admin":true}}',
    ),
  ),
  { nil: undefined },
);
/** A request; built after beforeAll, since paths and identities come from the app. */
const request = () =>
  fc.record({
    method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'GET', 'POST'),
    path: path(),
    query,
    who: fc.nat({ max: 1000 }),
    contentType,
    ifMatch: fc.option(junk, { nil: undefined }),
    idempotencyKey: fc.option(junk, { nil: undefined }),
    withCsrf: fc.boolean(),
    body,
  });

describe('malformed requests', () => {
  it(`never answer 5xx nor log an error (${RUNS} runs, seed ${SEED})`, async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(request(), async (r) => {
        const who = identities[r.who % identities.length]!;
        const headers: Record<string, string> = {};
        if (who.bearer) headers.Authorization = `Bearer ${who.bearer}`;
        if (who.cookie) headers.Cookie = who.cookie;
        if (r.contentType) headers['Content-Type'] = r.contentType;
        if (r.ifMatch !== undefined) headers['If-Match'] = r.ifMatch.replace(/[^\x20-\x7e]/g, '');
        if (r.idempotencyKey !== undefined) headers['Idempotency-Key'] = r.idempotencyKey.replace(/[^\x20-\x7e]/g, '');
        const bodyless = r.method === 'GET' || r.method === 'HEAD';
        let sent = bodyless ? undefined : r.body;
        if (sent !== undefined && r.withCsrf && who.csrf && r.contentType === 'application/x-www-form-urlencoded')
          sent += `&_csrf=${who.csrf}`;
        const res = await t.app.request(`${r.path}${r.query}`, { method: r.method, headers, body: sent });
        await res.arrayBuffer();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        return res.status < 500;
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(errors).not.toHaveBeenCalled();
    // The run reached past the guards, not only into 404s: refusals of every kind and some successes.
    for (const status of [200, 400, 401, 403, 404, 415]) expect(statuses.get(status), `status ${status}`).toBeGreaterThan(0);
  }, 300_000);
});
