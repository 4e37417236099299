// Appends checkpoints to the witness outside the database: a JSON-lines file (append, then fsync, so an
// acknowledged line survives a crash) or an HTTP endpoint (one POST per checkpoint, 2xx required).
import { mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Checkpoint } from '../../db/audit/audit-checkpoint-sign.js';
import { witnessCheckpointLine, witnessRestoreLine, type WitnessRestore } from './witness-file.js';
import type { WitnessTarget } from './witness-location.js';

/** Somewhere checkpoints are kept beyond the reach of whoever can write the database. */
export interface Witness {
  target: WitnessTarget;
  /** Resolves once the checkpoint is durably witnessed (fsynced, or acknowledged with 2xx); rejects otherwise. */
  append(checkpoint: Checkpoint): Promise<void>;
}

/** How long an HTTP witness may take to acknowledge one checkpoint. */
const httpTimeoutMs = 10_000;

/** Appends `line` to `path` and fsyncs it; creates the folder and file (and fsyncs the folder) on first use. */
export async function appendDurably(path: string, line: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const file = await open(path, 'a+', 0o640);
  try {
    const size = (await file.stat()).size;
    // A crash may have left a torn last line; start on a fresh line so this one stays readable.
    const torn = size > 0 && (await file.read(Buffer.alloc(1), 0, 1, size - 1)).buffer[0] !== 0x0a;
    await file.appendFile(`${torn ? '\n' : ''}${line}\n`);
    await file.sync();
    if (size === 0) {
      // A new file's directory entry is only durable once its folder is synced too.
      const folder = await open(dirname(path), 'r');
      await folder.sync().finally(() => folder.close());
    }
  } finally {
    await file.close();
  }
}

async function post(url: string, body: string): Promise<void> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body,
    signal: AbortSignal.timeout(httpTimeoutMs),
  });
  await res.body?.cancel();
  if (!res.ok) throw new Error(`witness ${new URL(url).origin} answered ${res.status}`);
}

/** The witness for `target`; with kind `none`, appends succeed and keep nothing. */
export function createWitness(target: WitnessTarget): Witness {
  return {
    target,
    async append(checkpoint) {
      const line = witnessCheckpointLine(checkpoint);
      if (target.kind === 'file') await appendDurably(target.path, line);
      else if (target.kind === 'http') await post(target.url, line);
    },
  };
}

/** Notes on a witness file that the record was restored from a backup, so checkpoints past its head read as rolled back. */
export async function appendRestoreMarker(path: string, marker: WitnessRestore): Promise<void> {
  await appendDurably(path, witnessRestoreLine(marker));
}
