// Reads a stored-only ZIP as the case-file export writes it: its entries by name, from the central directory,
// each checked against its CRC-32, so a test sees exactly the files a third party would unpack.
import { crc32 } from 'node:zlib';
import { expect } from 'vitest';

/** The entries of a stored-only ZIP, read from its central directory, each checked against its CRC-32. */
export function unzip(zip: Buffer): Map<string, Buffer> {
  const end = zip.length - 22;
  expect(zip.readUInt32LE(end)).toBe(0x06054b50);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const crc = zip.readUInt32LE(at + 16);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    expect(crc32(data), name).toBe(crc);
    out.set(name, data);
    at += 46 + nameLength;
  }
  return out;
}
