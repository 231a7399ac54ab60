import { spawnSync } from "node:child_process";
import os from "node:os";

/**
 * The operating-system account the embedded PostgreSQL runs as, and what
 * that account can reach. PostgreSQL refuses to run as root, so when Hopper
 * runs as root the server runs as the postgres user (created when missing);
 * otherwise it runs as Hopper's own user.
 */

export interface PostgresAccount {
  name: string;
  uid: number;
  gid: number;
  /** Whether the server's processes switch to this account: true when Hopper runs as root. */
  switches: boolean;
}

const SERVER_USER = "postgres";

/** What to do instead, when as root the embedded server cannot run. */
export const OTHER_WAYS = "Run Hopper from a folder other users can enter, as a non-root user, or set DATABASE_URL to a PostgreSQL server.";

/** `searchPath` (a PATH) is where `id`, `groupadd` and `useradd` are looked for. */
export function postgresAccount(searchPath = process.env.PATH): PostgresAccount {
  const self = os.userInfo();
  if (self.uid !== 0) return { name: self.username, uid: self.uid, gid: self.gid, switches: false };
  const env = { ...process.env, PATH: searchPath };
  return { name: SERVER_USER, ...(lookUp(SERVER_USER, env) ?? create(SERVER_USER, env)), switches: true };
}

/** The spawn options that run a child process as the account. */
export function runAs(account: PostgresAccount): { uid?: number; gid?: number } {
  return account.switches ? { uid: account.uid, gid: account.gid } : {};
}

/** Whether the account may enter the directory (search permission on it and on every folder above it). */
export function canEnter(account: PostgresAccount, directory: string): boolean {
  return spawnSync("test", ["-x", directory], runAs(account)).status === 0;
}

/** Whether the account can run the program (reach it, execute it, load its libraries). */
export function canRun(account: PostgresAccount, program: string): boolean {
  return spawnSync(program, ["--version"], { ...runAs(account), stdio: "ignore" }).status === 0;
}

function lookUp(name: string, env: NodeJS.ProcessEnv): { uid: number; gid: number } | undefined {
  const id = (flag: string) => {
    const result = spawnSync("id", [flag, name], { env, encoding: "utf8" });
    return result.status === 0 ? Number(result.stdout.trim()) : undefined;
  };
  const uid = id("-u");
  const gid = id("-g");
  return uid === undefined || gid === undefined ? undefined : { uid, gid };
}

/** A system account and group of that name, as PostgreSQL's own packages create them. */
function create(name: string, env: NodeJS.ProcessEnv): { uid: number; gid: number } {
  const steps = [
    ["groupadd", "--force", "--system", name],
    ["useradd", "--system", "--gid", name, "--no-create-home", name],
  ];
  for (const [command, ...args] of steps) {
    const result = spawnSync(command, args, { env, encoding: "utf8" });
    if (result.status !== 0) {
      const failure: NodeJS.ErrnoException | undefined = result.error;
      const code = failure?.code;
      const why = code === "ENOENT" ? `no ${command} command` : code ? `${command}: ${code}` : result.stderr.trim().split("\n")[0];
      throw new Error(
        `PostgreSQL does not run as root, and there is no ${name} user to run it as (creating one failed: ${why}). ` +
          "Run Hopper as a non-root user, or set DATABASE_URL to a PostgreSQL server.",
      );
    }
  }
  const created = lookUp(name, env);
  if (!created) throw new Error(`Created the ${name} user, but \`id ${name}\` does not find it.`);
  return created;
}
