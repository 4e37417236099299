// The evidence manifest of a case file (证据清单): every stored file of the case with its SHA-256, and where
// the record cites it (a draft version's evidence item, an event's records). Pure over rows already read.
import type { EvidenceRow } from '../../db/evidence/evidence-store.js';

/** One file of the manifest. */
export interface ManifestItem {
  evidenceId: string;
  sha256: string;
  size: number;
  mediaType: string;
  filename: string;
  uploaderId: string;
  uploaderName: string;
  at: string;
  /** Where the record cites it, e.g. `draft 2: 询问笔录`, `record #14 hearing.hold`. */
  citedBy: string[];
}

interface DraftLike {
  version: number;
  content: unknown;
}
interface EntryLike {
  id: number;
  type: string;
  accepted: boolean;
  payload: unknown;
}

type Files = { evidenceId: string }[] | undefined;

/** Citations by evidence id: each draft version's evidence items, and each accepted entry's records. */
export function citations(drafts: readonly DraftLike[], entries: readonly EntryLike[]): Map<string, string[]> {
  const cited = new Map<string, string[]>();
  const add = (id: string, where: string) => cited.set(id, [...(cited.get(id) ?? []), where]);
  for (const d of drafts) {
    const evidence = (d.content as { evidence?: { kind: string; files?: Files }[] }).evidence ?? [];
    for (const item of evidence) for (const f of item.files ?? []) add(f.evidenceId, `draft ${d.version}: ${item.kind}`);
  }
  for (const e of entries) {
    if (!e.accepted) continue;
    for (const r of ((e.payload as { records?: Files }).records ?? []) as { evidenceId: string }[])
      add(r.evidenceId, `record #${e.id} ${e.type}`);
  }
  return cited;
}

/** The manifest of `rows`, oldest first, with citations and uploader names. */
export function evidenceManifest(
  rows: readonly EvidenceRow[],
  drafts: readonly DraftLike[],
  entries: readonly EntryLike[],
  nameOf: (id: string) => string,
): ManifestItem[] {
  const cited = citations(drafts, entries);
  return rows.map((r) => ({
    evidenceId: r.id,
    sha256: r.sha256,
    size: r.size,
    mediaType: r.mediaType,
    filename: r.filename,
    uploaderId: r.uploaderId,
    uploaderName: nameOf(r.uploaderId),
    at: r.at,
    citedBy: cited.get(r.id) ?? [],
  }));
}
