// Reads a V8 .cpuprofile and ranks functions by self time and by inclusive time (idle excluded), so
// the benchmark report can name concrete hot spots. Pure over the parsed profile; a CLI wraps it.
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
/** The parts of a V8 CPU profile this module reads. */
export interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

/** One hot spot: a function and its share of busy (non-idle) sampled CPU time. */
export interface HotSpot {
  name: string;
  ms: number;
  share: number;
}

function shortUrl(url: string): string {
  const i = url.lastIndexOf('/node_modules/');
  if (i >= 0) return url.slice(i + '/node_modules/'.length);
  const own = /\/((?:bench|db|server|machines)\/.*)$/.exec(url);
  return own ? own[1]! : url || '(native)';
}

function frameName(node: ProfileNode): string {
  return `${node.callFrame.functionName || '(anonymous)'} ${shortUrl(node.callFrame.url)}`;
}

function rank(m: Map<string, number>, busy: number, top: number): HotSpot[] {
  return [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, us]) => ({ name, ms: Math.round(us / 1000), share: Math.round((us / busy) * 1000) / 10 }));
}

/** Self and inclusive time per function, highest first; `inclusive` lists only the engine's own code and its libraries. */
export function hotSpots(profile: CpuProfile, top = 15): { self: HotSpot[]; inclusive: HotSpot[]; busyMs: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map<number, number>();
  (profile.samples ?? []).forEach((id, i) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas?.[i] ?? 0));
  });
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let busy = 0;
  for (const [id, us] of selfUs) {
    const name = frameName(byId.get(id)!);
    // Idle time, and module loading at start-up, are not the engine's work.
    if (name.startsWith('(idle)') || / node:internal\/modules\//.test(name)) continue;
    busy += us;
    self.set(name, (self.get(name) ?? 0) + us);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const frame = frameName(byId.get(cur)!);
      if (!seen.has(frame) && /^\S+ (db|server|machines)\/|xstate|libsql|hono|zod/.test(frame))
        inclusive.set(frame, (inclusive.get(frame) ?? 0) + us);
      seen.add(frame);
    }
  }
  return { self: rank(self, busy, top), inclusive: rank(inclusive, busy, top), busyMs: Math.round(busy / 1000) };
}

/** Loads and summarises a .cpuprofile file. */
export function summarizeProfileFile(path: string, top = 15) {
  return hotSpots(JSON.parse(readFileSync(path, 'utf8')) as CpuProfile, top);
}

if (process.argv[1]?.endsWith('profile-summary.ts')) {
  console.log(JSON.stringify(summarizeProfileFile(process.argv[2]!, Number(process.argv[3] ?? 25)), null, 1));
}
