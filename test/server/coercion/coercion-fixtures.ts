// Drafts and opinions of 查封、扣押 cases for tests: a major draft (a vehicle over the catalog's value), a minor
// one, and the seven coercion review items.
import type { CoercionDraft } from '../../../machines/coercion/coercion.draft.js';
import { coercionReviewItems } from '../../../machines/coercion/coercion.events.js';
import type { TestApp } from '../../helpers/test-app.js';

/** A 扣押 draft; `valueYuan` of its one object decides whether the catalog makes it major (≥ 100,000 by default). */
export function coercionDraft(t: TestApp, over: Partial<CoercionDraft> = {}, valueYuan = 150_000): CoercionDraft {
  return {
    title: `扣押 非法营运车辆 ${Math.random().toString(36).slice(2, 8)}`,
    measure: 'seize',
    party: { name: '某运输有限公司', kind: 'organization' },
    facts: '当事人未取得道路运输经营许可，擅自从事道路客运经营，车辆为违法工具。',
    legalBasis: '《中华人民共和国道路运输条例》第六十六条；《中华人民共和国行政强制法》第九条、第二十二条、第二十三条',
    objects: [{ name: '大型客车 青A·12345', kind: 'vehicle', quantity: '1辆', valueYuan, livingNecessity: false }],
    periodDays: 30,
    remedies: '如不服本决定，可在六十日内申请行政复议，或者在六个月内依法提起行政诉讼。',
    officers: [t.users.handler1.id, t.users.handler2.id],
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
  items: coercionReviewItems(),
});

/** A returning opinion: the proportionality item (art 5) not passed. */
export const giveBack = () => ({
  type: 'review.return',
  opinion: '扣押范围超出必要限度。',
  items: coercionReviewItems({ proportionality: '应当选择对当事人权益损害较小的方式 (行政强制法 art 5)。' }),
});
