// Checks signed checkpoints against the record: a valid signature, a trusted key (when keys are pinned),
// and that the entry at each checkpoint's sequence still carries the signed head hash (a rewritten chain does not).
import { isSignatureValid, type Checkpoint } from './audit-checkpoint-sign.js';

/** Where a checkpoint came from: the database's own table, or an exported file kept elsewhere. */
export interface CheckpointSet {
  source: 'database' | 'file' | 'witness';
  items: Checkpoint[];
}

export type CheckpointProblem = 'bad_signature' | 'untrusted_key' | 'head_mismatch' | 'entry_missing' | 'beyond_head';

export interface CheckpointIssue {
  source: CheckpointSet['source'];
  /** Checkpoint id (database) or position in the file (1-based). */
  ref: number;
  sequence: number;
  problem: CheckpointProblem;
  detail: string;
}

interface Pending {
  source: CheckpointSet['source'];
  ref: number;
  checkpoint: Checkpoint;
}

/** Checks signatures now; `sequences` says which entries' hashes the walk must collect for `finish`. */
export function createCheckpointChecker(sets: CheckpointSet[], trustedKeys?: string[]) {
  const issues: CheckpointIssue[] = [];
  const valid: Pending[] = [];
  const keys = new Set<string>();
  let count = 0;
  const raise = (p: Pending, problem: CheckpointProblem, detail: string) =>
    issues.push({ source: p.source, ref: p.ref, sequence: p.checkpoint.sequence, problem, detail });

  for (const set of sets) {
    set.items.forEach((checkpoint, index) => {
      const p = { source: set.source, ref: checkpoint.id ?? index + 1, checkpoint };
      const where = `checkpoint at entry ${checkpoint.sequence} (${set.source} #${p.ref})`;
      count += 1;
      keys.add(checkpoint.publicKey);
      if (!isSignatureValid(checkpoint)) raise(p, 'bad_signature', `${where} has an invalid signature`);
      else if (trustedKeys && !trustedKeys.includes(checkpoint.publicKey))
        raise(p, 'untrusted_key', `${where} is signed by a key that is not trusted`);
      else valid.push(p);
    });
  }

  return {
    /** Record ids whose stored hashes `finish` needs. */
    sequences: (): Set<number> => new Set(valid.map((p) => p.checkpoint.sequence)),
    /** Compares each validly signed checkpoint with the hash found at its sequence. */
    finish(hashAt: Map<number, string>, lastId: number): CheckpointIssue[] {
      for (const p of valid) {
        const { sequence, headHash } = p.checkpoint;
        const found = hashAt.get(sequence);
        if (sequence > lastId) {
          raise(
            p,
            'beyond_head',
            `the record ends at entry ${lastId} but a checkpoint signed entry ${sequence}: entries were removed from the end`,
          );
        } else if (found === undefined) {
          raise(p, 'entry_missing', `entry ${sequence}, signed in a checkpoint, is missing from the record`);
        } else if (found !== headHash) {
          raise(
            p,
            'head_mismatch',
            `entry ${sequence} has hash ${found.slice(0, 12)}… but the checkpoint signed ${headHash.slice(0, 12)}…: the record up to it was rewritten`,
          );
        }
      }
      return issues;
    },
    count: () => count,
    keys: () => [...keys],
  };
}
