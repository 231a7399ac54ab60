import type { SelectHTMLAttributes } from "react";
import styles from "./Field.module.css";

type SelectFieldProps = SelectHTMLAttributes<HTMLSelectElement> & {
  name: string;
  label: string;
  options: readonly { value: string; label: string }[];
  /** Keep the label for screen readers only, where the context already shows what the choice is. */
  hideLabel?: boolean;
};

/** A labelled select. `id` defaults to `field-<name>`; give one when the same name appears more than once on a page. */
export function SelectField({ name, label, options, hideLabel, id = `field-${name}`, ...select }: SelectFieldProps) {
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={hideLabel ? styles.visuallyHidden : styles.label}>
        {label}
      </label>
      <select id={id} name={name} className={styles.control} {...select}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
