// `npm run bench [-- --quick | --phases http,growth | --growth-sizes 10000,100000 | --no-docs | --render saved.json]`:
// runs every phase in turn, prints one JSON document to stdout (progress to stderr), writes docs/benchmarks.md/.svg.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, type BenchConfig } from './config.js';
import { machineInfo, sampleBusyCores } from './machine.js';
import { benchDraft, lifecycleSteps, transitionsPerCase } from './lifecycle.js';
import { runHttp } from './http/http-bench.js';
import { openInProcess, runInProcess, serviceDriver } from './inprocess-bench.js';
import { runLifecycle } from './drive.js';
import { captureTemplate } from './growth/template.js';
import { runStorageLimit } from './storage-limit.js';
import { runPeer } from './peer-bench.js';
import { runPostgres } from './postgres/pg-bench.js';
import { runGrowth } from './growth/growth-bench.js';
import { runProfile } from './profile-run.js';
import { checkTargets, type BenchResults, type InProcessLevel, type Phase } from './results.js';
import { ratePerSecond, summarizeLatency } from './stats.js';
import { renderMarkdown } from './report/markdown.js';
import { renderBenchChart } from './report/bench-chart.js';
import { measuresOf } from '../machines/case/draft.schema.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

async function phase<T>(config: BenchConfig, name: string, run: () => Promise<T> | T): Promise<Phase<T>> {
  if (!config.phases.has(name)) return null;
  const t0 = performance.now();
  log(`${name}: start`);
  try {
    const out = await run();
    log(`${name}: done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return out;
  } catch (error) {
    log(`${name}: FAILED ${(error as Error).stack ?? String(error)}`);
    return { error: (error as Error).message };
  }
}

/** A real closed lifecycle's rows, captured once for the storage limit. */
async function lifecycleTemplate() {
  const stack = await openInProcess('template');
  try {
    const id = await runLifecycle(serviceDriver(stack.services, stack.users), 0);
    return await captureTemplate(stack.services.database.client, id);
  } finally {
    await stack.close();
  }
}

async function inProcessLevels(config: BenchConfig): Promise<{ levels: InProcessLevel[] }> {
  const runs = await runInProcess(config.levels, config.warmupCases);
  return {
    levels: runs.map((r) => ({
      clients: r.clients,
      cases: r.cases,
      transitions: r.transitions,
      seconds: Math.round(r.ms) / 1000,
      transitionsPerSecond: ratePerSecond(r.transitions, r.ms),
      latencyMs: summarizeLatency(r.latencies),
      foreignCores: r.foreignCores,
      transitionsPerCpuSecond: r.cpuSeconds > 0 ? Math.round(r.transitions / r.cpuSeconds) : 0,
    })),
  };
}

function writeDocs(results: BenchResults, argv: string[]): void {
  mkdirSync(resolve(repoRoot, 'docs'), { recursive: true });
  writeFileSync(resolve(repoRoot, 'docs/benchmarks.svg'), renderBenchChart(results));
  writeFileSync(resolve(repoRoot, 'docs/benchmarks.md'), renderMarkdown(results, argv));
  log('wrote docs/benchmarks.md and docs/benchmarks.svg');
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const from = argv.indexOf('--render');
  // `--render results.json` rewrites the docs from a saved run without measuring again.
  if (from >= 0) return writeDocs(JSON.parse(readFileSync(argv[from + 1]!, 'utf8')) as BenchResults, argv.slice(0, from));
  const config = parseArgs(argv);
  const started = performance.now();
  const busyCoresBefore = await sampleBusyCores();
  const machine = { ...machineInfo(), busyCoresBefore, quiet: busyCoresBefore !== null && busyCoresBefore < 0.15 };
  log(`${config.mode} run on ${machine.cpuModel}, ${machine.cores} cores; busy cores before start: ${busyCoresBefore}`);
  const partial = {
    mode: config.mode,
    machine,
    lifecycle: {
      transitionsPerCase,
      events: ['case.open', ...lifecycleSteps.map((s) => s.command({ draftHash: '', reviewerId: '' }).type)],
      draft: `${measuresOf(benchDraft(0))
        .map((m) => `${m.kind} ${m.amountYuan ?? ''}`)
        .join(', ')} yuan to an organisation, publicInterest (major, no collective discussion)`,
    },
    http: await phase(config, 'http', () => runHttp({ repoRoot, levels: config.levels, warmupCases: config.warmupCases, log })),
    inProcess: await phase(config, 'inprocess', () => inProcessLevels(config)),
    storageLimit: await phase(config, 'storage', async () =>
      runStorageLimit(await lifecycleTemplate(), config.storageTransitions, config.storageBatchSizes),
    ),
    postgres: await phase(config, 'postgres', async () =>
      runPostgres({
        repoRoot,
        adminUrl: process.env.BENCH_POSTGRES_URL || undefined,
        level: config.postgres,
        template: await lifecycleTemplate(),
        limitTransitions: config.postgres.limitTransitions,
        batchSizes: config.storageBatchSizes,
        log,
      }),
    ),
    peer: await phase(config, 'peer', () => runPeer(repoRoot, config.peerInstances, config.mode === 'quick', log)),
    growth: await phase(config, 'growth', () =>
      runGrowth({ repoRoot, sizes: config.growthSizes, queueCases: config.growthQueueCases, runs: config.readRuns, log }),
    ),
    profile: await phase(config, 'profile', () => runProfile(repoRoot, config.profileCases)),
  };
  const results: BenchResults = {
    ...partial,
    targets: checkTargets(partial),
    durationSeconds: Math.round((performance.now() - started) / 1000),
  };
  if (config.writeDocs) writeDocs(results, argv);
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
}

await main();
