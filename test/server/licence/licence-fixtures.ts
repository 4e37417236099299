// Drafts and opinions of 行政许可 (撤销 / 撤回) cases for tests: a major 撤销 of an organisation's 道路运输经营许可,
// a minor one of a 从业资格证, and the seven licence review items.
import type { LicenceDraft } from '../../../machines/licence/licence.draft.js';
import { licenceReviewItems } from '../../../machines/licence/licence.events.js';

/** A 撤销 draft (art 69 ¶1(四)); `major` false makes it a person's 从业资格证, outside the catalog. */
export function licenceDraft(over: Partial<LicenceDraft> = {}, major = true): LicenceDraft {
  return {
    title: `撤销 道路运输经营许可 ${Math.random().toString(36).slice(2, 8)}`,
    outcome: 'revoke',
    party: major ? { name: '某客运有限公司', kind: 'organization' } : { name: '张某', kind: 'person' },
    licence: major
      ? { kind: 'roadTransportOperation', number: '青交运管许可西字630100001号', grantedOn: '2024-05-06' }
      : { kind: 'practitionerQualification', number: '630100199001010011', grantedOn: '2024-05-06' },
    grounds: ['unqualifiedApplicant'],
    groundsEstablished: true,
    facts: '申请时提交的车辆技术等级评定材料不符合法定条件，原许可机关予以准予。',
    legalBasis: '《中华人民共和国行政许可法》第六十九条第一款第四项；《道路运输条例》第十条',
    remedies: '如不服本决定，可在六十日内申请行政复议，或者在六个月内依法提起行政诉讼。',
    estimatedLossYuan: 20_000,
    partiesAffected: 3,
    publicInterest: false,
    complex: false,
    ...over,
  };
}

/** An approving opinion on `draftHash`. */
export const approve = (draftHash: string) => ({
  type: 'review.approve',
  draftHash,
  opinion: '七项审核均符合。',
  items: licenceReviewItems(),
});

/** A returning opinion: the law-application item not passed. */
export const giveBack = () => ({
  type: 'review.return',
  opinion: '法律适用有误。',
  items: licenceReviewItems({ lawApplication: '应当适用第六十九条第二款。' }),
});

/** A statement heard and answered. */
export const statement = { type: 'statement.record', summary: '当事人称材料系代办机构提供。', response: '经复核，不予采纳。' };
