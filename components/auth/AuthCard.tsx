import type { ReactNode } from "react";
import styles from "./AuthCard.module.css";

/** The centred card that frames the pages used before signing in: sign-in and first-run setup. */
export function AuthCard({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <main className={styles.page}>
      <div className={styles.card}>
        <p className={styles.brand}>Hopper</p>
        <h1 className={styles.title}>{title}</h1>
        {intro && <p className={styles.intro}>{intro}</p>}
        {children}
      </div>
    </main>
  );
}
