// Every rule names its article: each guard of the case machine, each refusal code (from every
// machines/case/*.rules.ts) and each exported rule function of its rule files, and each request schema that
// refuses on a rule of law has an entry in machines/case/case.law.ts, and no entry names a rule that does not exist.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caseMachine } from '../../../machines/case/case.machine.js';
import { guardArticles, refusalArticles, ruleArticles, schemaArticles } from '../../../machines/case/case.law.js';
import * as caseRules from '../../../machines/case/case.rules.js';
import * as decisionRules from '../../../machines/case/decision.rules.js';
import * as avRecordRules from '../../../machines/case/av-record.rules.js';
import * as transferRules from '../../../machines/case/transfer.rules.js';
import * as transferEvents from '../../../machines/case/transfer.events.js';
import * as events from '../../../machines/case/case.events.js';
import * as measures from '../../../machines/case/measures.js';

const guards = Object.keys(caseMachine.implementations.guards);
// Every rules file of the machine: case.rules.ts and the rules it delegates to (party.rules.ts, and the review
// sub-flow's rules it shares with the 查封扣押 machine, machines/review/review-rules.ts).
const dir = new URL('../../../machines/case/', import.meta.url);
const shared = new URL('../../../machines/review/review-rules.ts', import.meta.url);
const rulesSource = [
  ...readdirSync(dir)
    .filter((name) => name.endsWith('.rules.ts'))
    .map((name) => readFileSync(new URL(name, dir), 'utf8')),
  readFileSync(shared, 'utf8'),
].join('\n');
const codes = [...new Set([...rulesSource.matchAll(/(?:code: |refusal\()'([a-z_]+)'/g)].map((m) => m[1]!))];
const functions = Object.entries({ ...caseRules, ...decisionRules, ...avRecordRules, ...transferRules })
  .filter(([, value]) => typeof value === 'function')
  .map(([name]) => name);

describe('the law behind every rule', () => {
  it('names an article for every guard of the case machine, and only for guards that exist', () => {
    expect(Object.keys(guardArticles).sort()).toEqual([...guards].sort());
    for (const articles of Object.values(guardArticles)) expect(articles.length).toBeGreaterThan(0);
  });

  it('names an article for every refusal code of the case rules, and only for codes that exist', () => {
    expect(Object.keys(refusalArticles).sort()).toEqual([...codes].sort());
    for (const articles of Object.values(refusalArticles)) expect(articles.length).toBeGreaterThan(0);
  });

  it('names an article for every exported rule function (case.rules.ts, decision.rules.ts, av-record.rules.ts, transfer.rules.ts)', () => {
    expect(Object.keys(ruleArticles).sort()).toEqual(functions.sort());
    for (const articles of Object.values(ruleArticles)) expect(articles.length).toBeGreaterThan(0);
  });

  it('names only request schemas that exist', () => {
    const schemas = { ...events, ...measures, ...transferEvents } as Record<string, unknown>;
    for (const name of Object.keys(schemaArticles)) expect(schemas[name], name).toBeDefined();
  });
});
