import { openDatabase } from "./runtime";
import { applyMigrations } from "./migrations";
async function main() {
  let t = Date.now();
  const db = await openDatabase({});
  console.log("openDatabase", Date.now() - t, "ms", db.embedded, db.url.replace(/:[0-9a-f]+@/, ":***@"));
  console.log("users", await db.client.user.count());
  for (let i = 0; i < 5; i++) { t = performance.now(); await applyMigrations(db.url); console.log("noop applyMigrations", (performance.now() - t).toFixed(1), "ms"); }
  t = Date.now(); await db.close(); console.log("close", Date.now() - t, "ms");
}
main().catch((e) => { console.error(e); process.exit(1); });
