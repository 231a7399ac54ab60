// Zip archives made in tests and benchmarks (lib/import/zip-writer.ts), with
// deflated entries as real archivers write them, and the upload as the route
// receives it: a file on disk.

import { deflateRawSync } from "node:zlib";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { zipArchive, type ZipEntryInput } from "@/lib/import/zip-writer";

/** An entry of `text` (or bytes), deflated. */
export function deflatedEntry(name: string, content: string | Uint8Array, extra: Partial<ZipEntryInput> = {}): ZipEntryInput {
  const data = typeof content === "string" ? new TextEncoder().encode(content) : content;
  return { name, data, deflated: deflateRawSync(data, { level: 9 }), ...extra };
}

/** An entry of `text` (or bytes), stored as is. */
export function storedEntry(name: string, content: string | Uint8Array): ZipEntryInput {
  return { name, data: typeof content === "string" ? new TextEncoder().encode(content) : content };
}

/** The archive of `entries`, written to a new temporary file, as an upload is received. */
export async function writeUploadFile(entries: readonly ZipEntryInput[] | Uint8Array): Promise<{ file: string; bytes: number }> {
  const bytes = entries instanceof Uint8Array ? entries : zipArchive(entries);
  const file = path.join(await mkdtemp(path.join(tmpdir(), "hopper-test-zip-")), "upload");
  await writeFile(file, bytes);
  return { file, bytes: bytes.length };
}

/** A made-up raw article (the corpus's `<title>`, `<source>`, `<date>`, `<text>` layout); `n` makes each one different. */
export function madeUpArticle(n: number): string {
  return [
    `<title>Ransomware hits Testville ${n}</title>`,
    `<source> https://news.example.org/testville-${n} </source>`,
    `<date> 2020_01_${String((n % 28) + 1).padStart(2, "0")} </date>`,
    "<text>",
    `Ransomware hit the town of Testville ${n} on Monday.`,
    `Officials said backups of system ${n} were restored and no ransom was paid.`,
    "</text>",
    "",
  ].join("\n");
}
