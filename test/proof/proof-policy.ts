// The policy the proof runs under: the bundled one without the audio-visual record table. The proof drives
// the machine directly as its oracle, with events the server did not stamp; the 音像记录 rule is proved on
// its own (test/machines/case/av-record.rules.test.ts, test/server/evidence/evidence-draft.test.ts).
import { loadPolicy } from '../../server/policy/load-policy.js';
import type { Policy } from '../../server/policy/policy.schema.js';

/** The default policy with `evidence.avRecords` empty. */
export function proofPolicy(): Policy {
  const policy = loadPolicy();
  return { ...policy, evidence: { ...policy.evidence, avRecords: [] } };
}
