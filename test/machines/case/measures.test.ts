// Drafts that are well formed (行政处罚法 art 9): MeasureSchema and MeasureListSchema give each kind the size
// it needs, the old single-measure shape still parses and hashes as before, measuresOf reads both shapes,
// and the major catalog (交通 art 76(1)) classifies the new kinds.
import { describe, expect, it } from 'vitest';
import { DraftContentSchema, measuresOf, proposedOutcomeOf, type DraftContent } from '../../../machines/case/draft.schema.js';
import { classifyDraft } from '../../../machines/case/major-catalog.js';
import { sha256Canonical } from '../../../machines/shared/canonical-hash.js';
import { loadPolicy } from '../../../server/policy/load-policy.js';
import { catalogOf } from '../../../server/services.js';
import { sampleDraft } from '../../helpers/test-app.js';

const catalog = catalogOf(loadPolicy());
const withProposed = (proposed: unknown) => ({ ...sampleDraft(), proposed }) as DraftContent;
const parses = (proposed: unknown) => DraftContentSchema.safeParse(withProposed(proposed)).success;

describe('MeasureSchema: the size each kind of 行政处罚法 art 9 needs', () => {
  it.each([
    ['a fine without an amount', [{ kind: 'fine' }]],
    ['a warning with an amount', [{ kind: 'warning', amountYuan: 100 }]],
    ['a suspension without a duration', [{ kind: 'suspension' }]],
    ['a withholding of a licence without a duration', [{ kind: 'license_withholding' }]],
    ['a confiscation of gains without an amount', [{ kind: 'confiscate_gains' }]],
    ['a revocation with a duration', [{ kind: 'license_revocation', durationDays: 30 }]],
    ['the same kind twice', [{ kind: 'warning' }, { kind: 'warning' }]],
    ['no measure at all', []],
    ['a kind outside art 9 for transport (行政拘留)', [{ kind: 'detention', durationDays: 5 }]],
  ])('refuses %s', (_name, measures) => {
    expect(parses({ outcome: 'penalty', measures })).toBe(false);
  });

  it('accepts several measures, each with its size', () => {
    const measures = [
      { kind: 'fine', amountYuan: 20000 },
      { kind: 'confiscate_gains', amountYuan: 3000 },
      { kind: 'license_withholding', durationDays: 30 },
      { kind: 'practice_restriction' },
    ];
    const draft = withProposed({ outcome: 'penalty', measures });
    expect(DraftContentSchema.parse(draft)).toEqual(draft);
    expect(measuresOf(draft)).toEqual(measures);
    expect(proposedOutcomeOf(draft)).toBe('penalty');
  });

  it('accepts a 不予处罚 on either ground and a transfer, and refuses measures on them', () => {
    for (const outcome of ['no_penalty_minor', 'no_penalty_unfounded', 'transfer']) expect(parses({ outcome })).toBe(true);
    expect(parses({ outcome: 'no_penalty_minor', measures: [{ kind: 'warning' }] })).toBe(false);
    expect(measuresOf(withProposed({ outcome: 'no_penalty_minor' }))).toEqual([{ kind: 'no_penalty' }]);
    expect(measuresOf(withProposed({ outcome: 'transfer' }))).toEqual([]);
  });
});

describe('the old single-measure shape', () => {
  it('still parses, unchanged, and hashes as it always did (old records verify)', () => {
    const old = sampleDraft();
    expect(DraftContentSchema.parse(old)).toEqual(old);
    expect(sha256Canonical(DraftContentSchema.parse(old))).toBe('f4a7c6c2ce6e2f9a6b3d425ce8e691a88493ea9e76ed6cd0aff970a7650e26ba');
    expect(measuresOf(old)).toEqual([{ kind: 'fine', amountYuan: 150000 }]);
    expect(proposedOutcomeOf(withProposed({ kind: 'no_penalty' }))).toBe('no_penalty');
  });

  it('refuses a fine without an amount and a warning with one there too', () => {
    expect(parses({ kind: 'fine' })).toBe(false);
    expect(parses({ kind: 'warning', amountYuan: 50 })).toBe(false);
    expect(parses({ kind: 'license_revocation' })).toBe(true);
  });
});

describe('the major catalog covers the new kinds (交通 art 76(1); policy.majorCatalog.majorKinds, majorCatalog.discussion)', () => {
  it.each(['qualification_downgrade', 'closure', 'practice_restriction', 'license_revocation'])(
    '%s is major and needs collective discussion',
    (kind) => {
      const c = classifyDraft(withProposed({ outcome: 'penalty', measures: [{ kind }] }), catalog, false);
      expect(c).toMatchObject({ isMajor: true, reasons: [kind], discussionRequired: true, discussionReasons: [kind] });
    },
  );

  it('counts a large confiscation of gains or of property, each on its own', () => {
    const big = classifyDraft(
      withProposed({ outcome: 'penalty', measures: [{ kind: 'confiscate_property', amountYuan: 10000 }] }),
      catalog,
      false,
    );
    expect(big.reasons).toEqual(['confiscation_over_threshold']);
    const split = [
      { kind: 'confiscate_gains', amountYuan: 6000 },
      { kind: 'confiscate_property', amountYuan: 6000 },
    ];
    expect(classifyDraft(withProposed({ outcome: 'penalty', measures: split }), catalog, false).isMajor).toBe(false);
  });

  it('keeps a warning, a public criticism or a 不予处罚 minor', () => {
    for (const proposed of [
      { outcome: 'penalty', measures: [{ kind: 'warning' }, { kind: 'public_criticism' }] },
      { outcome: 'no_penalty_minor' },
    ]) {
      expect(classifyDraft(withProposed(proposed), catalog, false).isMajor).toBe(false);
    }
  });
});
