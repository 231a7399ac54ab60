import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, lstat, mkdir, readlink, realpath, rmdir, symlink } from "node:fs/promises";
import path from "node:path";
import { canEnter, type PostgresAccount } from "./postgres-account";
import { cloneClusterDirectory, type EmbeddedLocations } from "./paths";

/**
 * Where the app's embedded cluster lives: `.data/postgres` in the clone. Run
 * as root, PostgreSQL runs as the postgres user; when that user cannot enter
 * the clone (it lies in a folder only root may enter), the cluster gets a
 * folder of its own under /var/lib/hopper instead and `.data/postgres` becomes
 * a link to it, so it is found again even after the clone moves. A cluster
 * already in `.data/postgres` stays there.
 */
export async function appClusterDirectory(locations: EmbeddedLocations, account: PostgresAccount): Promise<string> {
  const inClone = cloneClusterDirectory(locations.repository);
  await mkdir(path.dirname(inClone), { recursive: true });
  const entry = await lstat(inClone).catch(() => undefined);
  if (entry?.isSymbolicLink()) return path.resolve(path.dirname(inClone), await readlink(inClone));
  if (!account.switches || existsSync(path.join(inClone, "PG_VERSION")) || canEnter(account, path.dirname(inClone))) return inClone;

  const repository = await realpath(locations.repository);
  const hash = createHash("sha256").update(repository).digest("hex").slice(0, 12);
  const outside = path.join(locations.clusters, `${path.basename(repository)}-${hash}`);
  await mkdir(locations.clusters, { recursive: true });
  await chmod(locations.clusters, 0o755);
  // Earlier versions, failing here, left an empty folder; rmdir removes nothing else.
  if (entry) await rmdir(inClone);
  await symlink(outside, inClone).catch((error: NodeJS.ErrnoException) => {
    // Another process starting at the same time linked the same folder.
    if (error.code !== "EEXIST") throw error;
  });
  return outside;
}
