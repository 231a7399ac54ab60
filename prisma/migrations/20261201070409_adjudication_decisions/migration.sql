-- CreateEnum
CREATE TYPE "AdjudicationDecisionKind" AS ENUM ('ACCEPTED', 'REJECTED');

-- CreateTable
CREATE TABLE "AdjudicationDecision" (
    "id" UUID NOT NULL,
    "goldSetId" UUID NOT NULL,
    "itemId" TEXT NOT NULL,
    "decision" "AdjudicationDecisionKind" NOT NULL,
    "annotatorId" UUID,
    "reason" TEXT,
    "reviewerId" UUID NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AdjudicationDecision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AdjudicationDecision_goldSetId_itemId_key" ON "AdjudicationDecision"("goldSetId", "itemId");

-- AddForeignKey
ALTER TABLE "AdjudicationDecision" ADD CONSTRAINT "AdjudicationDecision_goldSetId_fkey" FOREIGN KEY ("goldSetId") REFERENCES "AnnotationSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdjudicationDecision" ADD CONSTRAINT "AdjudicationDecision_annotatorId_fkey" FOREIGN KEY ("annotatorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdjudicationDecision" ADD CONSTRAINT "AdjudicationDecision_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
