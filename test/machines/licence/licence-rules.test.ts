// The law of a licence draft, table-driven: which outcome may rest on which grounds (行政许可法 arts 8, 69), what
// a 不予撤销 needs (art 69 ¶2–3), what compensation each decision owes (art 69 ¶4, art 8 ¶2), and the catalog.
import { describe, expect, it } from 'vitest';
import { refuseLicenceDraft } from '../../../machines/licence/licence.draft-rules.js';
import { compensationOf, type LicenceDraft } from '../../../machines/licence/licence.draft.js';
import { classifyLicence } from '../../../machines/licence/licence.catalog.js';
import { licenceDraft } from '../../server/licence/licence-fixtures.js';
import { modelCatalog } from '../../proof/licence/licence-model.js';

const harm = '撤销将中断唯一客运线路。';
const cases: [string, Partial<LicenceDraft>, string | null][] = [
  ['撤销 on art 69 ¶1(四)', {}, null],
  ['撤销 on art 69 ¶2 fraud', { grounds: ['improperMeans'] }, null],
  ['撤销 on art 8 grounds', { grounds: ['lawChanged'] }, 'licence_grounds_mismatch'],
  ['撤销 not established', { groundsEstablished: false }, 'licence_grounds_mismatch'],
  ['撤销 against art 69 ¶3', { publicInterestHarm: harm }, 'licence_revocation_barred'],
  ['撤回 on art 8 ¶2', { outcome: 'withdraw', grounds: ['circumstancesChanged'] }, null],
  ['撤回 on art 69 grounds', { outcome: 'withdraw', grounds: ['beyondAuthority'] }, 'licence_grounds_mismatch'],
  ['不予撤销 of fraud without reasons', { outcome: 'notRevoke', grounds: ['improperMeans'] }, 'licence_not_revoke_unfounded'],
  ['不予撤销 of fraud with art 69 ¶3 reasons', { outcome: 'notRevoke', grounds: ['improperMeans'], publicInterestHarm: harm }, null],
  ['不予撤销, grounds not established', { outcome: 'notRevoke', grounds: ['abuseOfPower'], groundsEstablished: false }, null],
  ['不予撤销 of ¶1 grounds without reasons', { outcome: 'notRevoke', grounds: ['abuseOfPower'] }, 'licence_not_revoke_unfounded'],
];

describe('what a licence draft may propose', () => {
  it.each(cases)('%s', (_name, over, code) => {
    expect(refuseLicenceDraft(licenceDraft(over), null)?.code ?? null).toBe(code);
  });

  it('owes 赔偿 for a ¶1 撤销, nothing for a ¶2 one or a 不予撤销, and 补偿 for a 撤回', () => {
    expect(compensationOf({ outcome: 'revoke', grounds: ['abuseOfPower'] })).toBe('compensation');
    expect(compensationOf({ outcome: 'revoke', grounds: ['abuseOfPower', 'improperMeans'] })).toBe('none');
    expect(compensationOf({ outcome: 'notRevoke', grounds: ['abuseOfPower'] })).toBe('none');
    expect(compensationOf({ outcome: 'withdraw', grounds: ['lawChanged'] })).toBe('indemnity');
  });

  it('classifies by licence kind of an organisation, owed compensation over the threshold, and parties affected', () => {
    expect(classifyLicence(licenceDraft(), modelCatalog).reasons).toEqual(['major_licence_kind']);
    expect(classifyLicence(licenceDraft({}, false), modelCatalog).isMajor).toBe(false);
    const costly = licenceDraft({ estimatedLossYuan: 200_000 }, false);
    expect(classifyLicence(costly, modelCatalog).reasons).toEqual(['compensation_over_threshold']);
    expect(classifyLicence({ ...costly, grounds: ['improperMeans'] }, modelCatalog).isMajor).toBe(false);
    expect(classifyLicence(licenceDraft({ partiesAffected: 80 }, false), modelCatalog).reasons).toEqual(['many_parties']);
  });
});
