// How much of an export has arrived, counted from its bytes as the export page
// receives them (no Node, no DOM): the entries of a zip written by zip-stream.ts
// (each local header carries its sizes, so the entries can be walked in order),
// or the lines of a JSON Lines file (JSON escapes line breaks inside strings: every
// 0x0A byte ends a line). The server says up front how many there will be.

import type { ExportFormat } from "./export-query";

const LOCAL_HEADER = 0x04034b50;
const HEADER_LENGTH = 30;

/** Feeds chunks in order; each call answers how many whole entries (or lines) have arrived so far. */
export type ProgressCounter = (chunk: Uint8Array) => number;

export function exportProgressCounter(format: ExportFormat): ProgressCounter {
  switch (format) {
    case "zip":
      return zipEntryCounter();
    case "jsonl":
      return lineCounter();
  }
}

function lineCounter(): ProgressCounter {
  let lines = 0;
  return (chunk) => {
    for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) lines++;
    return lines;
  };
}

function zipEntryCounter(): ProgressCounter {
  let entries = 0;
  const header = new Uint8Array(HEADER_LENGTH);
  let headerBytes = 0;
  /** Bytes of the current entry still to come after its header; -1 while a header is being read. */
  let skipping = -1;
  let finished = false;
  return (chunk) => {
    let at = 0;
    while (!finished && at < chunk.length) {
      if (skipping >= 0) {
        const taken = Math.min(skipping, chunk.length - at);
        skipping -= taken;
        at += taken;
        if (skipping === 0) {
          entries++;
          skipping = -1;
        }
        continue;
      }
      const taken = Math.min(HEADER_LENGTH - headerBytes, chunk.length - at);
      header.set(chunk.subarray(at, at + taken), headerBytes);
      headerBytes += taken;
      at += taken;
      if (headerBytes < HEADER_LENGTH) continue;
      headerBytes = 0;
      const view = new DataView(header.buffer);
      // The central directory: no entries follow.
      if (view.getUint32(0, true) !== LOCAL_HEADER) {
        finished = true;
        break;
      }
      skipping = view.getUint16(26, true) + view.getUint16(28, true) + view.getUint32(18, true);
      if (skipping === 0) {
        entries++;
        skipping = -1;
      }
    }
    return entries;
  };
}
