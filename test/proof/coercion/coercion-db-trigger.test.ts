// Check 3 of the proof for 查封、扣押: the decisions_require_approved_review trigger holds for every kind. Below
// the machine and the service, the database refuses a decision row on a major coercion case unless the latest
// review of that very draft hash approved it, and lets a minor one through without review (../kind-db-trigger.ts).
import { coercionDraft } from '../../server/coercion/coercion-fixtures.js';
import { describeDecisionTrigger } from '../kind-db-trigger.js';

describeDecisionTrigger({
  kind: 'coercion',
  label: '查封扣押',
  path: 'coercion-cases',
  outcome: 'coercion_seize',
  draft: (t, major) => coercionDraft(t, {}, major ? 150_000 : 2_000),
});
