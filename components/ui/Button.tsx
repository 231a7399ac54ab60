import type { ButtonHTMLAttributes } from "react";
import styles from "./Button.module.css";

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: "primary" | "secondary" | "danger";
  /** "compact": toolbars and dense panels. */
  size?: "normal" | "compact";
};

/** A button; `type` defaults to "button" so that only deliberate submit buttons submit forms. */
export function Button({ variant = "secondary", size = "normal", className, type = "button", ...props }: ButtonProps) {
  const classes = [styles.button, variant !== "secondary" && styles[variant], size === "compact" && styles.compact, className]
    .filter(Boolean)
    .join(" ");
  return <button type={type} className={classes} {...props} />;
}
