// Check 3 of the proof for 行政强制执行: the decisions_require_approved_review trigger holds for this kind too. Below
// the machine and the service, the database refuses a decision row on a major execution case unless the latest
// review of that very draft hash approved it, and lets a minor one through without review (../kind-db-trigger.ts).
import { executionDraft, minorDraft } from '../../server/execution/execution-fixtures.js';
import { describeDecisionTrigger } from '../kind-db-trigger.js';

describeDecisionTrigger({
  kind: 'execution',
  label: '行政强制执行',
  path: 'execution-cases',
  outcome: 'execution_enforce',
  draft: (_t, major) => (major ? executionDraft() : minorDraft()),
});
