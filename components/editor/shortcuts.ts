// Keyboard shortcuts written once as text ("Ctrl+Shift+Z") and turned into both
// the test the keyboard handler runs and the label the help overlay shows, so
// the two cannot disagree.

export interface Shortcut {
  /** As shown to the user, e.g. "Ctrl+Shift+Z". */
  label: string;
  keyTest: (event: KeyboardLike) => boolean;
}

/** What a shortcut looks at in a keyboard event (React's and the DOM's both fit). */
export interface KeyboardLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

const KEY_LABELS: Record<string, string> = {
  ArrowLeft: "←",
  ArrowRight: "→",
  ArrowUp: "↑",
  ArrowDown: "↓",
  Escape: "Esc",
  Delete: "Del",
  Backspace: "Backspace",
};

/**
 * `spec` is modifiers and a key joined by "+": "Ctrl+Z", "Shift+N", "Alt+ArrowRight", "?".
 * Ctrl also matches ⌘ on a Mac. Shift is ignored for a key that is a symbol
 * ("?" needs Shift on some layouts, not on others); a letter matches either case.
 */
export function shortcut(spec: string): Shortcut {
  const parts = spec.split("+");
  // "Ctrl++" would name the "+" key: the last part is the key even when empty.
  const key = parts.pop() || "+";
  const ctrl = parts.includes("Ctrl");
  const alt = parts.includes("Alt");
  const shift = parts.includes("Shift");
  const isLetter = /^[a-z]$/i.test(key);
  const isSymbol = key.length === 1 && !isLetter && !/\d/.test(key);
  return {
    label: [...parts, KEY_LABELS[key] ?? (isLetter ? key.toUpperCase() : key)].join("+"),
    keyTest: (event) =>
      (isLetter ? event.key.toLowerCase() === key.toLowerCase() : event.key === key) &&
      (event.ctrlKey || event.metaKey) === ctrl &&
      event.altKey === alt &&
      (isSymbol || event.shiftKey === shift),
  };
}

/** Several shortcuts for one action, e.g. Ctrl+Shift+Z and Ctrl+Y for redo; labelled "A or B". */
export function anyOf(...shortcuts: Shortcut[]): Shortcut {
  return {
    label: shortcuts.map((s) => s.label).join(" or "),
    keyTest: (event) => shortcuts.some((s) => s.keyTest(event)),
  };
}
