import type { ReactNode } from "react";
import styles from "./Notice.module.css";

/**
 * A message about what just happened. Errors are announced at once
 * (role="alert"); other notices politely (role="status").
 */
export function Notice({ tone, children }: { tone: "error" | "success" | "info"; children: ReactNode }) {
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`${styles.notice} ${styles[tone]}`}>
      {children}
    </div>
  );
}
