// The evidence file store: bytes kept outside the database, one file per SHA-256 under `<dir>/sha256/ab/`.
// Invariant: a stored file is whole and never changes: it is written to a temp file, fsynced, then renamed
// into place; the same bytes uploaded twice are kept once. Names come from hashes only, never from clients.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Why a write stopped: over the size limit, or the first bytes are not the declared type. */
export type PutRefusal = 'too_large' | 'type_mismatch';

/** The result of storing a stream: its hash and size, or why it was refused (nothing is kept then). */
export type PutResult = { ok: true; sha256: string; size: number } | { ok: false; refusal: PutRefusal };

/** Limits and the check of the file's head applied while the bytes stream in. */
export interface PutOptions {
  maxBytes: number;
  /** Bytes the head check needs; it runs once that many arrived, or at the end for a shorter file. */
  headLength: number;
  headMatches: (head: Uint8Array) => boolean;
}

const hexHash = /^[0-9a-f]{64}$/;

/** Creates the store at `dir` (made on first write). */
export function createFileStore(dir: string) {
  const pathOf = (sha256: string): string => {
    if (!hexHash.test(sha256)) throw new Error(`not a SHA-256 digest: ${sha256}`);
    return join(dir, 'sha256', sha256.slice(0, 2), sha256);
  };

  async function fsyncDir(path: string): Promise<void> {
    const handle = await open(path, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  /** Moves a complete temp file to its hash's place, unless those bytes are already stored. */
  async function settle(temp: string, sha256: string): Promise<void> {
    const target = pathOf(sha256);
    if (await exists(target)) {
      await rm(temp, { force: true });
      return;
    }
    await mkdir(dirname(target), { recursive: true });
    await rename(temp, target);
    await fsyncDir(dirname(target));
  }

  return {
    dir,
    pathOf,

    /** Streams `source` into the store, hashing as it writes; refuses (and removes the temp file) on a limit. */
    async put(source: AsyncIterable<Uint8Array>, options: PutOptions): Promise<PutResult> {
      await mkdir(join(dir, 'tmp'), { recursive: true });
      const temp = join(dir, 'tmp', `${randomUUID()}.part`);
      const handle = await open(temp, 'wx');
      let kept = false;
      try {
        const written = await writeAll(handle, source, options);
        if (!written.ok) return written;
        await handle.sync();
        await handle.close();
        await settle(temp, written.sha256);
        kept = true;
        return written;
      } finally {
        if (!kept) {
          await handle.close().catch(() => {});
          await rm(temp, { force: true });
        }
      }
    },

    /** Size of the stored file for `sha256`, or null when it is missing. */
    async size(sha256: string): Promise<number | null> {
      try {
        return (await stat(pathOf(sha256))).size;
      } catch {
        return null;
      }
    },

    /** SHA-256 of the stored file's bytes now, or null when it is missing (the verifier's check). */
    async hashNow(sha256: string): Promise<string | null> {
      if (!(await exists(pathOf(sha256)))) return null;
      const hash = createHash('sha256');
      for await (const chunk of createReadStream(pathOf(sha256))) hash.update(chunk as Buffer);
      return hash.digest('hex');
    },

    /** A read stream of bytes `start`..`end` (inclusive) of the stored file. */
    read(sha256: string, start: number, end: number) {
      return createReadStream(pathOf(sha256), { start, end, highWaterMark: 256 * 1024 });
    },
  };
}
export type FileStore = ReturnType<typeof createFileStore>;

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

type Handle = Awaited<ReturnType<typeof open>>;

/** Writes every chunk, hashing and counting; stops at the first limit broken. */
async function writeAll(handle: Handle, source: AsyncIterable<Uint8Array>, options: PutOptions): Promise<PutResult> {
  const hash = createHash('sha256');
  let size = 0;
  let head: Uint8Array | null = new Uint8Array(0);
  for await (const chunk of source) {
    size += chunk.byteLength;
    if (size > options.maxBytes) return { ok: false, refusal: 'too_large' };
    if (head) {
      head = concat(head, chunk.subarray(0, options.headLength - head.byteLength));
      if (head.byteLength >= options.headLength) {
        if (!options.headMatches(head)) return { ok: false, refusal: 'type_mismatch' };
        head = null;
      }
    }
    hash.update(chunk);
    for (let offset = 0; offset < chunk.byteLength; ) {
      offset += (await handle.write(chunk, offset, chunk.byteLength - offset)).bytesWritten;
    }
  }
  if (head && !options.headMatches(head)) return { ok: false, refusal: 'type_mismatch' };
  return { ok: true, sha256: hash.digest('hex'), size };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.byteLength + b.byteLength);
  out.set(a, 0);
  out.set(b, a.byteLength);
  return out;
}
