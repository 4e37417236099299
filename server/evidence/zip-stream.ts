// A streaming ZIP writer (PKWARE APPNOTE 6.3, stored entries, UTF-8 names, data descriptors): entries are
// read and written one chunk at a time, CRC-32 computed on the way, so an archive of large videos never sits
// in memory. Invariant: only archives under 4 GiB (no ZIP64); `zipSize` tells beforehand, so callers refuse.
import { crc32 } from 'node:zlib';

/** One archive entry: its path in the archive, its exact size and its bytes. */
export interface ZipEntry {
  name: string;
  size: number;
  bytes: () => AsyncIterable<Uint8Array>;
}

const localHeaderSize = 30;
const descriptorSize = 16;
const centralHeaderSize = 46;
const endSize = 22;
/** The largest offset or size a ZIP without ZIP64 holds. */
export const zipLimit = 0xffff_fffe;

/** The archive's total size for `entries`, computed without reading them. */
export function zipSize(entries: readonly Pick<ZipEntry, 'name' | 'size'>[]): number {
  return entries.reduce((sum, e) => {
    const name = Buffer.byteLength(e.name);
    return sum + localHeaderSize + name + e.size + descriptorSize + centralHeaderSize + name;
  }, endSize);
}

/** MS-DOS time and date of `at` (UTC), as ZIP headers store them. */
function dosDateTime(at: Date): { time: number; date: number } {
  const year = Math.max(at.getUTCFullYear(), 1980);
  return {
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | (at.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
  };
}

interface Written {
  name: Buffer;
  crc: number;
  size: number;
  offset: number;
}

function localHeader(name: Buffer, stamp: { time: number; date: number }): Buffer {
  const b = Buffer.alloc(localHeaderSize);
  b.writeUInt32LE(0x04034b50, 0);
  b.writeUInt16LE(20, 4);
  // Bit 3: sizes and CRC follow in a data descriptor; bit 11: the name is UTF-8.
  b.writeUInt16LE(0x0808, 6);
  b.writeUInt16LE(0, 8);
  b.writeUInt16LE(stamp.time, 10);
  b.writeUInt16LE(stamp.date, 12);
  b.writeUInt16LE(name.byteLength, 26);
  return Buffer.concat([b, name]);
}

function descriptor(crc: number, size: number): Buffer {
  const b = Buffer.alloc(descriptorSize);
  b.writeUInt32LE(0x08074b50, 0);
  b.writeUInt32LE(crc, 4);
  b.writeUInt32LE(size, 8);
  b.writeUInt32LE(size, 12);
  return b;
}

function centralHeader(w: Written, stamp: { time: number; date: number }): Buffer {
  const b = Buffer.alloc(centralHeaderSize);
  b.writeUInt32LE(0x02014b50, 0);
  b.writeUInt16LE(0x0314, 4);
  b.writeUInt16LE(20, 6);
  b.writeUInt16LE(0x0808, 8);
  b.writeUInt16LE(0, 10);
  b.writeUInt16LE(stamp.time, 12);
  b.writeUInt16LE(stamp.date, 14);
  b.writeUInt32LE(w.crc, 16);
  b.writeUInt32LE(w.size, 20);
  b.writeUInt32LE(w.size, 24);
  b.writeUInt16LE(w.name.byteLength, 28);
  // Unix mode 0644 for a regular file, in the high half of the external attributes.
  b.writeUInt32LE((0o100644 << 16) >>> 0, 38);
  b.writeUInt32LE(w.offset, 42);
  return Buffer.concat([b, w.name]);
}

function end(count: number, size: number, offset: number): Buffer {
  const b = Buffer.alloc(endSize);
  b.writeUInt32LE(0x06054b50, 0);
  b.writeUInt16LE(count, 8);
  b.writeUInt16LE(count, 10);
  b.writeUInt32LE(size, 12);
  b.writeUInt32LE(offset, 16);
  return b;
}

/** The archive's bytes, entry by entry; throws if an entry's bytes do not have the size it declared. */
export async function* zipStream(entries: readonly ZipEntry[], at: Date): AsyncGenerator<Uint8Array> {
  if (zipSize(entries) > zipLimit || entries.length > 0xffff) throw new Error('archive too large for ZIP without ZIP64');
  const stamp = dosDateTime(at);
  const written: Written[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const header = localHeader(name, stamp);
    yield header;
    let crc = 0;
    let size = 0;
    for await (const chunk of entry.bytes()) {
      crc = crc32(chunk, crc);
      size += chunk.byteLength;
      yield chunk;
    }
    if (size !== entry.size) throw new Error(`${entry.name} has ${size} bytes, not ${entry.size}`);
    yield descriptor(crc, size);
    written.push({ name, crc, size, offset });
    offset += header.byteLength + size + descriptorSize;
  }
  const central = Buffer.concat(written.map((w) => centralHeader(w, stamp)));
  yield central;
  yield end(written.length, central.byteLength, offset);
}
