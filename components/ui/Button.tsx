import type { ButtonHTMLAttributes } from "react";
import styles from "./Button.module.css";

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: "primary" | "secondary" | "danger" };

/** A button; `type` defaults to "button" so that only deliberate submit buttons submit forms. */
export function Button({ variant = "secondary", className, type = "button", ...props }: ButtonProps) {
  const classes = [styles.button, variant !== "secondary" && styles[variant], className].filter(Boolean).join(" ");
  return <button type={type} className={classes} {...props} />;
}
