// Starts the real server as `npm start` runs it (built by scripts/build-server.mjs, then dist/server/main.js) in a
// child process on a free port and a fresh database file, and reads its peak resident memory from /proc.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Peak resident set size (VmHWM) of `pid` in MiB, or null off Linux. */
export function peakRssMiB(pid: number): number | null {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : null;
  } catch {
    return null;
  }
}

/** The node flags `npm start` passes (package.json `start`; docs/deployment.md). */
export const startNodeFlags = ['--max-semi-space-size=32'];

/** A running server child. */
export interface ServerChild {
  pid: number;
  port: number;
  baseUrl: string;
  stop(): Promise<void>;
  output(): string;
}

async function waitHealthy(baseUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server at ${baseUrl} not healthy within ${timeoutMs} ms`);
}

/**
 * Builds `repoRoot`'s server and spawns `node dist/server/main.js` there, as `npm start` does (minus the npm
 * wrapper process, so the pid is the server's own), with demo users on `databaseUrl`; `nodeArgs` go to node first
 * (e.g. `--cpu-prof` to profile the server).
 */
export async function startServer(repoRoot: string, databaseUrl: string, nodeArgs: string[] = []): Promise<ServerChild> {
  const port = await freePort();
  execFileSync(process.execPath, ['scripts/build-server.mjs'], { cwd: repoRoot, stdio: 'ignore' });
  const child = spawn(process.execPath, [...startNodeFlags, ...nodeArgs, 'dist/server/main.js'], {
    cwd: repoRoot,
    // MALLOC_ARENA_MAX as `npm start` sets it (docs/deployment.md).
    env: {
      MALLOC_ARENA_MAX: '2',
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      DEMO: 'true',
      NODE_ENV: 'development',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (d: Buffer) => {
    log += d.toString();
  });
  child.stderr!.on('data', (d: Buffer) => {
    log += d.toString();
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitHealthy(baseUrl, child, 60_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${log}`);
  }
  return {
    pid: child.pid!,
    port,
    baseUrl,
    output: () => log,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
