import assert from "node:assert/strict";
import { test } from "node:test";
import { ACTIONS } from "./actions";
import { anyOf, shortcut, type KeyboardLike } from "./shortcuts";

const key = (key: string, modifiers: Partial<KeyboardLike> = {}): KeyboardLike => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...modifiers,
});

test("a shortcut matches its keys and modifiers exactly", () => {
  const undo = shortcut("Ctrl+Z");
  assert.equal(undo.label, "Ctrl+Z");
  assert.ok(undo.keyTest(key("z", { ctrlKey: true })));
  assert.ok(undo.keyTest(key("z", { metaKey: true })));
  assert.ok(!undo.keyTest(key("z")));
  assert.ok(!undo.keyTest(key("Z", { ctrlKey: true, shiftKey: true })));
  assert.ok(shortcut("Shift+N").keyTest(key("N", { shiftKey: true })));
  assert.ok(!shortcut("N").keyTest(key("N", { shiftKey: true })));
});

test("symbols ignore Shift, which some layouts need to type them", () => {
  assert.ok(shortcut("?").keyTest(key("?", { shiftKey: true })));
  assert.ok(shortcut("[").keyTest(key("[")));
  assert.equal(anyOf(shortcut("Delete"), shortcut("Backspace")).label, "Del or Backspace");
});

test("no two actions share a key in the same place", () => {
  const probes = ACTIONS.flatMap((action) => probeKeys(action.shortcut.label).map((probe) => ({ action, probe })));
  for (const { action, probe } of probes) {
    const matching = ACTIONS.filter((other) => other.shortcut.keyTest(probe) && (other.scope ?? "any") === (action.scope ?? "any"));
    assert.deepEqual(
      matching.map((a) => a.name),
      [action.name],
      `${action.shortcut.label}`,
    );
  }
});

/** Key events that a shortcut label describes (one per alternative). */
function probeKeys(label: string): KeyboardLike[] {
  const names: Record<string, string> = { "←": "ArrowLeft", "→": "ArrowRight", Esc: "Escape", Del: "Delete" };
  return label.split(" or ").map((one) => {
    const parts = one.split("+");
    const last = parts.pop() || "+";
    const name = names[last] ?? (/^[A-Z]$/.test(last) ? last.toLowerCase() : last);
    return key(name, { ctrlKey: parts.includes("Ctrl"), altKey: parts.includes("Alt"), shiftKey: parts.includes("Shift") });
  });
}
