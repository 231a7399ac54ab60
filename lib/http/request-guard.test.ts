import { test } from "node:test";
import assert from "node:assert/strict";
import { z } from "zod";
import { checkMutationRequest, readBodyBytes, readJsonBody } from "./request-guard";

const LIMIT = { maxBytes: 64 };

function post(headers: Record<string, string>, body?: BodyInit): Request {
  return new Request("http://hopper.test/api/thing", {
    method: "POST",
    headers: { host: "hopper.test", ...headers },
    body,
    duplex: "half",
  } as RequestInit);
}

/** A body sent in chunks with no Content-Length, as a client streaming a large upload would. */
function streamOf(...chunks: string[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      controller.close();
    },
  });
}

async function errorOf(response: Response | null): Promise<{ status: number; error: string }> {
  assert.ok(response, "expected a refusal");
  assert.equal(response.headers.get("content-type"), "application/json");
  return { status: response.status, error: ((await response.json()) as { error: string }).error };
}

test("accepts a same-origin request", () => {
  assert.equal(checkMutationRequest(post({ origin: "http://hopper.test" }), LIMIT), null);
  assert.equal(checkMutationRequest(post({ origin: "https://hopper.test", host: "hopper.test:443" }), LIMIT), null);
  assert.equal(checkMutationRequest(post({ origin: "http://127.0.0.1:3100", host: "127.0.0.1:3100" }), LIMIT), null);
});

test("refuses another origin with a 403 that names it", async () => {
  const refusal = await errorOf(checkMutationRequest(post({ origin: "https://evil.test" }), LIMIT));
  assert.equal(refusal.status, 403);
  assert.match(refusal.error, /Cross-origin request refused: Origin https:\/\/evil\.test does not match this server \(hopper\.test\)/);
  assert.equal((await errorOf(checkMutationRequest(post({ origin: "http://hopper.test:8080" }), LIMIT))).status, 403);
  assert.equal((await errorOf(checkMutationRequest(post({ origin: "null" }), LIMIT))).status, 403);
});

test("without Origin, refuses only what Sec-Fetch-Site marks as cross-site", async () => {
  assert.equal(checkMutationRequest(post({}), LIMIT), null);
  assert.equal(checkMutationRequest(post({ "sec-fetch-site": "same-origin" }), LIMIT), null);
  assert.equal((await errorOf(checkMutationRequest(post({ "sec-fetch-site": "cross-site" }), LIMIT))).status, 403);
});

test("compares with X-Forwarded-Host only behind a trusted proxy", async () => {
  const proxied = () => post({ origin: "https://hopper.example.org", host: "127.0.0.1:3000", "x-forwarded-host": "hopper.example.org" });
  assert.equal(checkMutationRequest(proxied(), LIMIT, { HOPPER_TRUST_PROXY: "1" }), null);
  assert.equal((await errorOf(checkMutationRequest(proxied(), LIMIT, {}))).status, 403);
});

test("refuses a declared Content-Length over the cap with a 413", async () => {
  const refusal = await errorOf(checkMutationRequest(post({ origin: "http://hopper.test", "content-length": "65" }, "x".repeat(65)), LIMIT));
  assert.deepEqual(refusal, { status: 413, error: "Request body too large: the limit is 64 bytes." });
  assert.equal(checkMutationRequest(post({ origin: "http://hopper.test" }, "x".repeat(64)), LIMIT), null);
});

test("enforces the cap on the bytes streamed, whatever Content-Length says", async () => {
  const lying = post({ "content-length": "10" }, streamOf("x".repeat(40), "x".repeat(40)));
  assert.equal(checkMutationRequest(lying, LIMIT), null);
  assert.equal((await errorOf((await readBodyBytes(lying, 64)) as Response)).status, 413);
  const fits = await readBodyBytes(post({}, streamOf("abc", "def")), 6);
  assert.equal(new TextDecoder().decode(fits as Uint8Array), "abcdef");
});

test("readJsonBody parses and validates JSON within the cap", async () => {
  const schema = z.object({ name: z.string().min(1) });
  const json = (body: string) => post({ "content-type": "application/json; charset=utf-8" }, body);

  assert.deepEqual(await readJsonBody(json('{"name":"Ann"}'), { maxBytes: 64, schema }), { ok: true, value: { name: "Ann" } });

  const invalid = await readJsonBody(json('{"name":""}'), { maxBytes: 64, schema });
  assert.equal(invalid.ok, false);
  if (!invalid.ok) assert.match((await errorOf(invalid.response)).error, /^Invalid request: name: /);

  const malformed = await readJsonBody(json("{name"), { maxBytes: 64 });
  if (malformed.ok) assert.fail("malformed JSON accepted");
  assert.deepEqual(await errorOf(malformed.response), { status: 400, error: "Request body is not valid JSON." });

  const large = await readJsonBody(post({ "content-type": "application/json" }, streamOf(`{"name":"${"x".repeat(100)}"}`)), { maxBytes: 64 });
  if (large.ok) assert.fail("oversized body accepted");
  assert.equal(large.response.status, 413);

  const form = await readJsonBody(post({ "content-type": "text/plain" }, '{"name":"Ann"}'), { maxBytes: 64 });
  if (form.ok) assert.fail("text/plain accepted as JSON");
  assert.equal(form.response.status, 415);
});
