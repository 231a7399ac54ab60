// Keys pressed while the editor loads: the page shows the text before its
// script runs, and an annotator starts typing at once. An inline script in the
// server's HTML queues those keys (and says so in the loading note); once the
// editor is ready it replays them, one at a time, to whatever then has focus.
// The script is a module, run as soon as the page is parsed: a classic inline
// script would hold up parsing until the style sheets arrive, and with it the
// first paint (the app's own scripts would then hydrate before it).

/** A queued key, as the inline script records it. */
interface EarlyKey {
  key: string;
  code: string;
  shiftKey: boolean;
}

interface EarlyKeysWindow {
  /** Set by EARLY_KEYS_SCRIPT: stops queueing and hands over what was queued. */
  __hopperEarlyKeys?: () => EarlyKey[];
}

/**
 * Queues keys until the editor takes them, unless it is ready already. Only
 * keys without Ctrl, Alt or ⌘ (the editor's own, not the browser's) are
 * queued, and none aimed at a link, button or field. The note
 * `[data-early-keys]` counts them.
 */
export const EARLY_KEYS_SCRIPT = `(function () {
  if (document.querySelector("[data-testid=editor][data-ready]")) return;
  var keys = [];
  var editorKey = /^(.|Enter|Escape|Backspace|Delete|ArrowLeft|ArrowRight|ArrowUp|ArrowDown|F3)$/;
  function onKeyDown(event) {
    if (event.ctrlKey || event.altKey || event.metaKey || !editorKey.test(event.key)) return;
    if (event.target && event.target.closest && event.target.closest("a, button, input, select, textarea")) return;
    event.preventDefault();
    keys.push({ key: event.key, code: event.code, shiftKey: event.shiftKey });
    var note = document.querySelector("[data-early-keys]");
    if (note) note.textContent = "Loading the editor… " + (keys.length === 1 ? "1 key" : keys.length + " keys") + " pressed will run once it is ready.";
  }
  addEventListener("keydown", onKeyDown, true);
  window.__hopperEarlyKeys = function () {
    removeEventListener("keydown", onKeyDown, true);
    var queued = keys;
    keys = [];
    return queued;
  };
})();`;

/** Replays the queued keys, each once what the one before opened (a popup and its field) is on screen. */
export async function replayEarlyKeys(): Promise<void> {
  const early = window as EarlyKeysWindow;
  const take = early.__hopperEarlyKeys;
  delete early.__hopperEarlyKeys;
  for (const key of take?.() ?? []) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    const target = document.activeElement ?? document.body;
    const unhandled = target.dispatchEvent(new KeyboardEvent("keydown", { ...key, bubbles: true, cancelable: true }));
    // What the browser would do with a character nobody handled: type it into the field.
    if (unhandled && key.key.length === 1 && target instanceof HTMLInputElement) typeInto(target, key.key);
  }
}

/** Types `text` at the field's caret, as React sees typing: through the value setter and an input event. */
function typeInto(input: HTMLInputElement, text: string): void {
  const start = input.selectionStart ?? input.value.length;
  const end = input.selectionEnd ?? start;
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!.call(input, input.value.slice(0, start) + text + input.value.slice(end));
  input.setSelectionRange(start + text.length, start + text.length);
  input.dispatchEvent(new Event("input", { bubbles: true }));
}
