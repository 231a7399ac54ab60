"use client";

import { ACTIONS, type ActionGroup } from "./actions";
import styles from "./Popup.module.css";
import { PopupFrame } from "./PopupFrame";
import { useActionContext } from "./use-action-context";

const GROUPS: ActionGroup[] = ["Text", "Events and arguments", "Hoppers", "History", "View"];

/** Every shortcut, generated from the action registry (with the settings' current values), plus the keys of the popups and what the mouse does. */
export function ShortcutHelp() {
  const context = useActionContext();
  const { editor } = context;
  return (
    <PopupFrame title="Keyboard shortcuts" anchor={() => null} onClose={() => editor.closePopup()} testId="shortcut-help" wide>
      <div className={styles.help}>
        {GROUPS.map((group) => (
          <section key={group} aria-label={group}>
            <h3>{group}</h3>
            <dl>
              {ACTIONS.filter((action) => action.group === group).map((action) => (
                <div key={action.name} data-action={action.name}>
                  <dt>
                    <kbd>{action.shortcut.label}</kbd>
                  </dt>
                  <dd>
                    {action.label}
                    {action.scope === "text" && " (in the text)"}
                    {action.status && (
                      <>
                        {": "}
                        <strong data-status="">now {action.status(context)}</strong>
                      </>
                    )}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
        <section aria-label="In a popup">
          <h3>In a popup</h3>
          <dl>
            <dt>
              <kbd>1</kbd>–<kbd>9</kbd>
            </dt>
            <dd>Pick the entry with that number</dd>
            <dt>letters</dt>
            <dd>Filter the list (type-ahead)</dd>
            <dt>
              <kbd>↑</kbd> <kbd>↓</kbd> <kbd>Enter</kbd>
            </dt>
            <dd>Move through the list, pick</dd>
            <dt>
              <kbd>Esc</kbd>
            </dt>
            <dd>Close without changing anything</dd>
          </dl>
        </section>
        <section aria-label="Mouse">
          <h3>Mouse</h3>
          <dl>
            <dt>drag, double-click</dt>
            <dd>Select text (snapped to words when snapping is on)</dd>
            <dt>click a span</dt>
            <dd>A nugget selects its event; an argument selects its span, to re-use with A</dd>
            <dt>drag an event</dt>
            <dd>Onto another hopper in the Hoppers panel: moves it there</dd>
          </dl>
        </section>
      </div>
    </PopupFrame>
  );
}
