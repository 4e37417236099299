// `tsx scripts/merge-bench-phase.ts base.json phase.json growth out.json "note"`: a saved full run with one phase
// taken from a later run of that phase alone (`npm run bench -- --phases growth --no-docs`), the targets judged
// again, and a note saying so; `npm run bench -- --render out.json` then writes the docs from it.
import { readFileSync, writeFileSync } from 'node:fs';
import { checkTargets, type BenchResults } from '../bench/results.js';

const [basePath, phasePath, phase, outPath, note] = process.argv.slice(2);
if (!basePath || !phasePath || !phase || !outPath || !note) throw new Error('usage: base.json phase.json <phase> out.json "note"');
const base = JSON.parse(readFileSync(basePath, 'utf8')) as BenchResults;
const later = JSON.parse(readFileSync(phasePath, 'utf8')) as Record<string, unknown>;
if (!(phase in later) || !(phase in base)) throw new Error(`no phase ${phase} in both files`);
const merged = { ...base, [phase]: later[phase], note } as BenchResults;
merged.targets = checkTargets(merged);
writeFileSync(outPath, `${JSON.stringify(merged, null, 2)}\n`);
