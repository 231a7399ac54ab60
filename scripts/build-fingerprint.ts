// Decides whether `.next` holds a build of the current sources, so `npm start`
// builds on first start and after the code changed, and only then.

import { createHash } from "node:crypto";
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";

const SOURCES = ["app", "components", "lib", "prisma", "public", "package-lock.json", "next.config.js", "tsconfig.json", "proxy.ts"];
const FINGERPRINT_FILE = path.join(".next", "hopper-source-fingerprint");

async function sourceFingerprint(root: string): Promise<string> {
  const hash = createHash("sha256");
  const visit = async (relative: string): Promise<void> => {
    const full = path.join(root, relative);
    let info;
    try {
      info = await stat(full);
    } catch {
      return;
    }
    if (info.isDirectory()) {
      const entries = (await readdir(full)).sort();
      for (const entry of entries) await visit(path.join(relative, entry));
    } else {
      hash.update(`${relative}\0${info.size}\0${info.mtimeMs}\n`);
    }
  };
  for (const source of SOURCES) await visit(source);
  return hash.digest("hex");
}

export async function buildIsCurrent(root: string): Promise<boolean> {
  try {
    await stat(path.join(root, ".next", "BUILD_ID"));
    const recorded = await readFile(path.join(root, FINGERPRINT_FILE), "utf8");
    return recorded === (await sourceFingerprint(root));
  } catch {
    return false;
  }
}

export async function recordBuildFingerprint(root: string): Promise<void> {
  await writeFile(path.join(root, FINGERPRINT_FILE), await sourceFingerprint(root));
}
