import assert from "node:assert/strict";
import { test } from "node:test";
import yauzl from "yauzl";
import { exportProgressCounter } from "./export-progress";
import { zipStream, type ZipStreamEntry } from "./zip-stream";

const encoder = new TextEncoder();
const MODIFIED = new Date(2026, 10, 25, 14, 30, 10);

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
}

/** Every entry's name, compression method, modification time and text, as yauzl reads them. */
async function readZip(archive: Buffer): Promise<{ name: string; method: number; modified: Date; text: string }[]> {
  const zip = await yauzl.fromBufferPromise(archive, { lazyEntries: true });
  const found = [];
  for await (const entry of zip.eachEntry()) {
    const parts: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) parts.push(chunk as Buffer);
    found.push({
      name: entry.fileName,
      method: entry.compressionMethod,
      modified: entry.getLastModDate(),
      text: Buffer.concat(parts).toString("utf8"),
    });
  }
  return found;
}

test("a reader finds each entry with its UTF-8 name and bytes: deflated when that is smaller, stored when not", async () => {
  const long = "Zürich hackers ".repeat(200);
  const entries: ZipStreamEntry[] = [
    { name: "gold/2602.json", data: encoder.encode(long) },
    { name: "ann@example.org/é.json", data: encoder.encode("{}") },
    { name: "empty.json", data: new Uint8Array() },
  ];
  const found = await readZip(await collect(zipStream(entries, { modified: MODIFIED })));
  assert.deepEqual(
    found.map(({ name, method, text }) => [name, method, text]),
    [
      ["gold/2602.json", 8, long],
      ["ann@example.org/é.json", 0, "{}"],
      ["empty.json", 0, ""],
    ],
  );
  assert.equal(found[0].modified.getTime(), MODIFIED.getTime(), "the time, to zip's two seconds");
});

test("level 0 stores every entry; an archive without entries is still a zip", async () => {
  const found = await readZip(
    await collect(zipStream([{ name: "a.json", data: encoder.encode("a".repeat(1000)) }], { modified: MODIFIED, level: 0 })),
  );
  assert.deepEqual(
    found.map(({ method }) => method),
    [0],
  );
  assert.deepEqual(await readZip(await collect(zipStream([], { modified: MODIFIED }))), []);
});

test("entries are written as they come: the first entry's bytes are out before the second is asked for", async () => {
  let asked = 0;
  async function* entries() {
    asked++;
    yield await Promise.resolve({ name: "1.json", data: encoder.encode("one") });
    asked++;
    yield { name: "2.json", data: encoder.encode("two") };
  }
  const chunks = zipStream(entries(), { modified: MODIFIED });
  const first = await chunks.next();
  assert.equal(asked, 1);
  assert.ok(!first.done);
  await chunks.return(undefined);
});

test("past 65,535 entries the archive gets zip64 records, and a reader finds every entry", { timeout: 120_000 }, async () => {
  const count = 65_537;
  function* entries() {
    for (let i = 0; i < count; i++) yield { name: `${i}`, data: new Uint8Array() };
  }
  const archive = await collect(zipStream(entries(), { modified: MODIFIED, level: 0 }));
  const zip = await yauzl.fromBufferPromise(archive, { lazyEntries: true });
  assert.equal(zip.entryCount, count);
  let last = "";
  for await (const entry of zip.eachEntry()) last = entry.fileName;
  assert.equal(last, `${count - 1}`);
  zip.close();
});

test("the progress counter counts a zip's entries however its bytes are cut, and stops at the central directory", async () => {
  const entries = Array.from({ length: 7 }, (_, i) => ({
    name: `gold/${i}.json`,
    data: encoder.encode(`{"n": ${i}, "text": "${"x".repeat(i * 300)}"}`),
  }));
  const archive = await collect(zipStream(entries, { modified: MODIFIED }));
  for (const cut of [1, 7, 64, archive.length]) {
    const count = exportProgressCounter("zip");
    const seen: number[] = [];
    for (let at = 0; at < archive.length; at += cut) seen.push(count(archive.subarray(at, at + cut)));
    assert.equal(seen.at(-1), 7, `cut every ${cut} bytes`);
    assert.deepEqual(
      seen,
      [...seen].sort((a, b) => a - b),
      "never goes back",
    );
  }
});

test("the progress counter counts JSON Lines lines", () => {
  const count = exportProgressCounter("jsonl");
  assert.equal(count(encoder.encode('{"a":"line\\nbreak"}\n{"b"')), 1);
  assert.equal(count(encoder.encode(":2}\n")), 2);
});
