// Which json.dumps options a file was written with, read from its white space.

import type { JsonNode, JsonObject } from "./json-reader";
import type { JsonStyle } from "./types";

/** Python's `json.dumps(obj)` defaults: what 999 of the 1,000 corpus files use. */
export const DEFAULT_JSON_STYLE: Readonly<JsonStyle> = Object.freeze({
  indent: null,
  itemSeparator: ", ",
  keySeparator: ": ",
  ensureAscii: true,
  trailingNewline: false,
});

/**
 * The style `text` (whose parsed value is `root`) was written with, judged from
 * the root object's first members. A file no json.dumps call could have written
 * gets the nearest style; the round-trip check then reports where it differs.
 */
export function detectJsonStyle(text: string, root: JsonNode): JsonStyle {
  const style: JsonStyle = {
    ...DEFAULT_JSON_STYLE,
    // json.dumps escapes DEL too, so a raw DEL also means ensure_ascii=False.
    // eslint-disable-next-line no-control-regex -- the ASCII range starts at NUL
    ensureAscii: !/[^\x00-\x7e]/.test(text),
    trailingNewline: text.slice(root.end) === "\n",
  };
  if (root.kind !== "object" || root.members.length === 0) return style;

  const members = root.members;
  const opening = text.slice(root.start + 1, members[0].keyStart);
  if (/^\n[ \t]*$/.test(opening)) {
    const indent = opening.slice(1);
    style.indent = /^ *$/.test(indent) ? indent.length : indent;
    style.itemSeparator = ",";
  }
  style.keySeparator = keySeparator(text, root);
  if (members.length > 1) {
    const between = text.slice(members[0].value.end, members[1].keyStart);
    const newline = between.indexOf("\n");
    style.itemSeparator = style.indent === null || newline === -1 ? between : between.slice(0, newline);
  }
  return style;
}

/** The text between the first key's closing quote and its value. */
function keySeparator(text: string, root: JsonObject): string {
  const valueStart = root.members[0].value.start;
  let pos = valueStart;
  while (pos > 0 && text.charCodeAt(pos - 1) !== 58) pos--;
  pos--;
  while (pos > 0 && isWhitespace(text.charCodeAt(pos - 1))) pos--;
  return text.slice(pos, valueStart);
}

function isWhitespace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}
