// Every rule names its article: each guard of the case machine and each refusal code of its rules has an
// entry in machines/case/case.law.ts (codes from every machines/case/*.rules.ts), and no entry names a rule that
// does not exist.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caseMachine } from '../../../machines/case/case.machine.js';
import { guardArticles, refusalArticles } from '../../../machines/case/case.law.js';

const guards = Object.keys(caseMachine.implementations.guards);
// Every rules file of the machine: case.rules.ts and the rules it delegates to (party.rules.ts).
const dir = new URL('../../../machines/case/', import.meta.url);
const rulesSource = readdirSync(dir)
  .filter((name) => name.endsWith('.rules.ts'))
  .map((name) => readFileSync(new URL(name, dir), 'utf8'))
  .join('\n');
const codes = [...new Set([...rulesSource.matchAll(/(?:code: |refusal\()'([a-z_]+)'/g)].map((m) => m[1]!))];

describe('the law behind every rule', () => {
  it('names an article for every guard of the case machine, and only for guards that exist', () => {
    expect(Object.keys(guardArticles).sort()).toEqual([...guards].sort());
    for (const articles of Object.values(guardArticles)) expect(articles.length).toBeGreaterThan(0);
  });

  it('names an article for every refusal code of the case rules, and only for codes that exist', () => {
    expect(Object.keys(refusalArticles).sort()).toEqual([...codes].sort());
    for (const articles of Object.values(refusalArticles)) expect(articles.length).toBeGreaterThan(0);
  });
});
