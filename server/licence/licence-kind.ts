// 行政许可 (撤销 / 撤回) as a major-decision kind: its machine kind and the rule functions and probes the shared
// stream, write and service ask (server/kinds/). Invariant: no rule here of its own; each is the machine's.
import type { LicenceSnapshot } from '../../machines/licence/licence.machine.js';
import type { LicenceDraft } from '../../machines/licence/licence.draft.js';
import type { LicenceEvent } from '../../machines/licence/licence.events.js';
import { licenceKind } from '../../machines/licence/licence.versions.js';
import { licenceActingRole, refuseLicenceActor, refuseLicenceContent, refuseLicenceOpening } from '../../machines/licence/licence.rules.js';
import { refuseLicenceDraft } from '../../machines/licence/licence.draft-rules.js';
import type { KindSpec } from '../kinds/kind-spec.js';
import { licenceProbe } from './licence-probes.js';
import { licenceAllowedEvents } from './licence-view.js';

/** The 行政许可 撤销 / 撤回 kind. */
export const licenceSpec: KindSpec<LicenceSnapshot, LicenceDraft, LicenceEvent> = {
  kind: licenceKind,
  label: '行政许可',
  probe: licenceProbe,
  allowedEvents: licenceAllowedEvents,
  refuseActor: refuseLicenceActor,
  refuseContent: refuseLicenceContent,
  actingRole: licenceActingRole,
  refuseOpening: refuseLicenceOpening,
  refuseDraft: (draft) => refuseLicenceDraft(draft, null),
};
