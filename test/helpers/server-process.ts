// The real server in its own process, from its sources (`node --import tsx server/main.ts`, what `npm run dev`
// runs; `npm start` runs the same modules built, test/scripts/build-server.test.ts), on a database the test
// names (a libSQL file path or a PostgreSQL URL): for tests that kill it with SIGKILL and start it again on the
// same database, or run several servers on one PostgreSQL database.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });
}

export interface ServerProcess {
  child: ChildProcess;
  baseUrl: string;
  output(): string;
  /** SIGKILL: no shutdown work runs, as in a power loss of the process. */
  kill(): Promise<void>;
  /** SIGTERM and wait for exit. */
  stop(): Promise<void>;
}

/** How to start the server: its sources through tsx (the default), or a built entry such as `dist/server/main.js`. */
const fromSources = ['--import', 'tsx', 'server/main.ts'];

/**
 * Starts the server on `dbPath` (demo users seeded when empty); resolves once it says it is listening. `entry` is
 * node's arguments after its own (default: the sources through tsx).
 */
export async function startServerProcess(
  dbPath: string,
  env: Record<string, string> = {},
  entry: string[] = fromSources,
): Promise<ServerProcess> {
  const url = /^postgres(ql)?:\/\//.test(dbPath) ? dbPath : `file:${dbPath}`;
  const port = await freePort();
  const child = spawn(process.execPath, entry, {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: url,
      DEMO: 'true',
      NODE_ENV: 'development',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  await new Promise<void>((ready, fail) => {
    const onData = (d: Buffer) => {
      log += d.toString();
      if (log.includes('listening on')) ready();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => {
      log += d.toString();
    });
    child.once('exit', (code) => fail(new Error(`server exited with ${code} before listening:\n${log}`)));
  });
  return {
    child,
    baseUrl: `http://127.0.0.1:${port}`,
    output: () => log,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
