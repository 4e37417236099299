// The case file as one ZIP (案卷评查 hand-over): the printable page and its JSON, the issued documents, every
// stored evidence file, and SHA256SUMS, which lists each file with the hash the record holds, so `sha256sum -c
// SHA256SUMS` run by anyone shows whether what they received is what the case cited. Invariant: evidence files
// stream from the store.
import { createHash } from 'node:crypto';
import type { FileStore } from '../../db/evidence/file-store.js';
import type { CaseExport } from '../audit/case-export.js';
import type { DocumentFile } from './case-documents.js';
import { fail, ok, type Result } from '../shared/result.js';
import { zipLimit, zipSize, type ZipEntry } from './zip-stream.js';

/** A file name safe as the last part of an archive path: letters (any script), digits, `.`, `_`, `-`. */
export function archiveName(filename: string): string {
  const safe = filename.replace(/[^\p{L}\p{N}._-]/gu, '_').replace(/^\.+/, '_');
  return safe.slice(0, 120) || 'file';
}

const bufferEntry = (name: string, bytes: Buffer): ZipEntry => ({
  name,
  size: bytes.byteLength,
  bytes: async function* () {
    yield bytes;
  },
});

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/**
 * The archive's entries for `data` (its printable page `html`, its issued `documents`, case-documents.ts). A file missing from the store is left out
 * but stays in SHA256SUMS, so the check reports it; an archive over 4 GiB is refused (422).
 */
export async function caseBundle(
  data: CaseExport,
  html: string,
  files: FileStore,
  documents: DocumentFile[] = [],
): Promise<Result<ZipEntry[]>> {
  const page = Buffer.from(html, 'utf8');
  const json = Buffer.from(JSON.stringify(data, null, 2), 'utf8');
  const sums = [`${sha256(page)}  case-file.html`, `${sha256(json)}  case-file.json`];
  const entries: ZipEntry[] = [bufferEntry('case-file.html', page), bufferEntry('case-file.json', json)];
  for (const d of documents) {
    sums.push(`${d.sha256}  ${d.name}`);
    entries.push(bufferEntry(d.name, d.bytes));
  }
  for (const f of data.evidence) {
    const name = `evidence/${f.evidenceId}-${archiveName(f.filename)}`;
    sums.push(`${f.sha256}  ${name}`);
    const size = await files.size(f.sha256);
    if (size === null) continue;
    entries.push({ name, size, bytes: () => files.read(f.sha256, 0, Math.max(size - 1, 0)) });
  }
  entries.push(bufferEntry('SHA256SUMS', Buffer.from(`${sums.join('\n')}\n`, 'utf8')));
  if (zipSize(entries) > zipLimit) {
    return fail({
      kind: 'invalid_transition',
      code: 'export_too_large',
      detail: 'The case file with its evidence exceeds 4 GiB; export JSON and fetch files one by one.',
    });
  }
  return ok(entries);
}
