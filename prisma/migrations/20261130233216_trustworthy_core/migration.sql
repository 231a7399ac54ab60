-- Operations remember the window (client) that sent them, for retried saves and
-- live updates, and the format they were written in; sets remember the highest
-- numbers they have ever used; a document has at most one gold set; tagsets
-- name the values a hopper's relation may take.

-- AlterTable
ALTER TABLE "AnnotationOperation" ADD COLUMN     "clientId" TEXT,
ADD COLUMN     "format" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "seq" INTEGER;

-- AlterTable
ALTER TABLE "AnnotationSet" ADD COLUMN     "lastEventNumber" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "lastHopperIndex" BIGINT NOT NULL DEFAULT -1,
ADD COLUMN     "lastSpanNumber" BIGINT NOT NULL DEFAULT 0;

-- Existing sets start from the numbers they hold now (`E12` → 12; other shapes do not count).
UPDATE "AnnotationSet" s SET
  "lastEventNumber" = COALESCE((SELECT max(substring(e."index" from '^E([0-9]{1,15})$')::bigint) FROM "Event" e WHERE e."setId" = s."id"), 0),
  "lastSpanNumber" = COALESCE((SELECT max(substring(t."index" from '^T([0-9]{1,15})$')::bigint) FROM "Span" t WHERE t."setId" = s."id"), 0),
  "lastHopperIndex" = COALESCE((SELECT max(h."index") FROM "Hopper" h WHERE h."setId" = s."id"), -1);

-- CreateIndex
CREATE UNIQUE INDEX "AnnotationOperation_setId_clientId_seq_key" ON "AnnotationOperation"("setId", "clientId", "seq");

-- Two gold sets of one document cannot be merged automatically: say which, rather than fail on the index below.
DO $$
DECLARE duplicate record;
BEGIN
  SELECT s."documentId", d."sourcefile", count(*) AS sets INTO duplicate
    FROM "AnnotationSet" s JOIN "Document" d ON d."id" = s."documentId"
    WHERE s."kind" = 'GOLD' GROUP BY s."documentId", d."sourcefile" HAVING count(*) > 1 LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'Document % (%) has % gold annotation sets; delete all but one (or re-import the document with --replace) before upgrading.',
      duplicate."sourcefile", duplicate."documentId", duplicate.sets;
  END IF;
END $$;

-- CreateIndex
CREATE UNIQUE INDEX "AnnotationSet_one_gold_per_document" ON "AnnotationSet"("documentId") WHERE (kind = 'GOLD');

-- Tagsets written before hopper relations were part of them get the corpus's one value.
UPDATE "Project" SET "tagset" = jsonb_set("tagset", '{hopperRelations}', '["Same"]'::jsonb)
  WHERE jsonb_typeof("tagset") = 'object' AND NOT ("tagset" ? 'hopperRelations');
