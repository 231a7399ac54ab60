// What the annotation-set tests share: a fresh database with a project, its
// people and a small document, and a few hand-made operations on that document.

import { encode } from "next-auth/jwt";
import type { AnnotationOperation } from "@/lib/annotation/operation-types";
import type { SaveResponse } from "@/lib/annotation/sync-protocol";
import type { CurrentUser } from "@/lib/auth/access";
import path from "node:path";
import type { CasieDocument, CasieEvent, CasieHopper, CasieSpan } from "@/lib/casie/types";
import { db } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { createDocument } from "@/lib/documents/store";
import { findOrCreateProject } from "@/lib/projects/project-store";
import { createUser } from "@/lib/users";
import { importIntoEmptySet } from "./import-into-set";
import { openAnnotatorSet } from "./open-annotator-set";
import { saveOperations } from "./save-operations";

export const CONTENT = "Hackers stole data from Acme Corp. Acme paid a ransom to the gang.";

export function span(index: string, text: string): CasieSpan {
  const startOffset = CONTENT.indexOf(text);
  if (startOffset === -1) throw new Error(`${text} is not in the test content`);
  return { index, startOffset, endOffset: startOffset + text.length, text };
}

/** E1 "stole" (Attacker "Hackers") and E2 "paid", both Actual. */
export const E1: CasieEvent = {
  index: "E1",
  type: "Attack",
  subtype: "Databreach",
  realis: "Actual",
  nugget: span("T1", "stole"),
  arguments: [{ ...span("T2", "Hackers"), entityType: "Organization", role: { type: "Attacker" } }],
};
export const E2: CasieEvent = { index: "E2", type: "Attack", subtype: "Ransom", realis: "Actual", nugget: span("T3", "paid"), arguments: [] };

/** One batch that annotates the test document with E1 and E2 in hopper 0: version 1 of a fresh set. */
export const ANNOTATE_BOTH: AnnotationOperation = {
  kind: "batch",
  label: "annotate",
  operations: [
    { kind: "createEvent", event: E1, place: { hopperIndex: 0, position: 0 }, newHopper: { index: 0, position: 0 } },
    { kind: "createEvent", event: E2, place: { hopperIndex: 0, position: 1 } },
  ],
};

export function setRealis(eventIndex: string, from: string, to: string): AnnotationOperation {
  return { kind: "setEventAttributes", eventIndex, from: { realis: from }, to: { realis: to } };
}

/** The next sequence number of each test window. */
const nextSeq = new Map<string, number>();

/** Saves `operations` as window `clientId` would, numbering them on from its previous save. */
export function saveAs(
  setId: string,
  baseVersion: number,
  operations: AnnotationOperation[],
  { userId = null, clientId = "test-window" }: { userId?: string | null; clientId?: string } = {},
): Promise<SaveResponse> {
  const first = nextSeq.get(clientId) ?? 1;
  nextSeq.set(clientId, first + operations.length);
  const numbered = operations.map((operation, i) => ({ seq: first + i, operation }));
  return saveOperations({ setId, baseVersion, clientId, operations: numbered, userId });
}

export const SECRET = "test secret for annotation sets";

export interface TestWorld {
  database: TestDatabase;
  admin: CurrentUser;
  reviewer: CurrentUser;
  /** Two annotators in the project, and one outside it. */
  ann: CurrentUser;
  bob: CurrentUser;
  outsider: CurrentUser;
  projectId: string;
  documentId: string;
  /** A document in the same project whose file came with a gold set. */
  goldDocumentId: string;
}

/**
 * A fresh database that the process's shared client (`db()`) and session
 * checks use, as the app's route handlers do. Call `closeTestWorld` after.
 */
export async function createTestWorld(): Promise<TestWorld> {
  const database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.NEXTAUTH_SECRET = SECRET;
  const person = async (name: string, role: CurrentUser["role"]): Promise<CurrentUser> => {
    const { id, email } = await createUser({ email: `${name}@example.org`, name, password: "a long password", role });
    return { id, email, name, role };
  };
  const [admin, reviewer, ann, bob, outsider] = await Promise.all([
    person("admin", "ADMIN"),
    person("reviewer", "REVIEWER"),
    person("ann", "ANNOTATOR"),
    person("bob", "ANNOTATOR"),
    person("outsider", "ANNOTATOR"),
  ]);
  const project = await findOrCreateProject("Cyber");
  await db().projectMember.createMany({
    data: [ann, bob].map((user) => ({ projectId: project.id, userId: user.id, role: "ANNOTATOR" as const })),
  });
  const documentId = await createTestDocument(project.id);
  const goldDocumentId = await createTestDocument(project.id, [{ index: 0, events: [E1, E2] }]);
  return { database, admin, reviewer, ann, bob, outsider, projectId: project.id, documentId, goldDocumentId };
}

let documentCount = 0;

/** A new document with the test content, and a gold set when `goldHoppers` are given, assigned to the project's annotators. */
export async function createTestDocument(projectId: string, goldHoppers?: CasieHopper[]): Promise<string> {
  const name = `doc${++documentCount}`;
  const documentId = await createDocument({
    projectId,
    name,
    casie: { content: CONTENT, sourcefile: `${name}.txt`, hoppers: goldHoppers ?? [] },
    warnings: [],
    withGoldSet: goldHoppers !== undefined,
    replace: false,
  });
  await db().$executeRaw`INSERT INTO "Assignment" ("documentId", "annotatorId")
    SELECT ${documentId}::uuid, "userId" FROM "ProjectMember" WHERE "projectId" = ${projectId}::uuid AND "role" = 'ANNOTATOR'`;
  return documentId;
}

/** Assigns the document to the user, as a manager would. */
export async function assignTestDocument(documentId: string, user: CurrentUser): Promise<void> {
  await db().assignment.create({ data: { documentId, annotatorId: user.id } });
}

export async function closeTestWorld(world: TestWorld): Promise<void> {
  await db().$disconnect();
  await world.database.drop();
}

/** `user`'s own set on a new document of `casie`'s text, given `casie`'s annotations (as an import into an annotator's set does). */
export async function annotatedSetOf(world: TestWorld, user: CurrentUser, casie: CasieDocument): Promise<string> {
  const name = path.parse(casie.sourcefile).name;
  const documentId = await createDocument({ projectId: world.projectId, name, casie, warnings: [], withGoldSet: false, replace: false });
  await assignTestDocument(documentId, user);
  const { setId } = (await openAnnotatorSet(user, documentId))!;
  await importIntoEmptySet(setId, casie, null);
  return setId;
}

/** The cookie header of a signed-in session, as next-auth sets it. */
export async function sessionCookie(user: CurrentUser): Promise<string> {
  return `next-auth.session-token=${await encode({ token: { sub: user.id }, secret: SECRET })}`;
}

/** Ann's and Bob's sets of the world's document, Ann's annotated with E1 and E2 (at version 1), Bob's empty. */
export async function openAnnAndBobSets(world: TestWorld): Promise<{ annSet: string; bobSet: string }> {
  const annSet = (await openAnnotatorSet(world.ann, world.documentId))!.setId;
  const bobSet = (await openAnnotatorSet(world.bob, world.documentId))!.setId;
  await saveAs(annSet, 0, [ANNOTATE_BOTH], { userId: world.ann.id });
  return { annSet, bobSet };
}
