// What a draft 行政许可 decision may propose under the law: 撤销 only on art 69 grounds and never against art 69
// ¶3; 撤回 only on art 8 ¶2 grounds; 不予撤销 only with art 69 ¶3 reasons or the grounds not established; and,
// once the licensee was told (arts 7, 36), only the outcome and grounds it was told. Pure; 422 refusals.
import type { LicenceHearing } from './licence.context.js';
import { discretionaryGrounds, mandatoryGrounds, withdrawalGrounds, type LicenceDraft, type LicenceGround } from './licence.draft.js';

/** A refusal of a draft's content, with the fields at fault. */
export interface LicenceDraftRefusal {
  code: 'licence_grounds_mismatch' | 'licence_revocation_barred' | 'licence_not_revoke_unfounded' | 'licence_notice_mismatch';
  reason: 'grounds_of_other_outcome' | 'grounds_not_established' | 'public_interest_harm' | 'improper_means' | 'no_reason' | 'notice';
  detail: string;
  fields: string[];
}

const revocationGrounds = [...discretionaryGrounds, ...mandatoryGrounds];
const outside = (grounds: LicenceGround[], allowed: readonly LicenceGround[]) => grounds.filter((g) => !allowed.includes(g));

function mismatch(draft: LicenceDraft, allowed: readonly LicenceGround[], law: string): LicenceDraftRefusal | null {
  const wrong = outside(draft.grounds, allowed);
  if (wrong.length > 0) {
    const detail = `${draft.outcome} rests on ${law}; these grounds belong to another outcome: ${wrong.join(', ')}.`;
    return { code: 'licence_grounds_mismatch', reason: 'grounds_of_other_outcome', detail, fields: ['draft.grounds'] };
  }
  if (draft.outcome !== 'notRevoke' && !draft.groundsEstablished) {
    const detail = `A ${draft.outcome} needs its grounds established by the facts (${law}).`;
    return { code: 'licence_grounds_mismatch', reason: 'grounds_not_established', detail, fields: ['draft.groundsEstablished'] };
  }
  return null;
}

/** art 69 ¶2–3: a 不予撤销 of established grounds needs the public-interest harm a revocation would cause. */
function refuseNotRevoke(draft: LicenceDraft): LicenceDraftRefusal | null {
  if (!draft.groundsEstablished || draft.publicInterestHarm) return null;
  const fraud = draft.grounds.some((g) => mandatoryGrounds.includes(g));
  const detail = fraud
    ? '被许可人以欺骗、贿赂等不正当手段取得行政许可的，应当予以撤销 (行政许可法 art 69 ¶2); 不予撤销 only where revocation would cause major harm to the public interest (¶3): state it.'
    : '不予撤销 of established grounds needs the major harm to the public interest a revocation would cause (行政许可法 art 69 ¶3).';
  return {
    code: 'licence_not_revoke_unfounded',
    reason: fraud ? 'improper_means' : 'no_reason',
    detail,
    fields: ['draft.publicInterestHarm'],
  };
}

function refuseOutcome(draft: LicenceDraft): LicenceDraftRefusal | null {
  switch (draft.outcome) {
    case 'revoke': {
      const wrong = mismatch(draft, revocationGrounds, '行政许可法 art 69 ¶1–2');
      if (wrong || !draft.publicInterestHarm) return wrong;
      const detail = '撤销行政许可，可能对公共利益造成重大损害的，不予撤销 (行政许可法 art 69 ¶3): the draft states such harm.';
      return {
        code: 'licence_revocation_barred',
        reason: 'public_interest_harm',
        detail,
        fields: ['draft.outcome', 'draft.publicInterestHarm'],
      };
    }
    case 'withdraw':
      return mismatch(draft, withdrawalGrounds, '行政许可法 art 8 ¶2');
    case 'notRevoke':
      return mismatch(draft, revocationGrounds, '行政许可法 art 69') ?? refuseNotRevoke(draft);
  }
}

/** After the notice, the decision may not turn to another outcome or add grounds the licensee was not told of. */
function refuseAgainstNotice(draft: LicenceDraft, hearing: LicenceHearing): LicenceDraftRefusal | null {
  const added = outside(draft.grounds, hearing.grounds);
  if (draft.outcome === hearing.outcome && added.length === 0) return null;
  const detail = `The licensee was told of a ${hearing.outcome} on ${hearing.grounds.join(', ')} (行政许可法 arts 7, 36); a draft with another outcome or new grounds needs a new case.`;
  return { code: 'licence_notice_mismatch', reason: 'notice', detail, fields: ['draft.outcome', 'draft.grounds'] };
}

/** The one place a draft's content is judged: the outcome's law, then the notice already served. */
export function refuseLicenceDraft(draft: LicenceDraft, hearing: LicenceHearing | null): LicenceDraftRefusal | null {
  return refuseOutcome(draft) ?? (hearing ? refuseAgainstNotice(draft, hearing) : null);
}
