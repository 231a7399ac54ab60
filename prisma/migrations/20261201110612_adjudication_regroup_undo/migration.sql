-- AlterEnum
ALTER TYPE "AdjudicationDecisionKind" ADD VALUE 'REGROUPED';

-- AlterTable
ALTER TABLE "AdjudicationDecision" ADD COLUMN     "goldClientId" TEXT;
