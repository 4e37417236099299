// An execution case lives beside the other kinds: `GET /api/v1/machines` lists the kind with its diagram, the
// desk queues that can show it answer 200, and the penalty and 查封扣押 APIs answer its id as not found.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { DeskClient } from '../desk/desk-client.js';
import { approve, executionCalls, executionDraft, testNow } from './execution-fixtures.js';

let t: TestApp;
let id: string;
beforeAll(async () => {
  t = await createTestApp({ now: () => new Date(testNow) });
  const approved = await executionCalls(t).approved(executionDraft());
  id = approved.id;
  expect(approve(approved.draft.hash).type).toBe('review.approve');
});
afterAll(async () => {
  await t.close();
});

describe('the execution kind beside the others', () => {
  it('is listed by GET /api/v1/machines as kind execution, version 1, latest, with its stored case', async () => {
    const list = (await (await t.call('GET', '/api/v1/machines', 'admin1')).json()) as {
      kind: string;
      version: number;
      latest: boolean;
      cases: number;
      openCases: number;
      diagram: string;
    }[];
    const execution = list.find((m) => m.kind === 'execution');
    expect(execution).toMatchObject({ version: 1, latest: true, cases: 1, openCases: 1 });
    expect(execution!.diagram).toContain('awaitingNotice');
    expect(list.some((m) => m.kind === 'coercion')).toBe(true);
  });

  it('answers the desk queues with 200, and the penalty and 查封扣押 APIs with 404 for an execution case', async () => {
    const desk = new DeskClient(t);
    await desk.signIn('head1');
    for (const page of ['/desk', '/desk?tab=decide', '/desk?tab=all']) expect((await desk.get(page)).status, page).toBe(200);
    expect((await desk.get(`/desk/cases/${id}`)).status).toBe(404);
    expect((await t.call('GET', `/api/v1/cases/${id}`, 'head1')).status).toBe(404);
    expect((await t.call('GET', `/api/v1/coercion-cases/${id}`, 'head1')).status).toBe(404);
    expect((await t.call('GET', `/api/v1/execution-cases/${id}`, 'head1')).status).toBe(200);
  });
});
