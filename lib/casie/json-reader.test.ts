import assert from "node:assert/strict";
import { test } from "node:test";
import { JsonSyntaxError, readJson, type JsonNode, type JsonObject } from "./json-reader";

const raw = (text: string, node: JsonNode) => text.slice(node.start, node.end);

function syntaxError(text: string): JsonSyntaxError {
  try {
    readJson(text);
  } catch (error) {
    assert.ok(error instanceof JsonSyntaxError, `expected a JsonSyntaxError, got ${String(error)}`);
    return error;
  }
  assert.fail(`${JSON.stringify(text)} was read without error`);
}

test("objects keep their keys in file order, repeated keys included", () => {
  const node = readJson('{"b": 1, "a": 2, "b": 3}') as JsonObject;
  assert.deepEqual(
    node.members.map((m) => m.key),
    ["b", "a", "b"],
  );
  assert.deepEqual(
    node.duplicates?.map((m) => [m.key, m.keyStart]),
    [["b", 17]],
  );
  assert.equal((readJson('{"a": 1, "b": 2}') as JsonObject).duplicates, undefined);
});

test("duplicates are found in large objects too", () => {
  const members = Array.from({ length: 40 }, (_, i) => `"k${i}": ${i}`).concat('"k7": 0');
  const node = readJson(`{${members.join(", ")}}`) as JsonObject;
  assert.deepEqual(
    node.duplicates?.map((m) => m.key),
    ["k7"],
  );
});

test("every value keeps its exact source text", () => {
  const text = '{"confidence": 1.0, "zero": 0.0, "exp": 2.5E-3, "neg": -0, "list": [ 1 , true,null ], "nested": {"x": "\\u00e9"}}';
  const node = readJson(text) as JsonObject;
  const byKey = Object.fromEntries(node.members.map((m) => [m.key, m.value]));
  assert.equal(raw(text, byKey.confidence), "1.0");
  assert.equal(raw(text, byKey.zero), "0.0");
  assert.equal(raw(text, byKey.exp), "2.5E-3");
  assert.equal(raw(text, byKey.list), "[ 1 , true,null ]");
  assert.equal(raw(text, byKey.nested), '{"x": "\\u00e9"}');
  assert.deepEqual(byKey.confidence, { kind: "number", start: 15, end: 18, value: 1, integer: false });
  assert.equal(byKey.neg.kind === "number" && byKey.neg.integer, true);
});

test("strings are decoded, with and without escapes", () => {
  const node = readJson('["plain", "tab\\there", "\\ud83d\\ude00 \\"q\\" \\\\ \\/", ""]');
  assert.equal(node.kind, "array");
  assert.deepEqual(node.kind === "array" && node.items.map((item) => item.kind === "string" && item.value), [
    "plain",
    "tab\there",
    '😀 "q" \\ /',
    "",
  ]);
});

test("numbers, literals and white space", () => {
  const values = (readJson(" \r\n\t[0, -12, 3.25, 1e3, true, false, null] \n") as Extract<JsonNode, { kind: "array" }>).items;
  assert.deepEqual(
    values.map((v) => (v.kind === "number" || v.kind === "literal" ? v.value : undefined)),
    [0, -12, 3.25, 1000, true, false, null],
  );
  assert.deepEqual(
    values.slice(0, 4).map((v) => v.kind === "number" && v.integer),
    [true, true, false, false],
  );
});

test("malformed input is located by line, column and JSON path, saying what was expected", () => {
  const trailing = syntaxError('{"content": "x",\n  }');
  assert.equal(trailing.line, 2);
  assert.equal(trailing.column, 3);
  assert.equal(trailing.path, "$");
  assert.equal(trailing.expected, 'a string key after ","');
  assert.equal(trailing.found, '"}"');
  assert.match(trailing.message, /^expected a string key after ",", found "}" \(line 2, column 3\)$/);

  const inValue = syntaxError('{"cyberevent": {"hopper": [{"index": 0}, {"index": -}]}}');
  assert.equal(inValue.path, "$.cyberevent.hopper[1].index");
  assert.equal(inValue.expected, "a digit");
  // After a complete value, the object holding it is at fault.
  const afterValue = syntaxError('{"cyberevent": {"hopper": [{"index": 0}, {"index": 01}]}}');
  assert.equal(afterValue.path, "$.cyberevent.hopper[1]");
  assert.equal(afterValue.expected, '"," or "}" after an object member');

  assert.equal(syntaxError('{"a": [1 2]}').path, "$.a");
  assert.equal(syntaxError('{"CAPEC-Meta": nul}').path, '$["CAPEC-Meta"]');
  assert.equal(syntaxError('{"a": "open').found, "the end of the input");
  assert.equal(syntaxError('{"a": "open').expected, 'a closing "');
  assert.equal(syntaxError('{"a": "bad \\x escape"}').expected, 'an escape (one of \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)');
  assert.equal(syntaxError('{"a": "\\u12G4"}').expected, "4 hex digits after \\u");
  assert.equal(syntaxError('{"a": "line\nbreak"}').found, "U+000A");
  assert.equal(syntaxError('{"a": 1.}').expected, 'a digit after "."');
  assert.equal(syntaxError('{"a": 1} x').expected, "end of input after the JSON value");
  assert.equal(syntaxError("\ufeff{}").found, "U+FEFF");
  assert.equal(syntaxError("").expected, "a value");
  assert.equal(syntaxError('{"a" 1}').expected, '":" after the key "a"');
});

test("nesting too deep is a syntax error, not a stack overflow", () => {
  const error = syntaxError("[".repeat(5000) + "]".repeat(5000));
  assert.match(error.expected, /at most 1000 nested/);
});
