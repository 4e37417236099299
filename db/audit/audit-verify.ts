// Re-computes the record's hash chain from the stored rows, in id order and in pages, and checks signed
// checkpoints and stream heads against it. Read-only: it never writes, so it can run on a suspect file.
import type { SqlClient } from '../core/sql.js';
import { genesisHash } from '../core/record-hash.js';
import type { Checkpoint } from './audit-checkpoint-sign.js';
import { createCheckpointChecker, type CheckpointIssue, type CheckpointSet } from './audit-verify-checkpoints.js';
import { findStreamIssues, type StreamIssue } from './audit-verify-streams.js';
import { clientRecordSource, type RecordSource } from './audit-record-source.js';
import { linkIssue, type LinkIssue, type PageResult } from './audit-verify-page.js';
import { inlinePages, workerPages } from './audit-verify-pages.js';
import { checkAnchor, witnessCheckpointSet, type AnchorReport, type WitnessSet } from './audit-verify-witness.js';

/** What is wrong with an entry: content changed, link to its predecessor changed, entries missing, or moved. */
export type ChainProblem = 'hash_mismatch' | 'prev_mismatch' | 'gap' | 'reorder';

/** One broken entry, named so a person can find it. */
export interface ChainIssue {
  id: number;
  caseId: string;
  type: string;
  problem: ChainProblem;
  detail: string;
}

export interface VerifyOptions {
  /** Rows per page (default 5000). */
  pageSize?: number;
  /** Checkpoint sets to check besides the database's own table. */
  checkpoints?: CheckpointSet[];
  /** Base64 SPKI keys to trust; when given (non-empty), a checkpoint signed by any other key is an issue. */
  trustedKeys?: string[];
  /** The witness kept outside the database: its checkpoints must all still hold and be in the database. */
  witness?: WitnessSet;
  /** Entries after the last witnessed checkpoint are an issue, not a warning. */
  strict?: boolean;
  /** Most issues listed (all are counted); default 100. */
  maxIssues?: number;
  /** Where rows are read from; default: pages through `client`. */
  source?: RecordSource;
  /**
   * Worker threads reading the local file at `path` in parallel (0 or absent: inline). Starting a worker costs
   * about half a second (it loads TypeScript), so records under `minEntries` (default 50,000) are walked inline.
   */
  parallel?: { path: string; workers: number; minEntries?: number };
}

export interface VerifyReport {
  ok: boolean;
  entries: number;
  head: { id: number; hash: string } | null;
  firstBroken: ChainIssue | null;
  issues: ChainIssue[];
  issueCount: number;
  checkpoints: { checked: number; issues: CheckpointIssue[]; keys: string[] };
  streams: { checked: number; issues: StreamIssue[] };
  /** The witness check; null when no witness was given. */
  anchor: AnchorReport | null;
  /** Things a person should know that are not (yet) tampering: unanchored entries, restores, unpinned keys. */
  warnings: string[];
  workers: number;
  elapsedMs: number;
  entriesPerSecond: number;
}

/** Names a broken link: a predecessor hash that belongs to another entry means the rows were moved. */
async function classifyLink(source: RecordSource, issue: LinkIssue, budget: { left: number }): Promise<ChainIssue> {
  // Each lookup scans the table (hashes are not indexed), so only the first few breaks are classified.
  const other = budget.left-- > 0 ? await source.idOfHash(issue.prevHash, issue.id) : null;
  const name = { id: issue.id, ...(await source.nameOf(issue.id)) };
  if (other !== null) {
    return {
      ...name,
      problem: 'reorder',
      detail: `entry ${issue.id} is chained after entry ${other}, not after entry ${issue.expected.id}: the record was reordered`,
    };
  }
  return {
    ...name,
    problem: 'prev_mismatch',
    detail: `entry ${issue.id} names predecessor hash ${issue.prevHash.slice(0, 12)}… but entry ${issue.expected.id} has ${issue.expected.hash.slice(0, 12)}…: the link or the predecessor was altered`,
  };
}

/** Folds page results, in id order, into the walk's state: issues named and classified, checkpoint hashes. */
function createWalk(source: RecordSource, maxIssues: number) {
  const walk = {
    issues: [] as ChainIssue[],
    issueCount: 0,
    entries: 0,
    hashAt: new Map<number, string>(),
    last: { id: 0, hash: genesisHash },
  };
  const budget = { left: 10 };
  const sink = async (page: PageResult, startKnown: boolean) => {
    const boundary = !startKnown && page.first ? linkIssue(page.first, walk.last) : null;
    const rowIssues = boundary ? [boundary, ...page.issues.filter((i) => i.id !== boundary.id)] : page.issues;
    for (const issue of rowIssues) {
      walk.issueCount += 1;
      if (walk.issues.length >= maxIssues) continue;
      walk.issues.push(
        issue.problem === 'link' ? await classifyLink(source, issue, budget) : { ...issue, ...(await source.nameOf(issue.id)) },
      );
    }
    for (const [id, hash] of page.hashes) walk.hashAt.set(id, hash);
    if (page.last) walk.last = page.last;
    walk.entries += page.count;
  };
  return { walk, sink };
}

/**
 * Walks every entry up to the head present at the start, checking ids are consecutive, each entry links to
 * its predecessor's hash and its own hash matches its content; then checks checkpoints and stream heads.
 */
export async function verifyRecord(client: SqlClient, options: VerifyOptions = {}): Promise<VerifyReport> {
  const started = performance.now();
  const pageSize = options.pageSize ?? 5000;
  const source = options.source ?? clientRecordSource(client);
  const top = await source.top();
  const stored = await loadStoredCheckpoints(client);
  const trusted = options.trustedKeys?.length ? options.trustedKeys : undefined;
  const witnessSet = options.witness ? [witnessCheckpointSet(options.witness)] : [];
  const checker = createCheckpointChecker([...stored, ...(options.checkpoints ?? []), ...witnessSet], trusted);
  const { walk, sink } = createWalk(source, options.maxIssues ?? 100);
  const workers =
    options.parallel && top >= (options.parallel.minEntries ?? 50_000) && (await idsAreDense(source, top)) ? options.parallel.workers : 0;
  if (workers > 0) await workerPages(options.parallel!.path, top, pageSize, workers, checker.sequences(), sink);
  else await inlinePages(source, top, pageSize, checker.sequences(), sink, walk.last);
  const checkpointIssues = checker.finish(walk.hashAt, walk.last.id);
  const streams = await findStreamIssues(client);
  const anchor = options.witness
    ? checkAnchor(options.witness, {
        stored: stored.flatMap((s) => s.items),
        checkpointIssues,
        headId: walk.last.id,
        strict: options.strict ?? false,
        pinned: trusted !== undefined,
      })
    : null;
  const elapsedMs = performance.now() - started;
  return {
    ok: walk.issueCount === 0 && checkpointIssues.length === 0 && streams.issues.length === 0 && (anchor?.issues.length ?? 0) === 0,
    entries: walk.entries,
    head: walk.entries > 0 ? walk.last : null,
    firstBroken: walk.issues[0] ?? null,
    issues: walk.issues,
    issueCount: walk.issueCount,
    checkpoints: { checked: checker.count(), issues: checkpointIssues, keys: checker.keys() },
    streams,
    anchor,
    warnings: anchor?.warnings ?? [],
    workers,
    elapsedMs: Math.round(elapsedMs),
    entriesPerSecond: elapsedMs > 0 ? Math.round(walk.entries / (elapsedMs / 1000)) : walk.entries,
  };
}

/** Id ranges split well only when ids are (nearly) consecutive; a record with wild ids is walked inline. */
async function idsAreDense(source: RecordSource, top: number): Promise<boolean> {
  return top <= 2 * (await source.count()) + 10_000;
}

/** Checkpoints kept in the database (none when the table does not exist in an older file). */
async function loadStoredCheckpoints(client: SqlClient): Promise<CheckpointSet[]> {
  try {
    const rs = await client.execute(
      'SELECT id, sequence, head_hash, at, signature, public_key, key_source, created_by FROM checkpoints ORDER BY id',
    );
    const items: Checkpoint[] = rs.rows.map((r) => ({
      id: Number(r.id),
      sequence: Number(r.sequence),
      headHash: String(r.head_hash),
      at: String(r.at),
      signature: String(r.signature),
      publicKey: String(r.public_key),
      keySource: String(r.key_source),
      createdBy: String(r.created_by),
    }));
    return [{ source: 'database', items }];
  } catch {
    return [];
  }
}
