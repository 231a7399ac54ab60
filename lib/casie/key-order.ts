// The order members are written in: the file's own order when the object came
// from a file, else the order most corpus files use (docs/casie-format.md).

import type { ObjectLayout } from "./types";

export const MAJORITY_KEY_ORDER = {
  document: ["content", "sourcefile", "cyberevent", "info"],
  cyberevent: ["hopper"],
  hopper: ["index", "relation", "events"],
  eventWithArguments: ["index", "type", "realis", "nugget", "argument", "subtype"],
  eventWithoutArguments: ["nugget", "index", "type", "subtype", "realis"],
  nugget: ["startOffset", "index", "endOffset", "text"],
  argument: ["index", "text", "endOffset", "role", "startOffset", "type"],
  argumentWithLink: ["index", "external_reference", "endOffset", "role", "text", "startOffset", "type"],
  role: ["type"],
  externalReference: ["dbpediaURI", "wikidataid"],
  info: ["title", "date", "type", "link"],
} as const satisfies Record<string, readonly string[]>;

/**
 * The keys to write, in order. `values` has every key Hopper knows for this kind
 * of object: the serialized value, or undefined when absent. Any other key is
 * an extra, written from `layout.extra`.
 * With a layout, its order is kept: known keys whose value is gone are skipped,
 * and present known values the layout lacks (added in the editor) go where the
 * majority order would put them, after the nearest key that precedes them there.
 */
export function orderKeys(layout: ObjectLayout | undefined, majority: readonly string[], values: Record<string, string | undefined>): string[] {
  const keys: string[] = [];
  if (!layout) {
    for (const key of majority) if (values[key] !== undefined) keys.push(key);
    return keys;
  }
  let knownKept = 0;
  let extrasKept = 0;
  for (const key of layout.keys) {
    if (Object.hasOwn(values, key)) {
      if (values[key] !== undefined) {
        keys.push(key);
        knownKept++;
      }
    } else if (Object.hasOwn(layout.extra, key)) {
      keys.push(key);
      extrasKept++;
    }
  }
  // Usually every present value is in the layout and nothing below runs.
  if (knownKept < countPresent(values)) {
    for (let m = 0; m < majority.length; m++) {
      const key = majority[m];
      if (values[key] !== undefined && !keys.includes(key)) keys.splice(insertionIndex(keys, majority, m), 0, key);
    }
  }
  // Extras the layout's key list lacks are still data: they go last rather than being lost.
  if (extrasKept < Object.keys(layout.extra).length) {
    for (const key of Object.keys(layout.extra)) if (!keys.includes(key) && !Object.hasOwn(values, key)) keys.push(key);
  }
  return keys;
}

function countPresent(values: Record<string, string | undefined>): number {
  let count = 0;
  for (const key in values) if (values[key] !== undefined) count++;
  return count;
}

function insertionIndex(keys: string[], majority: readonly string[], m: number): number {
  for (let before = m - 1; before >= 0; before--) {
    const at = keys.indexOf(majority[before]);
    if (at !== -1) return at + 1;
  }
  for (let after = m + 1; after < majority.length; after++) {
    const at = keys.indexOf(majority[after]);
    if (at !== -1) return at;
  }
  return keys.length;
}
