// A project stored for the benches that read annotators' sets (agreement,
// adjudication): documents with one set per annotator, every set submitted
// and its annotator assigned, and a reviewer. Written as imports write them:
// the first annotator's sets with their documents, a batch a transaction; the
// others' into the documents already there, as `hopper import --annotator` fills them.

import type { CurrentUser } from "@/lib/auth/access";
import type { CasieDocument } from "@/lib/casie/types";
import type { Database } from "@/lib/db/client";
import { createDocuments } from "@/lib/documents/store";
import { importIntoExistingDocument } from "@/lib/import/existing-document-sets";
import { BATCHES_IN_FLIGHT } from "@/lib/import/import-files";
import { findOrCreateProject } from "@/lib/projects/project-store";
import { createUser } from "@/lib/users";
import { inParallel } from "./in-parallel";

/** A document as each annotator annotated it, in annotator order: one text and sourcefile, unique in the project. */
export interface AnnotatedDocument {
  name: string;
  sets: CasieDocument[];
}

export interface AnnotatedProject {
  id: string;
  name: string;
  /** In the order of the documents given. */
  documentIds: string[];
  /** A member of the project as its reviewer. */
  reviewer: CurrentUser;
}

/** Documents per transaction, as the import writes them. */
const BATCH_DOCUMENTS = 25;
const PASSWORD = "bench-password-not-for-production";

export async function storeAnnotatedProject(name: string, documents: AnnotatedDocument[], client: Database): Promise<AnnotatedProject> {
  const project = await findOrCreateProject(name, client);
  const annotators = await Promise.all(
    (documents[0]?.sets ?? []).map((_, a) =>
      createUser({ email: `annotator-${a + 1}@bench.test`, name: `Annotator ${a + 1}`, password: PASSWORD, role: "ANNOTATOR" }, client),
    ),
  );
  const reviewer = await createUser({ email: "reviewer@bench.test", name: "Reviewer", password: PASSWORD, role: "REVIEWER" }, client);
  await client.projectMember.createMany({
    data: [
      ...annotators.map((person) => ({ projectId: project.id, userId: person.id, role: "ANNOTATOR" as const })),
      { projectId: project.id, userId: reviewer.id, role: "REVIEWER" as const },
    ],
  });

  const batches = Array.from({ length: Math.ceil(documents.length / BATCH_DOCUMENTS) }, (_, b) =>
    documents.slice(b * BATCH_DOCUMENTS, (b + 1) * BATCH_DOCUMENTS),
  );
  const documentIds: string[] = [];
  await inParallel(batches, BATCHES_IN_FLIGHT, async (batch, b) => {
    const ids = await createDocuments(
      batch.map((document) => ({
        projectId: project.id,
        name: document.name,
        casie: document.sets[0],
        warnings: [],
        withGoldSet: true,
        annotator: { annotatorId: annotators[0].id, assignedById: null },
        replace: false,
      })),
      client,
    );
    ids.forEach((id, i) => (documentIds[b * BATCH_DOCUMENTS + i] = id));
  });
  const others = documents.flatMap((document) => document.sets.slice(1).map((set, a) => ({ set, annotatorId: annotators[a + 1].id })));
  await inParallel(others, BATCHES_IN_FLIGHT, async ({ set, annotatorId }) => {
    const outcome = await importIntoExistingDocument(project.id, set, { annotatorId, assignedById: null }, client);
    if (!outcome.ok) throw new Error(`a bench set was not stored: ${outcome.reason}`);
  });
  await client.pool.query(
    `UPDATE "AnnotationSet" s SET "status" = 'SUBMITTED', "submittedAt" = now()
       FROM "Document" d WHERE s."documentId" = d."id" AND d."projectId" = $1 AND s."kind" = 'ANNOTATOR'`,
    [project.id],
  );
  await client.pool.query("ANALYZE");
  return {
    id: project.id,
    name: project.name,
    documentIds,
    reviewer: { id: reviewer.id, email: reviewer.email, name: reviewer.name, role: reviewer.role },
  };
}
