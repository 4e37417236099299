// The properties the 行政许可 (撤销 / 撤回) proof asserts on every reachable abstract state: (a) a major decision
// rests on an independent approval of the very draft decided; (b) the decision comes after the licensee was told
// and heard, keeps the outcome and grounds it was told, and no unlawful draft is ever current; (c) a case closes
// only served, published where owed and, when major, filed. Dead ends are checked by `liveKeys`.
import { chinaDay } from '../../../machines/case/legal-dates.js';
import type { LicenceContext } from '../../../machines/licence/licence.context.js';
import { modelDrafts } from './licence-model.js';
import { licenceDraftSummary } from '../../../machines/licence/licence.draft.js';
import type { Snapshot, Space } from './licence-model.js';

export { liveKeys, spaceCounts } from '../coercion/coercion-invariants.js';

/** A broken property and where. */
export interface Violation {
  property: string;
  key: string;
  detail: string;
}

const unlawful = licenceDraftSummary(modelDrafts().X, 1).hash;

function approvalViolations(c: LicenceContext): string[] {
  const d = c.decision;
  const out: string[] = [];
  if (c.review?.outcome === 'approved' && c.review.failed.length > 0) out.push('a:approved-with-failed-item');
  if (d && c.major.isMajor) {
    const r = c.review;
    if (r?.outcome !== 'approved' || r.draftHash !== d.draftHash) out.push('a:decided-without-approval');
    if (r && r.reviewerId === c.handlerId) out.push('a:self-reviewed');
    if (c.reviewers.includes(d.by)) out.push('a:reviewer-decided');
  }
  if (d && d.draftHash !== c.draft.hash) out.push('a:draft-changed-after-decision');
  if (d && d.by === c.handlerId) out.push('a:handler-decided');
  return out;
}

function hearingViolations(c: LicenceContext): string[] {
  const h = c.hearing;
  const out: string[] = [];
  if (c.draft.hash === unlawful) out.push('b:unlawful-draft-current');
  if (h?.closedAt && h.statements.length === 0 && chinaDay(h.closedAt) <= h.statementsDueOn) out.push('b:closed-before-heard');
  if (c.decision && !h?.closedAt) out.push('b:decided-before-hearing');
  if (h && (h.outcome !== c.draft.outcome || c.draft.grounds.some((g) => !h.grounds.includes(g)))) out.push('b:draft-against-notice');
  return out;
}

/** The properties of one snapshot. */
export function licenceViolations(s: Snapshot): { property: string; detail: string }[] {
  const c = s.context as LicenceContext;
  const found = [...approvalViolations(c), ...hearingViolations(c)];
  const d = c.duties;
  const owed = c.decision !== null && c.decision.outcome !== 'licence_notRevoke';
  if (s.matches('closed') && (d.servedOn === null || (owed && d.publishedOn === null) || (d.filingRequired && d.filedAt === null)))
    found.push('c:closed-with-duty-open');
  if (s.matches('decided') && !c.decision) found.push('a:decided-without-decision');
  if (c.major.isMajor !== d.filingRequired) found.push('c:filing-rule');
  return found.map((property) => ({ property, detail: JSON.stringify(s.value) }));
}

/** Every violation in the space. */
export function findLicenceViolations(space: Space): Violation[] {
  return Object.entries(space).flatMap(([key, node]) => licenceViolations(node.state).map((v) => ({ ...v, key })));
}
