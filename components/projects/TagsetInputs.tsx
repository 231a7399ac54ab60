"use client";

import { Button } from "@/components/ui/Button";
import styles from "./TagsetEditor.module.css";

/** A name in the tagset, edited in place. */
export function NameInput({ label, value, onChange }: { label: string; value: string; onChange: (name: string) => void }) {
  return <input className={styles.name} aria-label={label} value={value} maxLength={100} onChange={(event) => onChange(event.target.value)} />;
}

/** Checkboxes choosing some of `options`. */
export function CheckList(props: { label: string; options: string[]; checked: string[]; onToggle: (option: string, on: boolean) => void }) {
  const { label, options, checked, onToggle } = props;
  return (
    <div role="group" aria-label={label} className={styles.checks}>
      {options.map((option) => (
        <label key={option} className={styles.check}>
          <input type="checkbox" checked={checked.includes(option)} onChange={(event) => onToggle(option, event.target.checked)} />
          {option}
        </label>
      ))}
    </div>
  );
}

/** A list of names (entity types, realis values, hopper relations): rename, remove, add. */
export function NameList(props: {
  title: string;
  itemLabel: string;
  names: string[];
  onRename: (index: number, name: string) => void;
  onRemove: (index: number) => void;
  onAdd: () => void;
}) {
  const { title, itemLabel, names, onRename, onRemove, onAdd } = props;
  const id = title.toLowerCase().replace(/\W+/g, "-");
  return (
    <section className={styles.section} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ul className={styles.names}>
        {names.map((name, i) => (
          <li key={i} className={styles.row}>
            <NameInput label={`${itemLabel} ${i + 1}`} value={name} onChange={(value) => onRename(i, value)} />
            <Button size="compact" variant="danger" onClick={() => onRemove(i)} aria-label={`Remove ${itemLabel.toLowerCase()} ${name}`}>
              Remove
            </Button>
          </li>
        ))}
      </ul>
      <div>
        <Button size="compact" onClick={onAdd}>
          Add {itemLabel.toLowerCase()}
        </Button>
      </div>
    </section>
  );
}
