// Check 3 of the proof for 行政许可 (撤销 / 撤回): the decisions_require_approved_review trigger holds for every kind. Below
// the machine and the service, the database refuses a decision row on a major licence case unless the latest
// review of that very draft hash approved it, and lets a minor one through without review (../kind-db-trigger.ts).
import { licenceDraft } from '../../server/licence/licence-fixtures.js';
import { describeDecisionTrigger } from '../kind-db-trigger.js';

describeDecisionTrigger({
  kind: 'licence',
  label: 'licence',
  path: 'licence-cases',
  outcome: 'licence_revoke',
  draft: (_t, major) => licenceDraft({}, major),
});
