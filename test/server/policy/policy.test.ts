// The bundled deadline policy carries the DOMAIN defaults, and a bad policy file fails loudly with every issue listed.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyDraft, type MajorCatalog } from '../../../machines/case/major-catalog.js';
import { defaultPolicyPath, loadPolicy } from '../../../server/policy/load-policy.js';
import { PolicySchema } from '../../../server/policy/policy.schema.js';

const dir = mkdtempSync(join(tmpdir(), 'policy-test-'));
const defaults = JSON.parse(readFileSync(defaultPolicyPath, 'utf8')) as Record<string, unknown>;

/** Writes `content` to a fresh file and returns its path. */
function policyFile(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

describe('default policy', () => {
  const policy = loadPolicy();

  it.each([
    ['review', 5, 'working'],
    ['reviewExtension', 5, 'working'],
    ['hearingRequest', 5, 'working'],
    ['hearingNotice', 7, 'working'],
    ['decision', 90, 'calendar'],
    ['decisionExtension', 30, 'calendar'],
    ['service', 7, 'working'],
    ['publicationWithdrawal', 3, 'working'],
    ['filing', 15, 'calendar'],
    ['payment', 15, 'calendar'],
    ['criminalTransferDecision', 3, 'calendar'],
    ['warnBefore', 2, 'working'],
  ] as const)('sets %s to %i %s days with a legal basis', (key, days, unit) => {
    expect(policy.deadlines[key]).toMatchObject({ days, unit });
    expect(policy.deadlines[key].basis.length).toBeGreaterThan(5);
  });

  it('publishes penalties within 7 working days and other decisions within 20', () => {
    expect(policy.deadlines.publication.penalty).toMatchObject({ days: 7, unit: 'working' });
    expect(policy.deadlines.publication.other).toMatchObject({ days: 20, unit: 'working' });
  });

  it('sets the monthly report to the 5th and the annual report to 31 January', () => {
    expect(policy.reports.monthly.dueDay).toBe(5);
    expect(policy.reports.annual.due).toBe('01-31');
  });

  it('sets fine thresholds of 10,000 yuan for a person and 100,000 for an organisation', () => {
    expect(policy.majorCatalog.fineThresholdYuan).toEqual({ person: 10_000, organization: 100_000 });
    // 交通 art 76(1): 降低资质等级, 吊销许可证件, 责令停产停业, 责令关闭, 限制从业.
    expect(policy.majorCatalog.majorKinds).toEqual([
      'qualification_downgrade',
      'license_revocation',
      'suspension',
      'closure',
      'practice_restriction',
    ]);
  });

  it('is usable as the catalog the case machine classifies with', () => {
    const catalog: MajorCatalog = policy.majorCatalog;
    const draft = {
      title: 't',
      party: { name: 'p', kind: 'person' as const },
      facts: 'f',
      legalBasis: ['b'],
      evidence: [{ kind: 'k', description: 'd' }],
      proposed: { kind: 'fine' as const, amountYuan: 10_000 },
    };
    expect(classifyDraft(draft, catalog, false)).toMatchObject({ isMajor: true, discussionRequired: true });
    const small = { ...draft, proposed: { kind: 'fine' as const, amountYuan: 9_999 } };
    expect(classifyDraft(small, catalog, false)).toMatchObject({ isMajor: false, discussionRequired: false });
  });

  it('resolves the default file next to the module, not the working directory', () => {
    expect(defaultPolicyPath).toMatch(/server[\\/]policy[\\/]default-policy\.json$/);
  });
});

describe('loadPolicy failures', () => {
  it('lists every schema issue with its path', () => {
    const bad = structuredClone(defaults) as { deadlines: Record<string, Record<string, unknown>> };
    bad.deadlines.review = { days: 0, unit: 'working', basis: 'x' };
    bad.deadlines.payment = { days: 15, unit: 'weeks', basis: 'x' };
    const path = policyFile('bad-values.json', bad);
    expect(() => loadPolicy(path)).toThrow(path);
    expect(() => loadPolicy(path)).toThrow(/deadlines\.review\.days[\s\S]*deadlines\.payment\.unit/);
  });

  it('has no defaults in code: a missing deadline is an error', () => {
    const bad = structuredClone(defaults) as { deadlines: Record<string, unknown> };
    delete bad.deadlines.filing;
    expect(() => loadPolicy(policyFile('missing.json', bad))).toThrow(/deadlines\.filing/);
  });

  it('rejects unknown keys so that a misspelt setting is not silently ignored', () => {
    const bad = structuredClone(defaults) as { deadlines: Record<string, unknown> };
    bad.deadlines.reveiw = { days: 5, unit: 'working', basis: 'typo' };
    expect(() => loadPolicy(policyFile('typo.json', bad))).toThrow(/reveiw/);
  });

  it('rejects a monthly due day that some months lack and a malformed annual date', () => {
    const bad = structuredClone(defaults) as { reports: { monthly: { dueDay: number }; annual: { due: string } } };
    bad.reports.monthly.dueDay = 31;
    bad.reports.annual.due = '1-31';
    expect(() => loadPolicy(policyFile('reports.json', bad))).toThrow(/reports\.monthly\.dueDay[\s\S]*reports\.annual\.due/);
  });

  it('requires a legal basis for every catalog value', () => {
    const bad = structuredClone(defaults) as { majorCatalog: { basis: Record<string, string> } };
    delete bad.majorCatalog.basis.fineThresholdYuan;
    expect(() => loadPolicy(policyFile('basis.json', bad))).toThrow(/majorCatalog\.basis\.fineThresholdYuan/);
  });

  it('reports invalid JSON and a missing file by path', () => {
    const broken = policyFile('broken.json', '{ "version": ');
    expect(() => loadPolicy(broken)).toThrow(/not valid JSON/);
    expect(() => loadPolicy(join(dir, 'absent.json'))).toThrow(/cannot read .*absent\.json/);
  });

  it('exposes the schema for callers that validate policy objects directly', () => {
    expect(PolicySchema.safeParse(defaults).success).toBe(true);
  });
});
