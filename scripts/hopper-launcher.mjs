// `npm run hopper`: runs the CLI (scripts/hopper.ts) from a JavaScript bundle that
// esbuild writes to node_modules/.cache/hopper-cli the first time and again whenever
// one of the files it was built from changed, so that a run pays no TypeScript
// compile and no module resolution across the whole import graph.

import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const cache = path.join(root, "node_modules", ".cache", "hopper-cli");
/** Names the build in use: a folder of `cache` holding the bundle and the list of its sources. */
const currentFile = path.join(cache, "current");
const ENTRY = "scripts/hopper.ts";
/** Besides the bundled sources: what else decides what esbuild writes. */
const BUILD_INPUTS = [path.relative(root, fileURLToPath(import.meta.url)), "tsconfig.json", "package-lock.json"];

/** A file's identity for the staleness check: size and modification time, as `npm start` checks Next's build. */
function fingerprint(file) {
  const info = statSync(path.join(root, file), { throwIfNoEntry: false });
  return info ? `${info.size}:${info.mtimeMs}` : "missing";
}

function changedSince(file, time) {
  return (statSync(path.join(root, file), { throwIfNoEntry: false })?.mtimeMs ?? Infinity) >= time;
}

/** The current build's folder when every file it was built from is unchanged, else undefined. */
function currentBuild() {
  try {
    const build = path.join(cache, readFileSync(currentFile, "utf8").trim());
    const sources = JSON.parse(readFileSync(path.join(build, "sources.json"), "utf8"));
    return Object.entries(sources).every(([file, recorded]) => fingerprint(file) === recorded) ? build : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Bundles the CLI into a new folder and makes it current. Concurrent runs may
 * both build: each writes its own folder and the last rename wins, so a run
 * never loads a half-written bundle.
 */
async function rebuild() {
  const { build } = await import("esbuild");
  const name = `build-${process.pid}-${Date.now().toString(36)}`;
  const outdir = path.join(cache, name);
  const started = Date.now();
  const result = await build({
    absWorkingDir: root,
    entryPoints: [ENTRY],
    outdir,
    bundle: true,
    // Commands load what only they need (Prisma, password hashing) as chunks of their own.
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    // Dependencies are loaded from node_modules as usual; only the project's own TypeScript (and Prisma's generated client) is bundled.
    packages: "external",
    outExtension: { ".js": ".mjs" },
    metafile: true,
    logLevel: "error",
  });
  const sources = {};
  // A file changed while esbuild read it may be bundled in either version: recorded as changed, the next run builds again.
  for (const file of [...Object.keys(result.metafile.inputs), ...BUILD_INPUTS])
    sources[file] = changedSince(file, started) ? "changed" : fingerprint(file);
  writeFileSync(path.join(outdir, "sources.json"), JSON.stringify(sources));
  const replaced = existsSync(currentFile) ? readFileSync(currentFile, "utf8").trim() : undefined;
  const pointer = `${currentFile}.${name}`;
  writeFileSync(pointer, name);
  renameSync(pointer, currentFile);
  // The build just replaced stays, for runs that started on it and still load its chunks; older ones go.
  for (const entry of readdirSync(cache)) {
    if (entry.startsWith("build-") && entry !== name && entry !== replaced) rmSync(path.join(cache, entry), { recursive: true, force: true });
  }
  return outdir;
}

mkdirSync(cache, { recursive: true });
const build = currentBuild() ?? (await rebuild());
await import(pathToFileURL(path.join(build, "hopper.mjs")).href);
