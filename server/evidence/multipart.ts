// A streaming multipart/form-data reader (RFC 7578) for uploads: it finds the `file` part and hands its body
// on chunk by chunk, so a file of any size passes through with memory bounded by one chunk plus a boundary.
// Invariant: it never buffers a part's body; headers are capped, and anything malformed is an error.

/** Why a multipart body could not be read. */
export class MultipartError extends Error {}

/** The `file` part: its declared name and type, and its body as it streams in. */
export interface FilePart {
  filename: string | null;
  contentType: string | null;
  body: AsyncIterable<Uint8Array>;
}

const maxHeaderBytes = 8 * 1024;
const maxParts = 20;
const crlfcrlf = Buffer.from('\r\n\r\n');

/** The boundary of a `multipart/form-data; boundary=…` Content-Type, or null. */
export function boundaryOf(contentType: string | undefined): string | null {
  const match = /^multipart\/form-data\s*;.*?boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType ?? '');
  return match ? (match[1] ?? match[2]!) : null;
}

interface PartHeaders {
  name: string | null;
  filename: string | null;
  contentType: string | null;
}

function parseHeaders(block: string): PartHeaders {
  const headers: PartHeaders = { name: null, filename: null, contentType: null };
  for (const line of block.split('\r\n')) {
    const [key = '', ...rest] = line.split(':');
    const value = rest.join(':').trim();
    if (/^content-type$/i.test(key.trim())) headers.contentType = value;
    if (!/^content-disposition$/i.test(key.trim())) continue;
    headers.name = /;\s*name="([^"]*)"/i.exec(value)?.[1] ?? null;
    const star = /;\s*filename\*=UTF-8''([^;]+)/i.exec(value)?.[1];
    headers.filename = star ? safeDecode(star) : (/;\s*filename="([^"]*)"/i.exec(value)?.[1] ?? null);
  }
  return headers;
}

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** Reads `source` chunk by chunk, with a cursor for what is not consumed yet. */
class Reader {
  private buffer: Buffer = Buffer.alloc(0);
  private readonly iterator: AsyncIterator<Uint8Array>;
  constructor(source: AsyncIterable<Uint8Array>) {
    this.iterator = source[Symbol.asyncIterator]();
  }
  get pending(): Buffer {
    return this.buffer;
  }
  consume(n: number): void {
    this.buffer = this.buffer.subarray(n);
  }
  /** Reads one more chunk; false at the end of the body. */
  async more(): Promise<boolean> {
    const next = await this.iterator.next();
    if (next.done) return false;
    const chunk = Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
    this.buffer = this.buffer.byteLength === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    return true;
  }
  async until(marker: Buffer, limit: number): Promise<number> {
    for (;;) {
      const at = this.buffer.indexOf(marker);
      if (at >= 0) return at;
      if (this.buffer.byteLength > limit) throw new MultipartError('a multipart header block is too long');
      if (!(await this.more())) throw new MultipartError('the multipart body ended early');
    }
  }
}

/** Streams one part's body up to the next delimiter, leaving the reader just after it. */
async function* partBody(reader: Reader, delimiter: Buffer): AsyncGenerator<Uint8Array> {
  for (;;) {
    const at = reader.pending.indexOf(delimiter);
    if (at >= 0) {
      if (at > 0) yield reader.pending.subarray(0, at);
      reader.consume(at + delimiter.byteLength);
      return;
    }
    // Keep a tail that could be the start of a delimiter split across chunks.
    const safe = reader.pending.byteLength - delimiter.byteLength + 1;
    if (safe > 0) {
      const out = reader.pending.subarray(0, safe);
      reader.consume(safe);
      yield out;
    }
    if (!(await reader.more())) throw new MultipartError('the multipart body ended inside a part');
  }
}

/** Skips a part's body (a form field other than `file`). */
async function skip(body: AsyncIterable<Uint8Array>): Promise<void> {
  for await (const _ of body);
}

/**
 * The `file` part of a multipart body. Parts before it are skipped; its body must be consumed by the
 * caller, and what follows it is not read. Throws `MultipartError` when the body is malformed or has no file.
 */
export async function fileOf(source: AsyncIterable<Uint8Array>, boundary: string): Promise<FilePart> {
  const reader = new Reader(source);
  // The first delimiter has no CRLF before it; the rest do.
  const first = Buffer.from(`--${boundary}`);
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  reader.consume((await reader.until(first, maxHeaderBytes)) + first.byteLength);
  for (let part = 0; part < maxParts; part++) {
    while (reader.pending.byteLength < 2) if (!(await reader.more())) throw new MultipartError('the multipart body ended early');
    if (reader.pending.subarray(0, 2).toString() === '--') break;
    const end = await reader.until(crlfcrlf, maxHeaderBytes);
    const headers = parseHeaders(reader.pending.subarray(0, end).toString('utf8'));
    reader.consume(end + crlfcrlf.byteLength);
    const body = partBody(reader, delimiter);
    if (headers.name === 'file') return { filename: headers.filename, contentType: headers.contentType, body };
    await skip(body);
  }
  throw new MultipartError('the multipart body has no `file` part');
}
