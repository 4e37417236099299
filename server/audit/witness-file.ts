// The witness file's format: one JSON object per line, either a checkpoint as signed or a restore marker
// (the record was rolled back to a backup). Reading tolerates a torn last line, which a crash can leave.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Checkpoint } from '../../db/audit/audit-checkpoint-sign.js';
import type { WitnessSet } from '../../db/audit/audit-verify-witness.js';

const CheckpointLineSchema = z.object({
  kind: z.literal('legal-review/checkpoint'),
  version: z.literal(1),
  checkpointId: z.number().int().optional(),
  sequence: z.number().int().positive(),
  headHash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.string(),
  signature: z.string(),
  publicKey: z.string(),
  keySource: z.string().optional(),
});

const RestoreLineSchema = z.object({
  kind: z.literal('legal-review/restore'),
  version: z.literal(1),
  at: z.string(),
  head: z.object({ id: z.number().int().nonnegative(), hash: z.string() }).nullable(),
  from: z.string(),
});
export type WitnessRestore = Omit<z.infer<typeof RestoreLineSchema>, 'kind' | 'version'>;

const LineSchema = z.discriminatedUnion('kind', [CheckpointLineSchema, RestoreLineSchema]);

/** The line that witnesses `c`: the signed fields, with the database row's id for people to cross-reference. */
export function witnessCheckpointLine(c: Checkpoint): string {
  return JSON.stringify({
    kind: 'legal-review/checkpoint',
    version: 1,
    checkpointId: c.id,
    sequence: c.sequence,
    headHash: c.headHash,
    at: c.at,
    signature: c.signature,
    publicKey: c.publicKey,
    keySource: c.keySource,
  });
}

/** The line that marks a restore. */
export function witnessRestoreLine(r: WitnessRestore): string {
  return JSON.stringify({ kind: 'legal-review/restore', version: 1, ...r });
}

/** Parses a witness file's text into the set the verifier checks. */
export function parseWitness(text: string, name: string): WitnessSet {
  const set: WitnessSet = { name, items: [], restores: [], problems: [], tornTail: false };
  const lines = text.split('\n');
  const complete = text.endsWith('\n') || text === '';
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    let parsed: ReturnType<typeof LineSchema.safeParse> | null = null;
    try {
      parsed = LineSchema.safeParse(JSON.parse(raw));
    } catch {
      parsed = null;
    }
    if (parsed?.success && parsed.data.kind === 'legal-review/checkpoint') {
      const { kind: _k, version: _v, checkpointId, ...c } = parsed.data;
      set.items.push({ ...(c as Checkpoint), id: checkpointId, line });
    } else if (parsed?.success && parsed.data.kind === 'legal-review/restore') {
      set.restores.push({ line, at: parsed.data.at, head: parsed.data.head, from: parsed.data.from });
    } else if (index === lines.length - 1 && !complete) {
      set.tornTail = true;
    } else {
      set.problems.push({ line, detail: `line ${line} of ${name} is not a witness line` });
    }
  });
  return set;
}

/** Reads and parses the witness file at `path`; throws when it cannot be read. */
export function readWitnessFile(path: string): WitnessSet {
  return parseWitness(readFileSync(path, 'utf8'), path);
}
