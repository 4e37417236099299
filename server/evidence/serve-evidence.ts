// Answers a GET of one evidence file, for the API and the desk alike: the stored bytes streamed from disk,
// whole or one byte range (206), with the file's hash. Invariant: never more than one chunk in memory.
import { Readable } from 'node:stream';
import type { Context } from 'hono';
import type { EvidenceRow } from '../../db/evidence/evidence-store.js';
import type { FileStore } from '../../db/evidence/file-store.js';
import { problem } from '../http/problem.js';
import { rangeOf } from './byte-range.js';

/** `inline` with the name as ASCII fallback and as UTF-8 (RFC 6266), so Chinese names survive. */
export function contentDisposition(filename: string, kind: 'inline' | 'attachment' = 'inline'): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** The response for `row`'s bytes; 404 when the stored file is gone (audit:verify names it), 416 for a bad range. */
export async function serveEvidence(c: Context, files: FileStore, row: EvidenceRow): Promise<Response> {
  const size = await files.size(row.sha256);
  if (size === null) {
    return problem(c, { kind: 'not_found', code: 'evidence_file_missing', detail: `The stored file of evidence ${row.id} is missing.` });
  }
  const headers: Record<string, string> = {
    'Content-Type': row.mediaType,
    'Accept-Ranges': 'bytes',
    ETag: `"${row.sha256}"`,
    'Content-Disposition': contentDisposition(row.filename),
    'X-Content-Type-Options': 'nosniff',
    'X-Evidence-SHA256': row.sha256,
    'Cache-Control': 'private, no-store',
  };
  const range = rangeOf(c.req.header('Range'), size);
  if (!range.ok) {
    c.header('Content-Range', `bytes */${size}`);
    return problem(c, { kind: 'range_not_satisfiable', code: 'range_not_satisfiable', detail: `The file has ${size} bytes.` });
  }
  headers['Content-Length'] = String(size === 0 ? 0 : range.end - range.start + 1);
  if (range.partial) headers['Content-Range'] = `bytes ${range.start}-${range.end}/${size}`;
  if (size === 0) return c.body(null, 200, headers);
  const stream = Readable.toWeb(files.read(row.sha256, range.start, range.end)) as ReadableStream<Uint8Array>;
  return c.body(stream, range.partial ? 206 : 200, headers);
}
