import assert from "node:assert/strict";
import { test } from "node:test";
import { archiveMetadataReason, archivePathProblem } from "./archive-path";

test("paths inside the archive pass, even with dots that do not climb", () => {
  for (const name of ["a.txt", "corpus/source/2602.txt", "a/..b/c.txt", "a/.../c.txt", "folder/", "./a.txt"])
    assert.equal(archivePathProblem(name), null, name);
});

test("paths that would leave the archive's folder are refused, saying why", () => {
  assert.match(archivePathProblem("../a.txt")!, /climbs out of the archive's folder with "\.\."/);
  assert.match(archivePathProblem("a/b/../../../a.txt")!, /climbs out/);
  assert.match(archivePathProblem("a/..")!, /climbs out/);
  assert.match(archivePathProblem("/etc/passwd")!, /is absolute/);
  assert.match(archivePathProblem("c:/windows/a.txt")!, /is absolute/);
  assert.match(archivePathProblem("a\\b.txt")!, /uses backslashes/);
  assert.match(archivePathProblem("a\0.txt")!, /NUL character/);
});

test("macOS's resource forks and Finder files are metadata", () => {
  assert.equal(archiveMetadataReason("__MACOSX/a/._b.txt"), "macOS metadata, not an article");
  assert.equal(archiveMetadataReason("a/._b.txt"), "macOS metadata, not an article");
  assert.equal(archiveMetadataReason("a/.DS_Store"), "macOS metadata, not an article");
  assert.equal(archiveMetadataReason("a/b.txt"), null);
});
