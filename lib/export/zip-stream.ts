// A zip archive written as it goes, for exports: each entry is compressed whole
// (documents are small) so its local header carries the CRC and sizes (no data
// descriptors: a reader, or the export page's progress counter, can walk the
// entries in order), and only the central directory's records (a few dozen bytes
// an entry) are kept until the end. Zip64 records are added when the archive
// outgrows the classic format (65,535 entries, 4 GiB).

import { promisify } from "node:util";
import { crc32, deflateRaw } from "node:zlib";

export interface ZipStreamEntry {
  /** The path inside the archive, `/`-separated, written as UTF-8. */
  name: string;
  data: Uint8Array;
}

export interface ZipStreamOptions {
  /** The entries' modification time (local time, as zip stores it). */
  modified: Date;
  /** zlib's level; 0 stores the entries as they are. */
  level?: number;
}

const deflate = promisify(deflateRaw);

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_END_OF_CENTRAL_DIRECTORY = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EXTRA = 0x0001;
/** Bit 11: the names are UTF-8. */
const UTF8_NAMES = 0x0800;
const STORED = 0;
const DEFLATED = 8;
const VERSION = 20;
const VERSION_ZIP64 = 45;
const MAX_16 = 0xffff;
const MAX_32 = 0xffffffff;

/** What the central directory needs of an entry written earlier. */
interface CentralRecord {
  name: Uint8Array;
  method: number;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.min(Math.max(date.getFullYear(), 1980), 2107);
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

/** The archive of `entries`, chunk by chunk, as the entries come: an entry's bytes are yielded before the next one is asked for. */
export async function* zipStream(
  entries: AsyncIterable<ZipStreamEntry> | Iterable<ZipStreamEntry>,
  options: ZipStreamOptions,
): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  const stamp = dosDateTime(options.modified);
  const level = options.level ?? 6;
  const records: CentralRecord[] = [];
  let offset = 0;
  for await (const entry of entries) {
    const name = encoder.encode(entry.name);
    const deflated = level > 0 ? await deflate(entry.data, { level }) : undefined;
    // Deflating what does not shrink (tiny or random data) only costs the reader.
    const body = deflated && deflated.length < entry.data.length ? deflated : entry.data;
    if (body.length > MAX_32 || entry.data.length > MAX_32) throw new Error(`${entry.name}: an entry of 4 GiB or more cannot be exported`);
    const record: CentralRecord = {
      name,
      method: body === entry.data ? STORED : DEFLATED,
      crc: crc32(entry.data),
      compressed: body.length,
      size: entry.data.length,
      offset,
    };
    const header = new Uint8Array(30 + name.length);
    const view = new DataView(header.buffer);
    view.setUint32(0, LOCAL_HEADER, true);
    view.setUint16(4, VERSION, true);
    view.setUint16(6, UTF8_NAMES, true);
    view.setUint16(8, record.method, true);
    view.setUint16(10, stamp.time, true);
    view.setUint16(12, stamp.date, true);
    view.setUint32(14, record.crc, true);
    view.setUint32(18, record.compressed, true);
    view.setUint32(22, record.size, true);
    view.setUint16(26, name.length, true);
    header.set(name, 30);
    records.push(record);
    offset += header.length + body.length;
    yield header;
    yield body;
  }
  yield* centralDirectory(records, offset, stamp);
}

function* centralDirectory(records: readonly CentralRecord[], start: number, stamp: { time: number; date: number }): Generator<Uint8Array> {
  let size = 0;
  for (const record of records) {
    // Only an offset can outgrow 32 bits (entries are refused past 4 GiB): it then moves to a zip64 extra field.
    const zip64Offset = record.offset > MAX_32;
    const extra = zip64Offset ? 12 : 0;
    const central = new Uint8Array(46 + record.name.length + extra);
    const view = new DataView(central.buffer);
    view.setUint32(0, CENTRAL_HEADER, true);
    view.setUint16(4, zip64Offset ? VERSION_ZIP64 : VERSION, true);
    view.setUint16(6, zip64Offset ? VERSION_ZIP64 : VERSION, true);
    view.setUint16(8, UTF8_NAMES, true);
    view.setUint16(10, record.method, true);
    view.setUint16(12, stamp.time, true);
    view.setUint16(14, stamp.date, true);
    view.setUint32(16, record.crc, true);
    view.setUint32(20, record.compressed, true);
    view.setUint32(24, record.size, true);
    view.setUint16(28, record.name.length, true);
    view.setUint16(30, extra, true);
    // Comment, disk number, internal and external attributes: none.
    view.setUint32(42, zip64Offset ? MAX_32 : record.offset, true);
    central.set(record.name, 46);
    if (zip64Offset) {
      const at = 46 + record.name.length;
      view.setUint16(at, ZIP64_EXTRA, true);
      view.setUint16(at + 2, 8, true);
      view.setBigUint64(at + 4, BigInt(record.offset), true);
    }
    size += central.length;
    yield central;
  }
  const zip64 = records.length > MAX_16 || start > MAX_32 || size > MAX_32;
  if (zip64) {
    const record = new Uint8Array(56 + 20);
    const view = new DataView(record.buffer);
    view.setUint32(0, ZIP64_END_OF_CENTRAL_DIRECTORY, true);
    view.setBigUint64(4, 44n, true);
    view.setUint16(12, VERSION_ZIP64, true);
    view.setUint16(14, VERSION_ZIP64, true);
    // This disk and the central directory's: 0.
    view.setBigUint64(24, BigInt(records.length), true);
    view.setBigUint64(32, BigInt(records.length), true);
    view.setBigUint64(40, BigInt(size), true);
    view.setBigUint64(48, BigInt(start), true);
    view.setUint32(56, ZIP64_LOCATOR, true);
    view.setBigUint64(64, BigInt(start + size), true);
    view.setUint32(72, 1, true);
    yield record;
  }
  const end = new Uint8Array(22);
  const view = new DataView(end.buffer);
  view.setUint32(0, END_OF_CENTRAL_DIRECTORY, true);
  view.setUint16(8, Math.min(records.length, MAX_16), true);
  view.setUint16(10, Math.min(records.length, MAX_16), true);
  view.setUint32(12, Math.min(size, MAX_32), true);
  view.setUint32(16, zip64 ? MAX_32 : start, true);
  yield end;
}
