import assert from "node:assert/strict";
import { test } from "node:test";
import { deflateRawSync } from "node:zlib";
import yauzl from "yauzl";
import { crc32, zipArchive } from "./zip-writer";

test("crc32 is the zip (IEEE) checksum", () => {
  assert.equal(crc32(new TextEncoder().encode("123456789")), 0xcbf43926);
  assert.equal(crc32(new Uint8Array()), 0);
});

test("a reader finds the entries, stored and deflated, with their UTF-8 names and bytes", async () => {
  const text = new TextEncoder().encode("Zürich ".repeat(100));
  const archive = zipArchive([
    { name: "a/stored.txt", data: text },
    { name: "b/deflated-ü.json", data: text, deflated: deflateRawSync(text) },
  ]);
  const zip = await yauzl.fromBufferPromise(Buffer.from(archive), { lazyEntries: true });
  const found: [string, number, string][] = [];
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    found.push([entry.fileName, entry.compressionMethod, Buffer.concat(chunks).toString("utf8")]);
  }
  const expected = "Zürich ".repeat(100);
  assert.deepEqual(found, [
    ["a/stored.txt", 0, expected],
    ["b/deflated-ü.json", 8, expected],
  ]);
});
