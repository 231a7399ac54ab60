// The files of a received upload: a .zip read entry by entry (yauzl, from the
// file on disk, never whole in memory), or a single .json or .txt file. A zip is
// checked whole before anything is imported: the count of its entries, their
// paths, and what they inflate to, counted while inflating (headers can lie),
// against the upload limits. A limit broken refuses the whole upload; a file that
// is not an article is reported as skipped.

import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import yauzl from "yauzl";
import { archiveMetadataReason, archivePathProblem } from "./archive-path";
import { compareFileNames, importFileKind, UNSUPPORTED_FILE_REASON } from "./collect-files";
import type { ImportSource, SkippedFile } from "./import-files";
import { describeBytes, UploadRefusal, uploadTooLarge, type UploadLimits } from "./upload-limits";

export interface UploadContents {
  /** The importable files, in the natural order of their paths. */
  sources: ImportSource[];
  /** Entries that are not articles (other file types, macOS metadata), with the reason. */
  skipped: SkippedFile[];
  close(): void;
}

/** The files of the upload at `file`, sent under the name `uploadName` (its extension says what it is). */
export async function openUpload(file: string, uploadName: string, bytes: number, limits: UploadLimits): Promise<UploadContents> {
  if (bytes > limits.maxUploadBytes) throw uploadTooLarge(limits);
  if (path.extname(uploadName).toLowerCase() === ".zip") return openZip(file, limits);
  const kind = importFileKind(uploadName);
  if (!kind)
    throw new UploadRefusal(415, "unsupported-media-type", `${uploadName}: upload a .zip archive, a CASIE .json file or a raw .txt article.`);
  if (bytes > limits.maxEntryBytes) throw new UploadRefusal(413, "too-large", `${uploadName} is larger than ${describeBytes(limits.maxEntryBytes)}.`);
  return { sources: [{ name: uploadName, kind, read: () => readFile(file) }], skipped: [], close() {} };
}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
/** Entry names come as bytes: decoded as the entry's flags say, backslashes kept so they can be refused. */
const STRICT_NAMES = true;

async function openZip(file: string, limits: UploadLimits): Promise<UploadContents> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true });
  } catch (error) {
    throw new UploadRefusal(400, "invalid-request", `The upload is not a readable zip archive (${(error as Error).message}).`);
  }
  try {
    if (zip.entryCount > limits.maxEntries) throw tooManyEntries(zip.entryCount, limits);
    const contents = await checkEntries(zip, limits);
    return { ...contents, close: () => zip.close() };
  } catch (error) {
    zip.close();
    throw error;
  }
}

function tooManyEntries(count: number, limits: UploadLimits): UploadRefusal {
  return new UploadRefusal(
    413,
    "too-large",
    `The zip archive has ${count.toLocaleString("en")} entries; at most ${limits.maxEntries.toLocaleString("en")} are taken.`,
  );
}

/** Every entry's path, kind and inflated size, inflating each importable one to count its bytes. */
async function checkEntries(zip: yauzl.ZipFile, limits: UploadLimits): Promise<Omit<UploadContents, "close">> {
  const importable: { name: string; entry: yauzl.Entry; kind: NonNullable<ReturnType<typeof importFileKind>> }[] = [];
  const skipped: SkippedFile[] = [];
  let entries = 0;
  let total = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      if (++entries > limits.maxEntries) throw tooManyEntries(entries, limits);
      const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, STRICT_NAMES);
      const problem = archivePathProblem(name);
      if (problem) throw new UploadRefusal(400, "invalid-request", `The zip archive is refused: ${problem}.`);
      if (name.endsWith("/")) continue;
      const skip = (reason: string) => skipped.push({ file: name, reason, errors: [] });
      const kind = importFileKind(name);
      const metadata = archiveMetadataReason(name);
      if (metadata) skip(metadata);
      else if (!kind) skip(UNSUPPORTED_FILE_REASON);
      else if (((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK) skip("a symbolic link, not a file");
      else if (entry.isEncrypted()) skip("encrypted: store it unencrypted");
      else if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)
        skip(`compressed with method ${entry.compressionMethod}: only stored and deflated entries are read`);
      else {
        // The headers' sizes refuse early what they admit to; the bytes counted while inflating are what count.
        if (entry.uncompressedSize > limits.maxEntryBytes) throw entryTooLarge(name, limits);
        total += await inflatedSize(zip, entry, name, limits, limits.maxTotalBytes - total);
        importable.push({ name, entry, kind });
      }
    }
  } catch (error) {
    if (error instanceof UploadRefusal) throw error;
    throw damaged(error);
  }
  importable.sort((a, b) => compareFileNames(a.name, b.name));
  skipped.sort((a, b) => compareFileNames(a.file, b.file));
  const sources = importable.map(({ name, entry, kind }) => ({ name, kind, read: () => readEntry(zip, entry, name, limits) }));
  return { sources, skipped };
}

function entryTooLarge(name: string, limits: UploadLimits): UploadRefusal {
  return new UploadRefusal(413, "too-large", `The zip archive is refused: ${name} inflates to more than ${describeBytes(limits.maxEntryBytes)}.`);
}

function damaged(error: unknown): UploadRefusal {
  const message = (error as Error).message;
  // yauzl's check that an entry inflates to no more than its header says.
  if (message.startsWith("too many bytes in the stream"))
    return new UploadRefusal(413, "too-large", "The zip archive is refused: an entry inflates to more than its header says (a zip bomb?).");
  return new UploadRefusal(400, "invalid-request", `The zip archive is damaged: ${message}.`);
}

/** Streams the entry through inflation, counting bytes; refuses as soon as a limit is passed, before inflating further. */
async function inflatedSize(zip: yauzl.ZipFile, entry: yauzl.Entry, name: string, limits: UploadLimits, totalLeft: number): Promise<number> {
  let bytes = 0;
  await consume(await zip.openReadStreamPromise(entry), (chunk) => {
    bytes += chunk.length;
    if (bytes > limits.maxEntryBytes) throw entryTooLarge(name, limits);
    if (bytes > totalLeft)
      throw new UploadRefusal(
        413,
        "too-large",
        `The zip archive is refused: its files inflate to more than ${describeBytes(limits.maxTotalBytes)} together.`,
      );
    if (bytes > limits.ratioFloorBytes && bytes > limits.maxRatio * Math.max(entry.compressedSize, 1))
      throw new UploadRefusal(
        413,
        "too-large",
        `The zip archive is refused: ${name} inflates more than ${limits.maxRatio} times its compressed size (a zip bomb?).`,
      );
  });
  return bytes;
}

/** The entry's bytes, for the import (its size was checked when the archive was). */
async function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, name: string, limits: UploadLimits): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  try {
    await consume(await zip.openReadStreamPromise(entry), (chunk) => {
      bytes += chunk.length;
      if (bytes > limits.maxEntryBytes) throw entryTooLarge(name, limits);
      chunks.push(chunk);
    });
  } catch (error) {
    throw error instanceof UploadRefusal ? error : damaged(error);
  }
  return Buffer.concat(chunks, bytes);
}

/** Reads `stream` to its end, chunk by chunk; when `take` throws, the stream is destroyed and the error thrown. */
async function consume(stream: Readable, take: (chunk: Buffer) => void): Promise<void> {
  try {
    for await (const chunk of stream) take(chunk as Buffer);
  } finally {
    stream.destroy();
  }
}
