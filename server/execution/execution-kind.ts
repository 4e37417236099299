// 行政强制执行 as a major-decision kind: its machine kind and the rule functions and probes the shared stream,
// write and service ask (server/kinds/). Invariant: no rule here of its own; each is the machine's.
import { executionContentGuards, type ExecutionSnapshot } from '../../machines/execution/execution.machine.js';
import type { ExecutionDraft } from '../../machines/execution/execution.draft.js';
import type { ExecutionEvent } from '../../machines/execution/execution.events.js';
import { executionKind } from '../../machines/execution/execution.versions.js';
import { executionActingRole, refuseExecutionActor, refuseExecutionOpening } from '../../machines/execution/execution.rules.js';
import { refuseExecutionContent, refuseExecutionDraft } from '../../machines/execution/execution.content.js';
import type { KindSpec } from '../kinds/kind-spec.js';
import { executionProbe } from './execution-probes.js';
import { executionAllowedEvents } from './execution-view.js';

/** The 行政强制执行 kind; whether its state allows an event is asked of the machine with content guards passing. */
export const executionSpec: KindSpec<ExecutionSnapshot, ExecutionDraft, ExecutionEvent> = {
  kind: executionKind,
  label: '行政强制执行',
  probe: executionProbe,
  contentGuards: executionContentGuards,
  allowedEvents: executionAllowedEvents,
  refuseActor: refuseExecutionActor,
  refuseContent: refuseExecutionContent,
  actingRole: executionActingRole,
  refuseOpening: refuseExecutionOpening,
  refuseDraft: (draft) => refuseExecutionDraft(draft),
};
