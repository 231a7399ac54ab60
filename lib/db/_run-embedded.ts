import { spawnSync } from "node:child_process";
import { startThrowawayServer } from "@/lib/db/database-url";
async function main() {
  const t = Date.now();
  const server = await startThrowawayServer({});
  console.log("throwaway server started in", Date.now() - t, "ms:", server.url.replace(/:[0-9a-f]+@/, ":***@"));
  const r = spawnSync("node_modules/.bin/tsx", ["--test", ...process.argv.slice(2)], { stdio: "inherit", env: { ...process.env, HOPPER_TEST_SERVER_URL: server.url } });
  const s = Date.now(); await server.stop(); console.log("stopped in", Date.now() - s, "ms");
  process.exit(r.status ?? 1);
}
main();
