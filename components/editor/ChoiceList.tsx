"use client";

import { useId, useMemo, useState, type KeyboardEvent } from "react";
import styles from "./Popup.module.css";

export interface Choice {
  value: string;
  label: string;
  /** Shown after the label, e.g. "suggested". */
  hint?: string;
}

interface Props {
  /** Names the list for screen readers, e.g. "Event type". */
  label: string;
  choices: Choice[];
  /** Highlighted at first (Enter picks it). */
  initial?: string;
  onChoose: (value: string) => void;
}

const SHORTCUT_KEYS = "123456789";

/**
 * A type-ahead list: typing filters, ↑/↓ move, Enter picks, and the digit
 * shown beside an entry picks it in one key.
 */
export function ChoiceList({ label, choices, initial, onChoose }: Props) {
  const id = useId();
  const [query, setQuery] = useState("");
  const visible = useMemo(() => filterChoices(choices, query), [choices, query]);
  const [active, setActive] = useState(() =>
    Math.max(
      0,
      choices.findIndex((choice) => choice.value === initial),
    ),
  );
  const current = Math.min(active, visible.length - 1);

  const onKeyDown = (event: KeyboardEvent) => {
    const digit = SHORTCUT_KEYS.indexOf(event.key);
    if (digit !== -1 && !event.ctrlKey && !event.altKey && !event.metaKey) {
      event.preventDefault();
      if (visible[digit]) onChoose(visible[digit].value);
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((current + step + visible.length) % visible.length);
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (visible[current]) onChoose(visible[current].value);
    }
  };

  return (
    <div className={styles.choices}>
      <input
        className={styles.filter}
        role="combobox"
        aria-label={`${label}: type to filter`}
        aria-expanded="true"
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={visible[current] ? `${id}-${current}` : undefined}
        placeholder="Type to filter…"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        autoFocus
      />
      <ul id={`${id}-list`} role="listbox" aria-label={label} className={styles.list}>
        {visible.map((choice, i) => (
          <li
            key={choice.value}
            id={`${id}-${i}`}
            role="option"
            aria-selected={i === current}
            className={styles.option}
            // Keeps focus in the filter field, where the keys are handled.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onChoose(choice.value)}
          >
            <kbd className={styles.key}>{SHORTCUT_KEYS[i] ?? ""}</kbd>
            <span>{choice.label}</span>
            {choice.hint && <span className={styles.hint}>{choice.hint}</span>}
          </li>
        ))}
        {visible.length === 0 && <li className={styles.none}>Nothing matches “{query}”.</li>}
      </ul>
      <p className={styles.keys}>
        <kbd>1</kbd>–<kbd>9</kbd> pick · <kbd>↑</kbd>
        <kbd>↓</kbd> move · <kbd>Enter</kbd> choose · <kbd>Esc</kbd> cancel
      </p>
    </div>
  );
}

/** Entries containing the query (case-insensitive), those starting with it first. */
function filterChoices(choices: Choice[], query: string): Choice[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return choices;
  const matches = choices.filter((choice) => `${choice.label} ${choice.hint ?? ""}`.toLowerCase().includes(needle));
  const starts = (choice: Choice) =>
    choice.label
      .toLowerCase()
      .split(/[\s/]+/)
      .some((word) => word.startsWith(needle));
  return [...matches.filter(starts), ...matches.filter((choice) => !starts(choice))];
}
