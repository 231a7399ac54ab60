// `tsx e2e/import-into-set.ts <setId> <casie.json>`: gives an empty annotation
// set a CASIE file's annotations on the e2e database, as an import into an
// annotator's set does. Run in its own process (support.ts importIntoSet):
// Playwright's loader cannot load Prisma's generated client.

import { readFileSync } from "node:fs";
import { importIntoEmptySet } from "@/lib/annotation-sets/import-into-set";
import { parseCasieDocument } from "@/lib/casie";
import { db } from "@/lib/db/client";

async function main(): Promise<void> {
  const [setId, file] = process.argv.slice(2);
  const { document, issues } = parseCasieDocument(readFileSync(file, "utf8"));
  if (!document) throw new Error(`${file} does not parse: ${JSON.stringify(issues)}`);
  console.log(`version ${await importIntoEmptySet(setId, document, null)}`);
  await db().$disconnect();
}

main().catch((error) => {
  console.error((error as Error).stack);
  process.exit(1);
});
