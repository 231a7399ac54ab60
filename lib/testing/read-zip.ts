// A zip's entries as text, by name in archive order, read with yauzl: tests of exports check what a reader finds.

import yauzl from "yauzl";

export async function readZipEntries(archive: Buffer): Promise<Map<string, string>> {
  const zip = await yauzl.fromBufferPromise(archive, { lazyEntries: true });
  const entries = new Map<string, string>();
  for await (const entry of zip.eachEntry()) {
    const parts: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) parts.push(chunk as Buffer);
    entries.set(entry.fileName, Buffer.concat(parts).toString("utf8"));
  }
  return entries;
}
