// The annotation-set route handlers, called with real Requests as Next calls
// them: who may read and save which set, and how refusals and bad input answer.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { GET } from "@/app/api/annotation-sets/[setId]/route";
import { POST } from "@/app/api/annotation-sets/[setId]/operations/route";
import { db } from "@/lib/db/client";
import { openAnnotatorSet } from "./open-annotator-set";
import { ANNOTATE_BOTH, closeTestWorld, createTestWorld, setRealis, type TestWorld } from "./test-fixtures";
import { answer, getRequest, postRequest, testWindow } from "./test-requests";

let world: TestWorld;
/** Ann's set on the test document, annotated with E1 and E2 at version 1. */
let annSet: string;
let goldSet: string;

/** Ann's window. */
const save = testWindow("route-test-window");
const get = getRequest;
const post = postRequest;

before(async () => {
  world = await createTestWorld();
  annSet = (await openAnnotatorSet(world.ann, world.documentId))!.setId;
  const saved = await POST(...(await post(world.ann, annSet, save(0, [ANNOTATE_BOTH]))));
  assert.equal(saved.status, 200);
  goldSet = (await db().annotationSet.findFirstOrThrow({ where: { documentId: world.goldDocumentId, kind: "GOLD" } })).id;
});
after(() => closeTestWorld(world));

const currentVersion = async (setId: string) => (await db().annotationSet.findUniqueOrThrow({ where: { id: setId } })).version;

test("GET gives the set's document, version, numbering and whether the user may edit it", async () => {
  const [status, body] = await answer(await GET(...(await get(world.ann, annSet))));
  assert.equal(status, 200);
  assert.deepEqual(Object.keys(body).sort(), ["canEdit", "document", "kind", "numbering", "setId", "version"]);
  assert.equal(body.setId, annSet);
  assert.equal(body.kind, "ANNOTATOR");
  assert.equal(body.version, await currentVersion(annSet));
  assert.deepEqual(body.numbering, { event: 2, span: 3, hopper: 0 });
  assert.equal(body.canEdit, true);
  assert.deepEqual(
    (body.document as { hoppers: { events: { index: string }[] }[] }).hoppers[0].events.map((event) => event.index),
    ["E1", "E2"],
  );
  assert.equal((await answer(await GET(...(await get(world.admin, annSet)))))[1].canEdit, true);
  assert.equal((await answer(await GET(...(await get(world.reviewer, annSet)))))[1].canEdit, false);
  assert.equal((await answer(await GET(...(await get(world.reviewer, goldSet)))))[1].canEdit, true);
});

test("GET ?since= gives the operations saved after a version, with the window that sent each", async () => {
  const version = await currentVersion(annSet);
  assert.deepEqual(await answer(await GET(...(await get(world.ann, annSet, `?since=${version - 1}`)))), [
    200,
    { version, operations: [{ version, clientId: "route-test-window", seq: 1, operation: ANNOTATE_BOTH }], complete: true },
  ]);
  assert.deepEqual(await answer(await GET(...(await get(world.ann, annSet, `?since=${version}`)))), [
    200,
    { version, operations: [], complete: true },
  ]);
  for (const since of ["-1", "abc", "1.5", ""]) {
    const [status, body] = await answer(await GET(...(await get(world.ann, annSet, `?since=${since}`))));
    assert.equal(status, 400);
    assert.match(String(body.error), /since must be a version number/);
  }
});

test("GET refuses the signed out, and hides sets from who may not see them", async () => {
  assert.deepEqual(await answer(await GET(...(await get(null, annSet)))), [401, { error: "Sign in to continue.", code: "signed-out" }]);
  const hidden = [404, { error: "No such annotation set.", code: "not-found" }];
  assert.deepEqual(await answer(await GET(...(await get(world.bob, annSet)))), hidden);
  assert.deepEqual(await answer(await GET(...(await get(world.outsider, annSet)))), hidden);
  assert.deepEqual(await answer(await GET(...(await get(world.ann, goldSet)))), hidden);
  assert.deepEqual(await answer(await GET(...(await get(world.ann, "00000000-0000-4000-8000-000000000000")))), hidden);
  assert.deepEqual(await answer(await GET(...(await get(world.ann, "nope")))), hidden);
});

test("POST saves the owner's operations; a save on an older version is answered 409 with what it lacks", async () => {
  const version = await currentVersion(annSet);
  const first = save(version, [setRealis("E1", "Actual", "Generic")]);
  const [status, body] = await answer(await POST(...(await post(world.ann, annSet, first))));
  assert.deepEqual([status, body], [200, { status: "saved", version: version + 1 }]);

  const [behindStatus, behind] = await answer(
    await POST(...(await post(world.ann, annSet, { ...save(version, [setRealis("E1", "Actual", "Other")]), clientId: "another-window" }))),
  );
  assert.equal(behindStatus, 409);
  assert.deepEqual(behind, {
    status: "behind",
    version: version + 1,
    operations: [
      { version: version + 1, clientId: "route-test-window", seq: first.operations[0].seq, operation: setRealis("E1", "Actual", "Generic") },
    ],
    complete: true,
  });
  const [refusedStatus, refused] = await answer(
    await POST(...(await post(world.ann, annSet, save(version + 1, [setRealis("E1", "Actual", "Other")])))),
  );
  assert.equal(refusedStatus, 409);
  assert.equal(refused.status, "refused");
  assert.equal(refused.code, "operation-conflict");
  assert.match(String(refused.message), /E1's realis is Generic now, not Actual/);
  assert.equal(await currentVersion(annSet), version + 1);
});

test("admins may edit an annotator's set", async () => {
  const version = await currentVersion(annSet);
  const [status, body] = await answer(await POST(...(await post(world.admin, annSet, save(version, [setRealis("E2", "Actual", "Other")])))));
  assert.deepEqual([status, body.status], [200, "saved"]);
  const logged = await db().annotationOperation.findFirstOrThrow({ where: { setId: annSet, version: version + 1 } });
  assert.equal(logged.userId, world.admin.id);
});

test("POST refusals: signed out, another annotator, reviewer, cross-origin", async () => {
  const version = await currentVersion(annSet);
  const body = save(version, [setRealis("E2", "Other", "Actual")]);
  assert.deepEqual(await answer(await POST(...(await post(null, annSet, body)))), [401, { error: "Sign in to continue.", code: "signed-out" }]);
  assert.deepEqual(await answer(await POST(...(await post(world.bob, annSet, body)))), [
    404,
    { error: "No such annotation set.", code: "not-found" },
  ]);
  assert.deepEqual(await answer(await POST(...(await post(world.reviewer, annSet, body)))), [
    403,
    { error: "Reviewers can view annotators' sets but not edit them.", code: "forbidden" },
  ]);
  const [status, refusal] = await answer(await POST(...(await post(world.ann, annSet, body, { origin: "https://evil.test" }))));
  assert.equal(status, 403);
  assert.equal(refusal.code, "cross-origin");
  assert.match(String(refusal.error), /Cross-origin request refused/);
  assert.equal(await currentVersion(annSet), version);
});

test("reviewers and admins save to the gold set, which keeps its status; annotators are told there is no such set", async () => {
  const status = async () => (await db().annotationSet.findUniqueOrThrow({ where: { id: goldSet } })).status;
  const before = await status();
  const version = await currentVersion(goldSet);
  const reviewerWindow = testWindow("gold-reviewer-window");
  const adminWindow = testWindow("gold-admin-window");
  const hidden = [404, { error: "No such annotation set.", code: "not-found" }];
  assert.deepEqual(
    await answer(await POST(...(await post(world.ann, goldSet, reviewerWindow(version, [setRealis("E1", "Actual", "Other")]))))),
    hidden,
  );
  const saved = await answer(await POST(...(await post(world.reviewer, goldSet, reviewerWindow(version, [setRealis("E1", "Actual", "Other")])))));
  assert.deepEqual(saved, [200, { status: "saved", version: version + 1 }]);
  const [, byAdmin] = await answer(
    await POST(...(await post(world.admin, goldSet, adminWindow(version + 1, [setRealis("E1", "Other", "Generic")])))),
  );
  assert.equal(byAdmin.status, "saved");
  const logged = await db().annotationOperation.findMany({ where: { setId: goldSet, version: { gt: version } }, orderBy: { version: "asc" } });
  assert.deepEqual(
    logged.map((entry) => entry.userId),
    [world.reviewer.id, world.admin.id],
  );
  assert.equal(await status(), before);
});

test("POST answers malformed or oversized bodies with 4xx, never saving", async () => {
  const version = await currentVersion(annSet);
  const cases: [unknown, number, RegExp, Record<string, string>?][] = [
    ["{not json", 400, /not valid JSON/],
    [{ ...save(version, [setRealis("E1", "Generic", "Actual")]), baseVersion: undefined }, 400, /baseVersion/],
    [save(version, []), 400, /operations/],
    [save(version, [{ kind: "renameEverything" }]), 400, /operations\.0\.operation\.kind/],
    [save(version, [{ ...setRealis("E1", "Generic", "Actual"), extra: 1 }]), 400, /Unrecognized key/],
    [save(version, [{ kind: "setEventAttributes", eventIndex: "E1", from: { realis: 1 }, to: {} }]), 400, /operations\.0\.operation\.from\.realis/],
    [save(version, [setRealis("E1", "Generic", "\u0000")]), 400, /NUL characters/],
    [save("1", [setRealis("E1", "Generic", "Actual")]), 400, /baseVersion/],
    [save(version, [setRealis("E1", "Generic", "Actual")], { clientId: "no" }), 400, /clientId/],
    [save(version, [setRealis("E1", "Generic", "Actual")]), 415, /Expected a JSON body/, { "content-type": "text/plain" }],
    ["x".repeat(1024 * 1024 + 1), 413, /too large/],
    ["x".repeat(10), 413, /too large/, { "content-length": String(2 * 1024 * 1024) }],
  ];
  for (const [body, expected, message, headers] of cases) {
    const [status, answered] = await answer(await POST(...(await post(world.ann, annSet, body, headers))));
    assert.equal(status, expected, JSON.stringify(answered));
    assert.match(String(answered.error), message);
    const codes: Record<number, string[]> = { 400: ["invalid-json", "invalid-request"], 413: ["too-large"], 415: ["unsupported-media-type"] };
    assert.ok(codes[status].includes(String(answered.code)), `a machine-readable code: ${JSON.stringify(answered)}`);
  }
  assert.equal(await currentVersion(annSet), version);
});
