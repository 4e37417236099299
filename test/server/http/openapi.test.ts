// /openapi.json is generated from the routes: a valid OpenAPI 3.1 document (checked by a real validator),
// naming every registered API route with an operationId and every parameter; validation failures answer
// our RFC 9457 400 problem, never the validator library's default shape.
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sampleDraft, type TestApp } from '../../helpers/test-app.js';
import { ProblemSchema } from '../../../server/http/problem.schema.js';

interface Operation {
  operationId?: string;
  parameters?: { name: string; in: string }[];
  responses: Record<string, unknown>;
}
type Doc = { openapi: string; paths: Record<string, Record<string, Operation>> };

let t: TestApp;
let doc: Doc;
beforeAll(async () => {
  t = await createTestApp();
  doc = await (await t.app.request('/openapi.json')).json();
});
afterAll(async () => {
  await t.close();
});

const apiRoutes = () =>
  [...new Set(t.app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/v1/')).map((r) => `${r.method} ${r.path}`))].map(
    (key) => {
      const [method, path] = key.split(' ') as [string, string];
      return { method: method.toLowerCase(), path: path.replace(/:(\w+)/g, '{$1}') };
    },
  );
const operation = (method: string, path: string) => doc.paths[path]?.[method];
const paramNames = (method: string, path: string) => (operation(method, path)?.parameters ?? []).map((p) => `${p.in}:${p.name}`);

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1.0 document', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const result = await new Validator().validate(doc as unknown as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('has every registered API route, each with a unique operationId and declared problem responses', () => {
    const routes = apiRoutes();
    expect(routes.length).toBeGreaterThan(30);
    const ids = routes.map(({ method, path }) => {
      const op = operation(method, path);
      expect(op, `${method} ${path}`).toBeDefined();
      expect(op!.operationId, `${method} ${path}`).toMatch(/^[a-z][A-Za-z]+$/);
      expect(
        Object.keys(op!.responses).some((s) => s.startsWith('4')),
        `${method} ${path}`,
      ).toBe(true);
      return op!.operationId;
    });
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('documents the lean write answer: the CaseMinimal component and Preference-Applied on every case write', () => {
    const components = (doc as unknown as { components: { schemas: Record<string, { required?: string[] }> } }).components.schemas;
    expect(components.CaseMinimal?.required?.sort()).toEqual(['allowedEvents', 'draft', 'id', 'state', 'updatedAt', 'version']);
    for (const [method, path, status] of [
      ['post', '/api/v1/cases', '201'],
      ['post', '/api/v1/cases/{id}/events', '200'],
      ['put', '/api/v1/cases/{id}/draft', '200'],
    ] as const) {
      const answer = operation(method, path)!.responses[status] as { headers?: Record<string, unknown>; content: unknown };
      expect(Object.keys(answer.headers ?? {}), `${method} ${path}`).toEqual(['Preference-Applied']);
      expect(JSON.stringify(answer.content), `${method} ${path}`).toContain('#/components/schemas/CaseMinimal');
    }
  });

  it('names the parameters the routes read', () => {
    expect(operation('get', '/api/v1/cases/{id}/drafts')).toBeDefined();
    expect(paramNames('get', '/api/v1/cases')).toEqual(expect.arrayContaining(['query:state', 'query:mine', 'query:limit']));
    expect(paramNames('get', '/api/v1/cases/{id}/events')).toEqual(['path:id', 'query:include']);
    expect(paramNames('post', '/api/v1/cases/{id}/events')).toEqual([
      'path:id',
      'header:if-match',
      'header:idempotency-key',
      'header:prefer',
    ]);
    expect(paramNames('post', '/api/v1/cases')).toEqual(['header:idempotency-key', 'header:prefer']);
    expect(paramNames('get', '/api/v1/cases/{id}/export')).toEqual(['path:id', 'query:format']);
    expect(paramNames('get', '/api/v1/cases/{id}/responsibility')).toEqual(['path:id', 'query:format']);
    expect(paramNames('get', '/api/v1/reports/monthly')).toEqual(['query:month', 'query:format']);
    expect(paramNames('get', '/api/v1/inquiries')).toEqual(['query:caseId', 'query:state', 'query:limit']);
    expect(paramNames('get', '/api/v1/deadlines')).toEqual(['query:status']);
    expect(paramNames('put', '/api/v1/calendar/years/{year}')).toEqual(['path:year']);
    expect(Object.keys(operation('get', '/api/v1/cases/{id}/export')!.responses['200'] as object)).toContain('content');
    expect(operation('post', '/api/v1/auth/token')).toMatchObject({ operationId: 'issueToken', security: [] });
    expect(operation('post', '/api/v1/auth/revoke')?.operationId).toBe('revokeToken');
  });
});

describe('validation failures', () => {
  const cases: [string, string, unknown, Record<string, string>][] = [
    ['bad query', 'GET /api/v1/cases?limit=0', undefined, {}],
    ['bad enum', 'GET /api/v1/cases/x/events?include=everything', undefined, {}],
    ['bad header', 'POST /api/v1/cases/x/events', { type: 'notice.send' }, { 'If-Match': 'soon' }],
    ['bad body', 'POST /api/v1/cases', { title: '' }, {}],
    ['bad path param', 'GET /api/v1/calendar/days/2026-02-30', undefined, {}],
    ['empty JSON body', 'POST /api/v1/reports/submissions', undefined, { 'Content-Type': 'application/json' }],
  ];
  it.each(cases)('answer %s with our 400 problem, listing the issues', async (_name, line, body, headers) => {
    const [method, path] = line.split(' ') as [string, string];
    const res = await t.call(method, path, 'head1', body, headers);
    expect(res.status).toBe(400);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json');
    const problem = ProblemSchema.parse(await res.json());
    expect(problem.type).toBe('/problems/malformed-request');
    expect(problem).not.toHaveProperty('success');
    if (body !== undefined) expect(problem.errors?.length).toBeGreaterThan(0);
  });

  it('accepts a well-formed request on the same routes', async () => {
    expect((await t.call('POST', '/api/v1/cases', 'handler1', sampleDraft())).status).toBe(201);
  });
});
