// Drafts, notices and opinions of 行政强制执行 cases for tests: a major draft (强制拆除), a minor one (恢复原状), the
// 催告 as served, and the seven execution review items. The clock of the app is fixed at `testNow`.
import type { ExecutionDraft } from '../../../machines/execution/execution.draft.js';
import { executionReviewItems } from '../../../machines/execution/execution.events.js';
import type { DemoUserName, TestApp } from '../../helpers/test-app.js';

/** The instant the test app's clock shows: Tuesday 10 March 2026, 10:00 in China. */
export const testNow = '2026-03-10T02:00:00.000Z';

/** A draft enforcing an act (拆除违法建筑物); `over` changes any field. Major by default (强制拆除). */
export function executionDraft(over: Partial<ExecutionDraft> = {}): ExecutionDraft {
  return {
    title: `强制拆除 违法搭建 ${Math.random().toString(36).slice(2, 8)}`,
    route: 'enforce',
    means: 'demolition',
    party: { name: '某物流有限公司', kind: 'organization' },
    duty: {
      decisionRef: '青交执罚〔2025〕88号',
      duty: '限期拆除在公路建筑控制区内违法搭建的彩钢房',
      kind: 'act',
      dueOn: '2026-01-20',
      remedyEndsOn: '2026-02-10',
    },
    facts: '当事人在限期内未拆除违法建筑物，经催告仍未履行。',
    legalBasis: '《中华人民共和国公路法》第八十一条；《中华人民共和国行政强制法》第三十七条、第四十四条',
    manner: '依法强制拆除',
    plannedOn: '2026-03-16',
    plannedTime: '09:00',
    surchargeYuan: 0,
    remedies: '如不服本决定，可在六十日内申请行政复议，或者在六个月内依法提起行政诉讼。',
    publicInterest: false,
    complex: false,
    ...over,
  };
}

/** A minor draft: 排除妨碍、恢复原状 by the agency itself. */
export const minorDraft = (over: Partial<ExecutionDraft> = {}) => executionDraft({ title: '恢复原状', means: 'restore', ...over });

/** The written 催告 (art 35), served on `servedOn` with a period of `periodDays`. */
export const notice = (servedOn = '2026-02-02', periodDays = 10) => ({
  type: 'notice.serve',
  periodDays,
  manner: '自行拆除',
  rightsStated: true,
  servedOn,
});

/** An approving opinion on `draftHash`. */
export const approve = (draftHash: string) => ({
  type: 'review.approve',
  draftHash,
  opinion: '七项审核均符合。',
  items: executionReviewItems(),
});

/** A returning opinion: the procedure item not passed. */
export const giveBack = () => ({
  type: 'review.return',
  opinion: '程序存在问题。',
  items: executionReviewItems({ procedure: '未听取当事人陈述申辩 (行政强制法 art 36)。' }),
});

/** Helpers bound to one test app. */
export function executionCalls(t: TestApp) {
  const send = (id: string, user: DemoUserName, body: unknown) => t.call('POST', `/api/v1/execution-cases/${id}/events`, user, body);
  const open = async (draft: ExecutionDraft, openedOn = '2026-01-25') => {
    const res = await t.call('POST', '/api/v1/execution-cases', 'handler1', { ...draft, openedOn });
    if (res.status !== 201) throw new Error(`execution case not opened: ${res.status} ${await res.text()}`);
    return res.json();
  };
  /** Opens a case and serves its 催告 (past by default, so the period is over). */
  const noticed = async (draft: ExecutionDraft, servedOn = '2026-02-02', periodDays = 10) => {
    const opened = await open(draft);
    const res = await send(opened.id, 'handler1', notice(servedOn, periodDays));
    if (res.status !== 200) throw new Error(`notice not served: ${res.status} ${await res.text()}`);
    return res.json();
  };
  /** A major case noticed, reviewed and approved: in `awaitingDecision`. */
  const approved = async (draft = executionDraft()) => {
    const c = await noticed(draft);
    await send(c.id, 'handler1', { type: 'review.submit', attestation: true });
    await send(c.id, 'reviewer1', { type: 'review.assign', reviewerId: t.users.reviewer1.id });
    const res = await send(c.id, 'reviewer1', approve(c.draft.hash));
    if (res.status !== 200) throw new Error(`not approved: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const versionOf = async (id: string) => (await (await t.call('GET', `/api/v1/execution-cases/${id}`, 'head1')).json()).version;
  return { send, open, noticed, approved, versionOf };
}
