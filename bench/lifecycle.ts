// The benchmark's case lifecycle: one major case that needs legal review but no collective discussion,
// from 立案 to 结案, as the list of (who, command) steps that both the HTTP and the in-process runs send.
import { reviewItems, type CaseCommand } from '../machines/case/case.events.js';
import type { DraftContent } from '../machines/case/draft.schema.js';
import { chinaDay } from '../machines/case/legal-dates.js';
import { classifyDraft, type MajorCatalog } from '../machines/case/major-catalog.js';

/** Demo users who act in the lifecycle. */
export type BenchUser = 'handler1' | 'reviewer1' | 'head1' | 'clerk1';

/** One step after the case is opened; `command` may need the draft hash and the reviewer's id. */
export interface LifecycleStep {
  user: BenchUser;
  command: (ctx: { draftHash: string; reviewerId: string }) => CaseCommand;
}

/**
 * A major case by `publicInterest` with a small fine: review is required, collective discussion is not
 * (a 150,000 yuan fine to an organisation would add 集体讨论, which this benchmark leaves out).
 */
export function benchDraft(i: number): DraftContent {
  return {
    title: `超限运输案 第${i}号`,
    party: { name: `西宁某物流有限公司${i % 97}`, kind: 'organization' },
    facts: '车辆超限运输，车货总质量超过限定标准，影响公共道路安全。',
    legalBasis: ['《公路安全保护条例》第三十条', '《公路安全保护条例》第六十四条'],
    evidence: [
      { kind: '现场检测记录', description: '称重检测单' },
      { kind: '询问笔录', description: '驾驶员询问笔录' },
    ],
    proposed: { kind: 'fine', amountYuan: 5000 },
    flags: { publicInterest: true },
  };
}

/** Today in China: the legal date of the bench's documents. */
const today = () => chinaDay(new Date().toISOString());

/** The ten events after 立案, in order. */
export const lifecycleSteps: readonly LifecycleStep[] = [
  { user: 'handler1', command: () => ({ type: 'notice.send', service: { method: 'direct', date: today(), recipient: '当事人' } }) },
  { user: 'handler1', command: () => ({ type: 'rights.waive' }) },
  { user: 'handler1', command: () => ({ type: 'review.submit', attestation: true }) },
  { user: 'reviewer1', command: ({ reviewerId }) => ({ type: 'review.assign', reviewerId }) },
  {
    user: 'reviewer1',
    command: ({ draftHash }) => ({
      type: 'review.approve',
      draftHash,
      opinion: '事实清楚，证据确凿，适用依据正确，程序合法，同意。',
      items: reviewItems(),
    }),
  },
  { user: 'head1', command: ({ draftHash }) => ({ type: 'decision.issue', draftHash }) },
  {
    user: 'clerk1',
    command: () => ({ type: 'decision.serve', service: { method: 'direct', date: today(), recipient: '当事人', receiptRef: '送达回证' } }),
  },
  { user: 'clerk1', command: () => ({ type: 'publication.publish' }) },
  { user: 'clerk1', command: () => ({ type: 'filing.submit', recipient: '西宁市司法局', reportNo: '备案', filedOn: today() }) },
  { user: 'clerk1', command: () => ({ type: 'case.close' }) },
];

/** Transitions per lifecycle: 立案 plus every step. */
export const transitionsPerCase = 1 + lifecycleSteps.length;

/** Throws unless the bench draft is major and needs no discussion under `catalog` (the benchmark's premise). */
export function assertBenchDraftFits(catalog: MajorCatalog): void {
  const c = classifyDraft(benchDraft(0), catalog, false);
  if (!c.isMajor || c.discussionRequired) {
    throw new Error(`bench draft must be major without discussion under this policy, got ${JSON.stringify(c)}`);
  }
}
