// Problem details speak the caller's language (Accept-Language: zh-CN by default and for `*`, en on request)
// and every problem `type` resolves to a help page in both languages; no code in the source lacks one.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { problemCatalogue } from '../../../server/http/problems/catalogue.js';
import { problemLangOf } from '../../../server/http/problems/language.js';
import { caseInReview } from '../desk/desk-fixtures.js';

let t: TestApp;
let caseId: string;
beforeAll(async () => {
  t = await createTestApp();
  caseId = (await caseInReview(t)).id;
});
afterAll(() => t.close());

/** A reviewer sending the handler's review.submit (403 wrong_role), asked in `lang`. */
const refusedIn = async (lang?: string) => {
  const headers: Record<string, string> = lang === undefined ? {} : { 'Accept-Language': lang };
  const res = await t.call('POST', `/api/v1/cases/${caseId}/events`, 'reviewer1', { type: 'review.submit', attestation: true }, headers);
  return { res, body: await res.json() };
};
const hasCjk = (s: string) => /[\u4e00-\u9fff]/.test(s);

describe('problem details by Accept-Language', () => {
  it('answers in English for Accept-Language: en', async () => {
    const { res, body } = await refusedIn('en');
    expect(res.status).toBe(403);
    expect(res.headers.get('content-language')).toBe('en');
    expect(body.type).toBe('/problems/wrong-role');
    expect(body.title).toBe('Not allowed for your role');
    expect(hasCjk(body.detail)).toBe(false);
  });

  it.each([[undefined], ['zh-CN'], ['*'], ['fr'], ['en;q=0.4, zh;q=0.8']])('answers in Chinese for %s', async (lang) => {
    const { res, body } = await refusedIn(lang);
    expect(res.headers.get('content-language')).toBe('zh-CN');
    expect(body.title).toBe('角色无权执行此操作');
    expect(hasCjk(body.detail)).toBe(true);
    expect(body.code).toBe('wrong_role');
  });

  it('localises a validation problem and keeps its field list', async () => {
    const zh = await (await t.call('GET', '/api/v1/cases?limit=0', 'reviewer1')).json();
    expect(zh.title).toBe('请求格式不正确');
    expect(zh.detail).toContain('limit');
    expect(zh.errors[0].path).toBe('limit');
    const en = await (await t.call('GET', '/api/v1/cases?limit=0', 'reviewer1', undefined, { 'Accept-Language': 'en-GB' })).json();
    expect(en.title).toBe('Malformed request');
  });

  it('picks the language by quality and ignores junk', () => {
    expect(problemLangOf('en-US,en;q=0.9')).toBe('en');
    expect(problemLangOf('zh-TW;q=0.9, en;q=0.95')).toBe('en');
    expect(problemLangOf('en;q=0')).toBe('zh-CN');
    expect(problemLangOf(';;;,q=,en;q=abc')).toBe('zh-CN');
    expect(problemLangOf(`${'x,'.repeat(5000)}en`)).toBe('zh-CN');
  });
});

describe('problem type pages', () => {
  it.each(Object.keys(problemCatalogue))('GET the type of %s answers 200 in both languages', async (code) => {
    const res = await t.app.request(`/problems/${code.replace(/_/g, '-')}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(problemCatalogue[code]!['zh-CN'].title);
    expect(html).toContain('lang="en"');
  });

  it('lists every problem at /problems and answers 404 for an unknown type', async () => {
    expect((await t.app.request('/problems')).status).toBe(200);
    const res = await t.app.request('/problems/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('has a catalogue entry for every problem code in the source', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
      });
    const codes = new Set<string>();
    for (const file of [...files('server'), ...files('machines'), ...files('db')]) {
      for (const m of readFileSync(file, 'utf8').matchAll(/code: '([a-z_]+)'/g)) codes.add(m[1]!);
    }
    codes.delete('custom'); // zod's issue code, not a problem
    expect([...codes].filter((c) => !(c in problemCatalogue))).toEqual([]);
  });
});
