// Context updates of the review-law steps: materials requested and supplied (补充材料), an opinion signed off,
// a return objected to and coordinated (118号 (十四)), the decision period extended (交通 art 78). Pure, like
// case.updates.ts, which spreads these into `caseUpdates`; they never decide whether an event is allowed.
import type { CaseContext } from './case.context.js';
import type { CaseEvent } from './case.events.js';
import { measuresOf, proposedOutcomeOf, type DraftContent } from './draft.schema.js';
import { classifyDraft, mergeClassification } from './major-catalog.js';
import { sha256Canonical } from '../shared/canonical-hash.js';

type EventOf<T extends CaseEvent['type']> = Extract<CaseEvent, { type: T }>;
type Update = (context: CaseContext, event: CaseEvent) => Partial<CaseContext>;

/** The draft as the context keeps it: version, hash, the first measure's kind and the outcome it proposes. */
export function draftSummary(draft: DraftContent, version: number): CaseContext['draft'] {
  return {
    version,
    hash: sha256Canonical(draft),
    proposedKind: measuresOf(draft)[0]?.kind ?? 'no_penalty',
    proposedOutcome: proposedOutcomeOf(draft),
    // What a later notice is compared with: no draft after 告知 may be heavier (party.rules.ts).
    measures: measuresOf(draft),
  };
}

/** A supplement that carries a revised draft: the review continues on the new text, attested by the handler. */
function supplementDraft(context: CaseContext, event: EventOf<'materials.supplement'>): Partial<CaseContext> {
  const draft = event.draft;
  if (!draft) return { attestation: { draftHash: context.draft.hash, by: event.actor.id, at: event.at } };
  const summary = draftSummary(draft, context.draft.version + 1);
  if (summary.hash === context.draft.hash) return { attestation: { draftHash: context.draft.hash, by: event.actor.id, at: event.at } };
  return {
    draft: summary,
    major: mergeClassification(context.major, classifyDraft(draft, context.catalog, context.rights.hearingHeld)),
    attestation: { draftHash: summary.hash, by: event.actor.id, at: event.at },
    review: null,
    discussion: null,
  };
}

/** The review-law updates, named for their effect. */
export const reviewLawUpdates = {
  recordMaterialsRequest: (_context, event) => ({
    materials: {
      request: (event as EventOf<'review.requestMaterials'>).request,
      by: event.actor.id,
      requestedAt: event.at,
      suppliedAt: null,
    },
  }),
  recordSupplement: (context, event) => ({
    ...supplementDraft(context, event as EventOf<'materials.supplement'>),
    materials: context.materials ? { ...context.materials, suppliedAt: event.at } : null,
  }),
  recordSignOff: (context, event) => ({
    review: context.review ? { ...context.review, signedOff: { by: event.actor.id, at: event.at } } : null,
  }),
  // A head who does not sign the opinion off sends it back to its reviewer: it never took effect.
  recordSignOffRefusal: () => ({ review: null }),
  recordObjection: (_context, event) => ({
    dispute: { reason: (event as EventOf<'review.object'>).reason, by: event.actor.id, at: event.at, coordination: null },
  }),
  recordCoordination: (context, event) => ({
    dispute: context.dispute
      ? { ...context.dispute, coordination: { result: (event as EventOf<'review.coordinate'>).result, by: event.actor.id, at: event.at } }
      : null,
  }),
  recordExtension: (_context, event) => ({
    decisionExtension: { by: event.actor.id, at: event.at, reason: (event as EventOf<'decision.extend'>).reason },
  }),
} satisfies Record<string, Update>;
