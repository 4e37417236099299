// 查封、扣押 as a major-decision kind: its machine kind and the rule functions and probes the shared stream,
// write and service ask (server/kinds/). Invariant: no rule here of its own; each is the machine's.
import type { CoercionSnapshot } from '../../machines/coercion/coercion.machine.js';
import type { CoercionDraft } from '../../machines/coercion/coercion.draft.js';
import type { CoercionEvent } from '../../machines/coercion/coercion.events.js';
import { coercionKind } from '../../machines/coercion/coercion.versions.js';
import {
  coercionActingRole,
  refuseCoercionActor,
  refuseCoercionContent,
  refuseCoercionDraft,
  refuseCoercionOpening,
} from '../../machines/coercion/coercion.rules.js';
import type { KindSpec } from '../kinds/kind-spec.js';
import { coercionProbe } from './coercion-probes.js';
import { coercionAllowedEvents } from './coercion-view.js';

/** The 查封扣押 kind; its `decisions` row records the measure decided (`coercion_seizure`, …). */
export const coercionSpec: KindSpec<CoercionSnapshot, CoercionDraft, CoercionEvent> = {
  kind: coercionKind,
  label: '查封扣押',
  probe: coercionProbe,
  allowedEvents: coercionAllowedEvents,
  refuseActor: refuseCoercionActor,
  refuseContent: refuseCoercionContent,
  actingRole: coercionActingRole,
  refuseOpening: refuseCoercionOpening,
  refuseDraft: refuseCoercionDraft,
  decisionOutcome: (c) => `coercion_${c.draft.measure}`,
};
