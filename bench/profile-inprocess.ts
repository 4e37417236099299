// Runs the in-process lifecycles alone so `node --cpu-prof --import tsx bench/profile-inprocess.ts`
// profiles the engine without HTTP or the other phases. Usage: add `--cases N --clients C`.
import { runInProcess } from './inprocess-bench.js';
import { ratePerSecond } from './stats.js';

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
};
const [result] = await runInProcess([{ clients: arg('clients', 64), cases: arg('cases', 1000) }], 50);
console.log(
  JSON.stringify({ clients: result!.clients, transitions: result!.transitions, perSecond: ratePerSecond(result!.transitions, result!.ms) }),
);
