-- CreateTable
CREATE TABLE "Presence" (
    "clientId" TEXT NOT NULL,
    "setId" UUID NOT NULL,
    "documentId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "eventIndex" TEXT,
    "seenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Presence_pkey" PRIMARY KEY ("clientId")
);

-- CreateIndex
CREATE INDEX "Presence_documentId_idx" ON "Presence"("documentId");

-- AddForeignKey
ALTER TABLE "Presence" ADD CONSTRAINT "Presence_setId_fkey" FOREIGN KEY ("setId") REFERENCES "AnnotationSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Presence" ADD CONSTRAINT "Presence_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
