// A JSON reader that keeps what JSON.parse throws away: each object's key order,
// repeated keys, and where every value sits in the text, so unknown members can
// be written back verbatim (`1.0` stays `1.0`) and problems can be located.

import { createLineLocator, type TextPosition } from "./text-position";

/** `start` and `end` (exclusive) delimit the value's exact source text. */
interface JsonSpan {
  start: number;
  end: number;
}

export interface JsonObject extends JsonSpan {
  kind: "object";
  /** In file order, repeated keys included. */
  members: JsonMember[];
  /** Members whose key an earlier member of the same object already used. */
  duplicates?: JsonMember[];
}

export interface JsonMember {
  key: string;
  /** Offset of the key's opening quote. */
  keyStart: number;
  value: JsonNode;
}

export interface JsonArray extends JsonSpan {
  kind: "array";
  items: JsonNode[];
}

export interface JsonString extends JsonSpan {
  kind: "string";
  value: string;
}

export interface JsonNumber extends JsonSpan {
  kind: "number";
  value: number;
  /** Written without fraction or exponent (`5`, not `5.0` or `5e0`). */
  integer: boolean;
}

export interface JsonLiteral extends JsonSpan {
  kind: "literal";
  value: boolean | null;
}

export type JsonNode = JsonObject | JsonArray | JsonString | JsonNumber | JsonLiteral;

export class JsonSyntaxError extends Error {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
  readonly expected: string;
  readonly found: string;
  /** JSON path of the innermost value being read, e.g. `$.cyberevent.hopper[2]`. */
  path: string;

  constructor(offset: number, position: TextPosition, expected: string, found: string) {
    super(`expected ${expected}, found ${found} (line ${position.line}, column ${position.column})`);
    this.name = "JsonSyntaxError";
    this.offset = offset;
    this.line = position.line;
    this.column = position.column;
    this.expected = expected;
    this.found = found;
    this.path = "";
  }
}

/** Python's json module gives up near this depth too; deeper input would overflow the stack. */
const MAX_DEPTH = 1000;

/** Reads one JSON value (surrounding white space allowed); throws JsonSyntaxError. */
export function readJson(text: string): JsonNode {
  const reader = new JsonReader(text);
  try {
    const root = reader.readValue(0);
    reader.expectEnd();
    return root;
  } catch (error) {
    if (error instanceof JsonSyntaxError) error.path = "$" + error.path;
    throw error;
  }
}

/** `.key` when the key is an identifier, else `["key"]`. */
export function pathSegment(key: string | number): string {
  if (typeof key === "number") return `[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

const QUOTE = 34;
const BACKSLASH = 92;

class JsonReader {
  private readonly text: string;
  private pos = 0;

  constructor(text: string) {
    this.text = text;
  }

  readValue(depth: number): JsonNode {
    this.skipWhitespace();
    const c = this.text.charCodeAt(this.pos);
    if (c === QUOTE) {
      const start = this.pos;
      const value = this.readString();
      return { kind: "string", start, end: this.pos, value };
    }
    if (c === 45 || (c >= 48 && c <= 57)) return this.readNumber();
    if (c === 123) return this.readObject(depth);
    if (c === 91) return this.readArray(depth);
    if (c === 116) return this.readLiteral("true", true);
    if (c === 102) return this.readLiteral("false", false);
    if (c === 110) return this.readLiteral("null", null);
    throw this.fail("a value");
  }

  expectEnd(): void {
    this.skipWhitespace();
    if (this.pos < this.text.length) throw this.fail("end of input after the JSON value");
  }

  private readObject(depth: number): JsonObject {
    if (depth >= MAX_DEPTH) throw this.fail(`at most ${MAX_DEPTH} nested objects and arrays`);
    const text = this.text;
    const start = this.pos++;
    const members: JsonMember[] = [];
    this.skipWhitespace();
    if (text.charCodeAt(this.pos) === 125) {
      this.pos++;
      return { kind: "object", start, end: this.pos, members };
    }
    // The key whose value is being read, to name it in a syntax error's path.
    let valueKey: string | null = null;
    try {
      for (;;) {
        if (text.charCodeAt(this.pos) !== QUOTE) throw this.fail(members.length ? 'a string key after ","' : 'a string key or "}"');
        const keyStart = this.pos;
        const key = this.readString();
        this.skipWhitespace();
        if (text.charCodeAt(this.pos) !== 58) throw this.fail(`":" after the key ${JSON.stringify(key)}`);
        this.pos++;
        valueKey = key;
        const value = this.readValue(depth + 1);
        valueKey = null;
        members.push({ key, keyStart, value });
        this.skipWhitespace();
        const c = text.charCodeAt(this.pos);
        if (c === 44) {
          this.pos++;
          this.skipWhitespace();
        } else if (c === 125) {
          this.pos++;
          break;
        } else {
          throw this.fail('"," or "}" after an object member');
        }
      }
    } catch (error) {
      if (valueKey !== null && error instanceof JsonSyntaxError) error.path = pathSegment(valueKey) + error.path;
      throw error;
    }
    const node: JsonObject = { kind: "object", start, end: this.pos, members };
    const duplicates = findDuplicateMembers(members);
    if (duplicates) node.duplicates = duplicates;
    return node;
  }

  private readArray(depth: number): JsonArray {
    if (depth >= MAX_DEPTH) throw this.fail(`at most ${MAX_DEPTH} nested objects and arrays`);
    const text = this.text;
    const start = this.pos++;
    const items: JsonNode[] = [];
    this.skipWhitespace();
    if (text.charCodeAt(this.pos) === 93) {
      this.pos++;
      return { kind: "array", start, end: this.pos, items };
    }
    // The index of the item being read, to name it in a syntax error's path.
    let itemIndex = -1;
    try {
      for (;;) {
        itemIndex = items.length;
        const item = this.readValue(depth + 1);
        itemIndex = -1;
        items.push(item);
        this.skipWhitespace();
        const c = text.charCodeAt(this.pos);
        if (c === 44) {
          this.pos++;
        } else if (c === 93) {
          this.pos++;
          break;
        } else {
          throw this.fail('"," or "]" after an array item');
        }
      }
    } catch (error) {
      if (itemIndex >= 0 && error instanceof JsonSyntaxError) error.path = pathSegment(itemIndex) + error.path;
      throw error;
    }
    return { kind: "array", start, end: this.pos, items };
  }

  /** Reads the string at `pos` (its opening quote); leaves `pos` after the closing quote. */
  private readString(): string {
    const text = this.text;
    const start = this.pos;
    let pos = start + 1;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c >= 32 && c !== QUOTE && c !== BACKSLASH) {
        pos++;
      } else if (c === QUOTE) {
        this.pos = pos + 1;
        return text.slice(start + 1, pos);
      } else if (c === BACKSLASH) {
        return this.readEscapedString(start, pos);
      } else {
        this.pos = pos;
        throw this.fail(pos >= text.length ? 'a closing "' : "a character allowed in a string (control characters must be escaped)");
      }
    }
  }

  /** The slow path: checks the escapes, then lets JSON.parse decode the lexeme. */
  private readEscapedString(start: number, firstBackslash: number): string {
    const text = this.text;
    let pos = firstBackslash;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === QUOTE) break;
      if (c === BACKSLASH) {
        const e = text.charCodeAt(pos + 1);
        if (e === 117) {
          for (let i = pos + 2; i < pos + 6; i++) {
            if (!isHexDigit(text.charCodeAt(i))) {
              this.pos = i;
              throw this.fail("4 hex digits after \\u");
            }
          }
          pos += 6;
        } else if (e === QUOTE || e === BACKSLASH || e === 47 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116) {
          pos += 2;
        } else {
          this.pos = pos + 1;
          throw this.fail('an escape (one of \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)');
        }
      } else if (c >= 32) {
        pos++;
      } else {
        this.pos = pos;
        throw this.fail(pos >= text.length ? 'a closing "' : "a character allowed in a string (control characters must be escaped)");
      }
    }
    this.pos = pos + 1;
    return JSON.parse(text.slice(start, pos + 1)) as string;
  }

  private readNumber(): JsonNumber {
    const text = this.text;
    const start = this.pos;
    let pos = start;
    let integer = true;
    if (text.charCodeAt(pos) === 45) pos++;
    const first = text.charCodeAt(pos);
    if (first === 48) {
      pos++;
    } else if (first >= 49 && first <= 57) {
      pos = skipDigits(text, pos + 1);
    } else {
      this.pos = pos;
      throw this.fail("a digit");
    }
    if (text.charCodeAt(pos) === 46) {
      integer = false;
      pos = this.requireDigits(pos + 1, 'a digit after "."');
    }
    const e = text.charCodeAt(pos);
    if (e === 101 || e === 69) {
      integer = false;
      pos++;
      const sign = text.charCodeAt(pos);
      if (sign === 43 || sign === 45) pos++;
      pos = this.requireDigits(pos, "a digit in the exponent");
    }
    this.pos = pos;
    return { kind: "number", start, end: pos, value: Number(text.slice(start, pos)), integer };
  }

  private requireDigits(pos: number, expected: string): number {
    const end = skipDigits(this.text, pos);
    if (end === pos) {
      this.pos = pos;
      throw this.fail(expected);
    }
    return end;
  }

  private readLiteral(word: "true" | "false" | "null", value: boolean | null): JsonLiteral {
    const start = this.pos;
    if (!this.text.startsWith(word, start)) throw this.fail("a value");
    this.pos = start + word.length;
    return { kind: "literal", start, end: this.pos, value };
  }

  private skipWhitespace(): void {
    const text = this.text;
    let pos = this.pos;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 32 || c === 10 || c === 13 || c === 9) pos++;
      else break;
    }
    this.pos = pos;
  }

  private fail(expected: string): JsonSyntaxError {
    return new JsonSyntaxError(this.pos, createLineLocator(this.text)(this.pos), expected, describeCharAt(this.text, this.pos));
  }
}

function skipDigits(text: string, pos: number): number {
  for (;;) {
    const c = text.charCodeAt(pos);
    if (c >= 48 && c <= 57) pos++;
    else return pos;
  }
}

function isHexDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

function describeCharAt(text: string, pos: number): string {
  if (pos >= text.length) return "the end of the input";
  const code = text.codePointAt(pos)!;
  if (code < 32 || code === 127 || code === 0xfeff) return `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  return JSON.stringify(String.fromCodePoint(code));
}

/** Objects are small (CASIE's have at most 7 keys): a pairwise scan beats building a Set. */
function findDuplicateMembers(members: JsonMember[]): JsonMember[] | undefined {
  let duplicates: JsonMember[] | undefined;
  if (members.length <= 16) {
    for (let i = 1; i < members.length; i++) {
      const key = members[i].key;
      for (let j = 0; j < i; j++) {
        if (members[j].key === key) {
          (duplicates ??= []).push(members[i]);
          break;
        }
      }
    }
  } else {
    const seen = new Set<string>();
    for (const member of members) {
      if (seen.has(member.key)) (duplicates ??= []).push(member);
      else seen.add(member.key);
    }
  }
  return duplicates;
}
