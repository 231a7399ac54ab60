-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "mentionedIds" UUID[] DEFAULT ARRAY[]::UUID[];

-- CreateIndex
CREATE INDEX "Comment_setId_parentId_idx" ON "Comment"("setId", "parentId");

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_setId_fkey" FOREIGN KEY ("setId") REFERENCES "AnnotationSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;
