// What a path inside an uploaded archive may be. Nothing is ever written to disk
// under these names, but a path that would leave the archive's folder when
// unpacked marks a crafted archive: the whole upload is refused. Pure.

/** Why the path is refused, or null when it stays inside the archive. */
export function archivePathProblem(name: string): string | null {
  if (name.includes("\\")) return `the path ${JSON.stringify(name)} uses backslashes, which could leave the archive's folder when unpacked`;
  if (name.includes("\0")) return `the path ${JSON.stringify(name)} contains a NUL character`;
  if (name.startsWith("/") || /^[a-zA-Z]:/.test(name))
    return `the path ${JSON.stringify(name)} is absolute: it would be unpacked outside the archive's folder`;
  if (name.split("/").includes("..")) return `the path ${JSON.stringify(name)} climbs out of the archive's folder with ".."`;
  return null;
}

/** Files that archivers add beside the real ones (macOS's resource forks and Finder data), skipped with this reason. */
export function archiveMetadataReason(name: string): string | null {
  const base = name.slice(name.lastIndexOf("/") + 1);
  if (name.startsWith("__MACOSX/") || base.startsWith("._") || base === ".DS_Store") return "macOS metadata, not an article";
  return null;
}
