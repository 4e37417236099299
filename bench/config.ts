// Run sizes for `npm run bench` (full: about 22–25 minutes on a quiet 2-core machine, most of it building and
// verifying the 1M-case database, which needs about 25 GB of free disk) and `-- --quick` (about 1 minute).

/** Everything a run needs to know about its size. */
export interface BenchConfig {
  mode: 'quick' | 'full';
  levels: { clients: number; cases: number }[];
  warmupCases: number;
  storageTransitions: number;
  storageBatchSizes: number[];
  peerInstances: number;
  growthSizes: number[];
  growthQueueCases: number;
  readRuns: number;
  profileCases: number;
  /** The PostgreSQL phase's HTTP level (also run on libSQL for comparison) and its commit-limit run. */
  postgres: { clients: number; cases: number; warmup: number; limitTransitions: number };
  phases: Set<string>;
  writeDocs: boolean;
}

export const allPhases = ['http', 'inprocess', 'storage', 'postgres', 'peer', 'growth', 'profile'] as const;

/** Parses `--quick`, `--phases a,b`, `--growth-sizes 10000,100000` and `--no-docs`. */
export function parseArgs(argv: string[]): BenchConfig {
  const config = sizesFor(argv);
  const g = argv.indexOf('--growth-sizes');
  if (g >= 0)
    config.growthSizes = argv[g + 1]!.split(',')
      .map(Number)
      .sort((a, b) => a - b);
  return config;
}

function sizesFor(argv: string[]): BenchConfig {
  const quick = argv.includes('--quick');
  const i = argv.indexOf('--phases');
  const phases = new Set(i >= 0 ? argv[i + 1]!.split(',') : allPhases);
  for (const p of phases)
    if (!(allPhases as readonly string[]).includes(p)) throw new Error(`unknown phase ${p}; phases: ${allPhases.join(', ')}`);
  const common = { phases, writeDocs: !argv.includes('--no-docs'), storageBatchSizes: [1, 16, 64, 256] };
  return quick
    ? {
        ...common,
        mode: 'quick',
        levels: [
          { clients: 1, cases: 40 },
          { clients: 16, cases: 200 },
          { clients: 64, cases: 500 },
        ],
        warmupCases: 30,
        storageTransitions: 4000,
        peerInstances: 100,
        growthSizes: [10_000],
        growthQueueCases: 40,
        readRuns: 15,
        profileCases: 600,
        postgres: { clients: 32, cases: 200, warmup: 20, limitTransitions: 4000 },
      }
    : {
        ...common,
        mode: 'full',
        levels: [
          { clients: 1, cases: 100 },
          { clients: 16, cases: 800 },
          { clients: 64, cases: 2000 },
        ],
        warmupCases: 100,
        storageTransitions: 20_000,
        peerInstances: 500,
        growthSizes: [10_000, 100_000, 1_000_000],
        growthQueueCases: 200,
        readRuns: 30,
        profileCases: 1500,
        postgres: { clients: 64, cases: 800, warmup: 60, limitTransitions: 20_000 },
      };
}
