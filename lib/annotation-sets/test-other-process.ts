// Run as its own process by set-changes.test.ts: another app instance on the
// same database, saving one change to a set (`tsx test-other-process.ts <setId> <baseVersion>`).

import { db } from "@/lib/db/client";
import { saveAs, setRealis } from "./test-fixtures";

async function main(): Promise<void> {
  const [setId, baseVersion] = process.argv.slice(2);
  const answer = await saveAs(setId, Number(baseVersion), [setRealis("E1", "Actual", "Generic")], { clientId: "other-process" });
  await db().$disconnect();
  process.stdout.write(answer.status);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
