// String literals exactly as Python's json.dumps writes them, so exported files
// match the corpus byte for byte.

const SHORT_ESCAPES: Record<number, string> = {
  0x22: '\\"',
  0x5c: "\\\\",
  0x0a: "\\n",
  0x0d: "\\r",
  0x09: "\\t",
  0x08: "\\b",
  0x0c: "\\f",
};

/**
 * With `ensureAscii`, everything outside printable ASCII (0x20-0x7E) becomes
 * `\uXXXX` in lowercase hex, characters above U+FFFF as their surrogate pair
 * (JavaScript strings already hold them that way). Without it, only `"`, `\`
 * and control characters are escaped. `/` is never escaped.
 */
export function quoteJsonString(value: string, ensureAscii: boolean): string {
  const highest = ensureAscii ? 0x7e : 0x10ffff;
  const length = value.length;
  let i = 0;
  for (; i < length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || c > highest) break;
  }
  if (i === length) return '"' + value + '"';

  let out = '"' + value.slice(0, i);
  let copied = i;
  for (; i < length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0x20 && c !== 0x22 && c !== 0x5c && c <= highest) continue;
    if (copied < i) out += value.slice(copied, i);
    out += SHORT_ESCAPES[c] ?? "\\u" + c.toString(16).padStart(4, "0");
    copied = i + 1;
  }
  if (copied < length) out += value.slice(copied);
  return out + '"';
}
