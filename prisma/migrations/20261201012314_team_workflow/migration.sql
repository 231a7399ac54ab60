-- Team workflow: archived projects, assignments of documents to annotators,
-- and submission of annotator sets (with the note of a reopening).

-- AlterTable
ALTER TABLE "AnnotationSet" ADD COLUMN     "reopenNote" TEXT,
ADD COLUMN     "submittedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "archivedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Assignment" (
    "documentId" UUID NOT NULL,
    "annotatorId" UUID NOT NULL,
    "assignedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Assignment_pkey" PRIMARY KEY ("documentId","annotatorId")
);

-- CreateIndex
CREATE INDEX "Assignment_annotatorId_idx" ON "Assignment"("annotatorId");

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_annotatorId_fkey" FOREIGN KEY ("annotatorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_assignedById_fkey" FOREIGN KEY ("assignedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Sets annotators have already started stay theirs to continue: they count as assigned.
INSERT INTO "Assignment" ("documentId", "annotatorId")
  SELECT "documentId", "annotatorId" FROM "AnnotationSet" WHERE "kind" = 'ANNOTATOR' AND "annotatorId" IS NOT NULL
  ON CONFLICT DO NOTHING;

-- Sets already submitted keep the time they were last changed as their submission.
UPDATE "AnnotationSet" SET "submittedAt" = "updatedAt" WHERE "status" = 'SUBMITTED' AND "submittedAt" IS NULL;
