// A minimal zip writer without dependencies, for browsers and Node alike: the
// import page packs several chosen files into one upload with it, and tests and
// the upload benchmark build their archives with it. Entries are stored as given,
// or deflated when the caller passes the raw deflate stream (zlib's deflateRawSync,
// or a browser's CompressionStream("deflate-raw")).

export interface ZipEntryInput {
  /** The path inside the archive, `/`-separated, written as UTF-8. */
  name: string;
  /** The file's bytes. */
  data: Uint8Array;
  /** `data` compressed as a raw deflate stream: the entry is then stored deflated. */
  deflated?: Uint8Array;
  /** The uncompressed size the headers claim, when it must differ from the truth (tests of archives that lie). */
  claimedSize?: number;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Bit 11: the names are UTF-8. */
const UTF8_NAMES = 0x0800;
const STORED = 0;
const DEFLATED = 8;
/** 1 January 2020, 00:00, in MS-DOS date and time: a fixed time, so the same entries make the same archive. */
const DOS_TIME = 0;
const DOS_DATE = ((2020 - 1980) << 9) | (1 << 5) | 1;

/** The archive of `entries`, in their order. */
export function zipArchive(entries: readonly ZipEntryInput[]): Uint8Array<ArrayBuffer> {
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    const body = entry.deflated ?? entry.data;
    const fields = {
      method: entry.deflated ? DEFLATED : STORED,
      crc: crc32(entry.data),
      compressed: body.length,
      size: entry.claimedSize ?? entry.data.length,
    };
    const local = new Uint8Array(30 + name.length + body.length);
    const l = new DataView(local.buffer);
    l.setUint32(0, 0x04034b50, true);
    l.setUint16(4, 20, true);
    l.setUint16(6, UTF8_NAMES, true);
    l.setUint16(8, fields.method, true);
    l.setUint16(10, DOS_TIME, true);
    l.setUint16(12, DOS_DATE, true);
    l.setUint32(14, fields.crc, true);
    l.setUint32(18, fields.compressed, true);
    l.setUint32(22, fields.size, true);
    l.setUint16(26, name.length, true);
    l.setUint16(28, 0, true);
    local.set(name, 30);
    local.set(body, 30 + name.length);

    const central = new Uint8Array(46 + name.length);
    const c = new DataView(central.buffer);
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, 20, true);
    c.setUint16(6, 20, true);
    c.setUint16(8, UTF8_NAMES, true);
    c.setUint16(10, fields.method, true);
    c.setUint16(12, DOS_TIME, true);
    c.setUint16(14, DOS_DATE, true);
    c.setUint32(16, fields.crc, true);
    c.setUint32(20, fields.compressed, true);
    c.setUint32(24, fields.size, true);
    c.setUint16(28, name.length, true);
    // Extra field, comment, disk number, internal and external attributes: none.
    c.setUint32(42, offset, true);
    central.set(name, 46);

    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const centralSize = centrals.reduce((sum, part) => sum + part.length, 0);
  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, entries.length, true);
  e.setUint16(10, entries.length, true);
  e.setUint32(12, centralSize, true);
  e.setUint32(16, offset, true);

  const archive = new Uint8Array(offset + centralSize + end.length);
  let at = 0;
  for (const part of [...locals, ...centrals, end]) {
    archive.set(part, at);
    at += part.length;
  }
  return archive;
}
