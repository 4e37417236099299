// Checks the record against its witness (checkpoints appended outside the database): every witnessed
// checkpoint must still be in the database's checkpoints table and (through the checkpoint checker) match the
// record; entries after the last witnessed checkpoint are unanchored. A restore marker rolls back what it says.
import type { Checkpoint } from './audit-checkpoint-sign.js';
import type { CheckpointIssue, CheckpointSet } from './audit-verify-checkpoints.js';

/** A witnessed checkpoint and its line in the witness file. */
export interface WitnessItem extends Checkpoint {
  line: number;
}

/** A note that the record was restored from a backup whose head was `head`. */
export interface WitnessRestoreItem {
  line: number;
  at: string;
  head: { id: number; hash: string } | null;
  from: string;
}

/** A parsed witness file. */
export interface WitnessSet {
  name: string;
  items: WitnessItem[];
  restores: WitnessRestoreItem[];
  /** Lines that are not witness lines (a torn append healed by the next one, or an edit): warnings. */
  problems: { line: number; detail: string }[];
  /** The last line was cut short (a crash while appending); it is ignored. */
  tornTail: boolean;
}

export type WitnessProblem = 'not_in_database' | 'unanchored';

export interface WitnessIssue {
  line: number | null;
  sequence: number | null;
  problem: WitnessProblem;
  detail: string;
}

/** What the witness says about the record. */
export interface AnchorReport {
  witness: string;
  /** Witnessed checkpoints checked (those rolled back by a restore are not). */
  checked: number;
  rolledBack: number;
  /** Record id of the last entry a valid witnessed checkpoint vouches for; null when none. */
  lastAnchored: number | null;
  /** Entries after `lastAnchored`: a rewrite of these is not detectable. */
  unanchored: number;
  issues: WitnessIssue[];
  warnings: string[];
}

/** Whether a later restore marker rolled `item` back (its sequence is past the restored head). */
function rolledBack(item: WitnessItem, restores: WitnessRestoreItem[]): boolean {
  return restores.some((r) => r.line > item.line && (r.head?.id ?? 0) < item.sequence);
}

/** The witnessed checkpoints still in force, as a set for the checkpoint checker (ref: the line number). */
export function witnessCheckpointSet(set: WitnessSet): CheckpointSet {
  const live = set.items.filter((i) => !rolledBack(i, set.restores));
  return { source: 'witness', items: live.map(({ line, ...c }) => ({ ...c, id: line })) };
}

const sameCheckpoint = (a: Checkpoint, b: Checkpoint) =>
  a.signature === b.signature && a.sequence === b.sequence && a.headHash === b.headHash;

/**
 * Finishes the witness check once the walk and the checkpoint checker are done: rows deleted from the
 * database, malformed lines, and the unanchored tail (an issue when `strict`, a warning otherwise).
 */
export function checkAnchor(
  set: WitnessSet,
  opts: { stored: Checkpoint[]; checkpointIssues: CheckpointIssue[]; headId: number; strict: boolean; pinned: boolean },
): AnchorReport {
  const issues: WitnessIssue[] = [];
  const lastRestore = Math.max(0, ...set.restores.map((r) => r.line));
  const live = set.items.filter((i) => !rolledBack(i, set.restores));
  const failed = new Set(opts.checkpointIssues.filter((i) => i.source === 'witness').map((i) => i.ref));
  for (const item of live) {
    // Rows signed before a restore may postdate the backup; the chain check above still covers them.
    if (item.line < lastRestore || opts.stored.some((s) => sameCheckpoint(s, item))) continue;
    issues.push({
      line: item.line,
      sequence: item.sequence,
      problem: 'not_in_database',
      detail: `the checkpoint of entry ${item.sequence} witnessed at line ${item.line} (${item.at}) is no longer in the database's checkpoints table: it was deleted`,
    });
  }
  const anchored = live.filter((i) => !failed.has(i.line)).map((i) => i.sequence);
  const lastAnchored = anchored.length > 0 ? Math.max(...anchored) : null;
  const unanchored = Math.max(0, opts.headId - (lastAnchored ?? 0));
  const warnings = restoreWarnings(set);
  if (set.tornTail) warnings.push(`the last line of ${set.name} is incomplete (a crash while appending) and was ignored`);
  // A torn line a crash left mid-file reads the same as an edit; neither hides anything the lines around it vouch for.
  for (const p of set.problems) warnings.push(`${p.detail} (a torn append or an edit): ignored`);
  if (!opts.pinned) warnings.push('no public key is pinned: witnessed checkpoints were trusted with the key each one carries');
  if (unanchored > 0) {
    const detail = `${unanchored} entries after entry ${lastAnchored ?? 0} are unanchored: no witnessed checkpoint vouches for them yet`;
    if (opts.strict) issues.push({ line: null, sequence: lastAnchored, problem: 'unanchored', detail });
    else warnings.push(detail);
  }
  return {
    witness: set.name,
    checked: live.length,
    rolledBack: set.items.length - live.length,
    lastAnchored,
    unanchored,
    issues,
    warnings,
  };
}

function restoreWarnings(set: WitnessSet): string[] {
  return set.restores.map((r) => {
    const lost = set.items.filter((i) => i.line < r.line && i.sequence > (r.head?.id ?? 0)).length;
    return `the record was restored from ${r.from} at ${r.at} (head entry ${r.head?.id ?? 0}); ${lost} witnessed checkpoints past it were rolled back`;
  });
}
