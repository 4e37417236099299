// The media types the evidence store accepts and how each is recognised from a file's first bytes (magic
// numbers). Invariant: a file is stored only under a type its bytes match; nothing here trusts a file name.

/** Bytes of the file's head that sniffing needs (the longest signature ends at byte 12). */
export const sniffLength = 12;

const ascii = (head: Uint8Array, at: number, text: string): boolean => [...text].every((ch, i) => head[at + i] === ch.charCodeAt(0));
const bytes = (head: Uint8Array, at: number, values: number[]): boolean => values.every((v, i) => head[at + i] === v);

/** ISO base media file (MP4, QuickTime, M4A): a `ftyp` box first. */
const isoBmff = (h: Uint8Array) => ascii(h, 4, 'ftyp');
/** EBML header (WebM, Matroska). */
const ebml = (h: Uint8Array) => bytes(h, 0, [0x1a, 0x45, 0xdf, 0xa3]);
/** MP3: an ID3v2 tag, or an MPEG audio frame sync. */
const mp3 = (h: Uint8Array) => ascii(h, 0, 'ID3') || (h[0] === 0xff && ((h[1] ?? 0) & 0xe0) === 0xe0);

/** Canonical media type → its signature check. The policy's size limits are keyed by these names. */
export const signatures: Record<string, (head: Uint8Array) => boolean> = {
  'application/pdf': (h) => ascii(h, 0, '%PDF-'),
  'image/png': (h) => bytes(h, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  'image/jpeg': (h) => bytes(h, 0, [0xff, 0xd8, 0xff]),
  'video/mp4': isoBmff,
  'video/quicktime': isoBmff,
  'audio/mp4': isoBmff,
  'video/webm': ebml,
  'audio/webm': ebml,
  'video/x-matroska': ebml,
  'audio/mpeg': mp3,
  'audio/wav': (h) => ascii(h, 0, 'RIFF') && ascii(h, 8, 'WAVE'),
  'audio/ogg': (h) => ascii(h, 0, 'OggS'),
  'video/ogg': (h) => ascii(h, 0, 'OggS'),
};

/** Other names clients send for the same types. */
const aliases: Record<string, string> = {
  'audio/x-wav': 'audio/wav',
  'audio/wave': 'audio/wav',
  'audio/vnd.wave': 'audio/wav',
  'audio/mp3': 'audio/mpeg',
  'audio/x-m4a': 'audio/mp4',
  'image/jpg': 'image/jpeg',
  'application/ogg': 'audio/ogg',
};

/** Every canonical media type the store knows. */
export const knownMediaTypes = Object.keys(signatures);

/** The canonical type of a Content-Type header (parameters dropped, aliases resolved), or null if unknown. */
export function canonicalMediaType(header: string | undefined): string | null {
  const bare = (header ?? '').split(';')[0]!.trim().toLowerCase();
  const type = aliases[bare] ?? bare;
  return type in signatures ? type : null;
}

/** True when `head` (the file's first bytes, fewer only if the file is shorter) matches `mediaType`. */
export function bytesMatch(mediaType: string, head: Uint8Array): boolean {
  return signatures[mediaType]?.(head) ?? false;
}
