import assert from "node:assert/strict";
import { test } from "node:test";
import { commentBodySchema, MAX_COMMENT_CHARS, mentionsIn } from "./comment-body";
import { renderCommentMarkdown } from "./render-markdown";

const members = [
  { id: "ann", name: "Ann Lee", email: "ann@example.org" },
  { id: "bob", name: "Bob", email: "robert@example.org" },
];

test("mentions by email, by the email's local part or by name without spaces; each member once", () => {
  assert.deepEqual(mentionsIn("@ann please check, and @AnnLee again", members), ["ann"]);
  assert.deepEqual(mentionsIn("cc @robert@example.org and @bob.", members), ["bob"]);
  assert.deepEqual(mentionsIn("thanks @Bob, @ann", members), ["bob", "ann"]);
  assert.deepEqual(mentionsIn("mail ann@example.org or @nobody", members), [], "an address is not a mention");
});

test("a comment is trimmed, not empty, and bounded", () => {
  assert.equal(commentBodySchema.parse("  hi  "), "hi");
  assert.equal(commentBodySchema.safeParse(" \n ").success, false);
  assert.equal(commentBodySchema.safeParse("x".repeat(MAX_COMMENT_CHARS + 1)).success, false);
});

test("markdown renders without raw HTML or script links", () => {
  assert.equal(renderCommentMarkdown("**bold** and `code`"), "<p><strong>bold</strong> and <code>code</code></p>\n");
  const hostile = renderCommentMarkdown('<script>alert(1)</script><img src=x onerror="alert(1)"> [x](javascript:alert(1))');
  assert.doesNotMatch(hostile, /<script|<img|href="javascript/i);
  assert.match(hostile, /&lt;script&gt;/);
  assert.match(
    renderCommentMarkdown("see https://example.org"),
    /<a href="https:\/\/example.org" rel="noopener noreferrer nofollow" target="_blank">/,
  );
});
