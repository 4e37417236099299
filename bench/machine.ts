// What machine the benchmark ran on (CPU, cores, RAM, Node, disk) and how busy it was: CPU used by
// other processes during each phase, so a figure taken on a contended machine says so.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { cpus, totalmem, tmpdir } from 'node:os';

/** The machine as the report names it. */
export interface MachineInfo {
  cpuModel: string;
  cores: number;
  ramGiB: number;
  node: string;
  disk: string;
  date: string;
}

function diskOf(path: string): string {
  try {
    const dev = execFileSync('df', ['--output=source,fstype,size', path], { encoding: 'utf8' }).trim().split('\n')[1]!.trim().split(/\s+/);
    const name = dev[0]!.replace(/^\/dev\//, '').replace(/[0-9]+$/, '');
    let rotational = '?';
    try {
      rotational = readFileSync(`/sys/block/${name}/queue/rotational`, 'utf8').trim() === '1' ? 'rotational flag set' : 'non-rotational';
    } catch {
      /* not a block device */
    }
    return `${dev[0]} (${dev[1]}, ${dev[2]} 1K-blocks, ${rotational}; virtual disk)`;
  } catch {
    return 'unknown';
  }
}

/** Reads /proc/cpuinfo, os and df for the machine description. */
export function machineInfo(): MachineInfo {
  let cpuModel = cpus()[0]?.model ?? 'unknown';
  try {
    cpuModel = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpuModel;
  } catch {
    /* not Linux */
  }
  return {
    cpuModel,
    cores: cpus().length,
    ramGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    disk: diskOf(tmpdir()),
    date: new Date().toISOString(),
  };
}

function busyJiffies(): number | null {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    return f.reduce((a, b) => a + b, 0) - f[3]! - (f[4] ?? 0);
  } catch {
    return null;
  }
}

function processJiffies(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

/** CPU seconds (user + system) used so far by process `pid`; 0 when unreadable. */
export function processCpuSeconds(pid: number): number {
  return processJiffies(pid) / 100;
}

/** Measures CPU used by processes other than `pids` (this process is always counted as own) over a phase. */
export function startLoadMonitor(extraPids: () => number[] = () => []) {
  const clockTicks = 100;
  const t0 = performance.now();
  const busy0 = busyJiffies();
  const own0 = process.cpuUsage();
  const pids0 = new Map(extraPids().map((p) => [p, processJiffies(p)]));
  return {
    /** Cores' worth of CPU used by other processes on average, and by this phase's own processes. */
    stop(): { foreignCores: number | null; ownCores: number } {
      const seconds = (performance.now() - t0) / 1000;
      const own = process.cpuUsage(own0);
      let ownSeconds = (own.user + own.system) / 1e6;
      for (const p of extraPids()) ownSeconds += (processJiffies(p) - (pids0.get(p) ?? 0)) / clockTicks;
      const busy1 = busyJiffies();
      const foreign = busy0 === null || busy1 === null ? null : Math.max(0, (busy1 - busy0) / clockTicks - ownSeconds) / seconds;
      return {
        foreignCores: foreign === null ? null : Math.round(foreign * 100) / 100,
        ownCores: Math.round((ownSeconds / seconds) * 100) / 100,
      };
    },
  };
}

/** Busy cores over a short window before the run (0 = idle machine). */
export async function sampleBusyCores(ms = 1000): Promise<number | null> {
  const a = busyJiffies();
  await new Promise((r) => setTimeout(r, ms));
  const b = busyJiffies();
  return a === null || b === null ? null : Math.round(((b - a) / 100 / (ms / 1000)) * 100) / 100;
}
