// The adjudication page's shortcuts, one spec each: the key test and the label
// shown on the page come from the same entry, so a shortcut cannot go undocumented.

export type AdjudicationCommand =
  { kind: "accept"; annotator: number } | { kind: "reject" } | { kind: "regroup" } | { kind: "undo" } | { kind: "next" } | { kind: "previous" };

export interface KeyPress {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

interface Shortcut {
  keys: string;
  label: string;
  command: (press: KeyPress) => AdjudicationCommand | null;
}

export const ADJUDICATION_SHORTCUTS = [
  {
    keys: "1–9",
    label: "accept that annotator's version",
    command: ({ key }) => (/^[1-9]$/.test(key) ? { kind: "accept", annotator: Number(key) - 1 } : null),
  },
  {
    keys: "R",
    label: "reject every version (with an optional reason)",
    command: ({ key }) => (key === "r" || key === "R" ? { kind: "reject" } : null),
  },
  {
    keys: "G",
    label: "regroup a hopper cluster yourself (move, merge, split)",
    command: ({ key }) => (key === "g" || key === "G" ? { kind: "regroup" } : null),
  },
  {
    keys: "U",
    label: "undo the decision (what it changed in the gold is taken back)",
    command: ({ key }) => (key === "u" || key === "U" ? { kind: "undo" } : null),
  },
  { keys: "N", label: "next undecided", command: ({ key, shiftKey }) => (key === "n" && !shiftKey ? { kind: "next" } : null) },
  { keys: "Shift+N", label: "previous undecided", command: ({ key, shiftKey }) => (key === "N" && shiftKey ? { kind: "previous" } : null) },
] as const satisfies readonly Shortcut[];

/** The command a key press means on the page, or null (modifier chords belong to the browser). */
export function adjudicationCommand(press: KeyPress): AdjudicationCommand | null {
  if (press.ctrlKey || press.altKey || press.metaKey) return null;
  for (const shortcut of ADJUDICATION_SHORTCUTS) {
    const command = (shortcut.command as Shortcut["command"])(press);
    if (command) return command;
  }
  return null;
}

/** The next (or previous) position among `undecided` ones after `current`, going round; null when none is undecided. */
export function nextUndecided(undecided: readonly boolean[], current: number, direction: 1 | -1): number | null {
  const count = undecided.length;
  for (let step = 1; step <= count; step++) {
    const position = (((current + direction * step) % count) + count) % count;
    if (undecided[position]) return position;
  }
  return null;
}
