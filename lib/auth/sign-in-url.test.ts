import { test } from "node:test";
import assert from "node:assert/strict";
import { isLocalPath, signInUrl } from "./sign-in-url";

test("accepts paths on this site", () => {
  for (const path of ["/", "/admin/users", "/projects/1?tab=docs#top"]) assert.equal(isLocalPath(path), true, path);
});

test("refuses anything a browser would read as another site", () => {
  for (const target of ["https://evil.test/", "//evil.test", "/\\evil.test", "/\t/evil.test", "evil", ""]) {
    assert.equal(isLocalPath(target), false, JSON.stringify(target));
  }
});

test("the sign-in URL returns to local paths only", () => {
  assert.equal(signInUrl("/admin/users?page=2"), "/signin?callbackUrl=%2Fadmin%2Fusers%3Fpage%3D2");
  assert.equal(signInUrl("/"), "/signin");
  assert.equal(signInUrl(null), "/signin");
  assert.equal(signInUrl("//evil.test"), "/signin");
});
