import type { SetStatus } from "@/generated/prisma/enums";
import styles from "./SubmitControl.module.css";

/** Under the editor's title when it holds the gold set: whose it is, and that an adjudicated document stays adjudicated. */
export function GoldSetNote({ status }: { status: SetStatus }) {
  return (
    <p className={styles.workflow} role="note" data-testid="gold-note">
      You are editing the gold set: the project&apos;s reviewers edit it together, and every change is logged.
      {status === "ADJUDICATED" && " The document is adjudicated and stays so while you correct its gold."}
    </p>
  );
}
