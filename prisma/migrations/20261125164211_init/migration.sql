-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'REVIEWER', 'ANNOTATOR');

-- CreateEnum
CREATE TYPE "ProjectRole" AS ENUM ('MANAGER', 'REVIEWER', 'ANNOTATOR');

-- CreateEnum
CREATE TYPE "SetKind" AS ENUM ('GOLD', 'ANNOTATOR');

-- CreateEnum
CREATE TYPE "SetStatus" AS ENUM ('NEW', 'IN_PROGRESS', 'SUBMITTED', 'IMPORTED', 'ADJUDICATED');

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'ANNOTATOR',
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Project" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "tagset" JSONB NOT NULL,
    "keepLineBreaks" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Project_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectMember" (
    "projectId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "ProjectRole" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProjectMember_pkey" PRIMARY KEY ("projectId","userId")
);

-- CreateTable
CREATE TABLE "Document" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "sourcefile" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "date" TEXT NOT NULL DEFAULT '',
    "info" JSONB,
    "layout" JSONB,
    "importWarnings" JSONB NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnnotationSet" (
    "id" UUID NOT NULL,
    "documentId" UUID NOT NULL,
    "kind" "SetKind" NOT NULL,
    "annotatorId" UUID,
    "status" "SetStatus" NOT NULL DEFAULT 'NEW',
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AnnotationSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Span" (
    "id" UUID NOT NULL,
    "setId" UUID NOT NULL,
    "index" TEXT NOT NULL,
    "startOffset" INTEGER NOT NULL,
    "endOffset" INTEGER NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "Span_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Hopper" (
    "id" UUID NOT NULL,
    "setId" UUID NOT NULL,
    "index" INTEGER NOT NULL,
    "relation" TEXT,
    "position" INTEGER NOT NULL,
    "layout" JSONB,

    CONSTRAINT "Hopper_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Event" (
    "id" UUID NOT NULL,
    "setId" UUID NOT NULL,
    "hopperId" UUID NOT NULL,
    "index" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "subtype" TEXT NOT NULL,
    "realis" TEXT NOT NULL,
    "nuggetSpanId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "layout" JSONB,
    "nuggetLayout" JSONB,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Argument" (
    "id" UUID NOT NULL,
    "setId" UUID NOT NULL,
    "eventId" UUID NOT NULL,
    "spanId" UUID NOT NULL,
    "role" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "externalReference" JSONB,
    "position" INTEGER NOT NULL,
    "layout" JSONB,
    "roleLayout" JSONB,

    CONSTRAINT "Argument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnnotationOperation" (
    "id" UUID NOT NULL,
    "setId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "userId" UUID,
    "operation" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AnnotationOperation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Comment" (
    "id" UUID NOT NULL,
    "documentId" UUID NOT NULL,
    "setId" UUID,
    "target" TEXT,
    "parentId" UUID,
    "authorId" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "resolvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginAttempt" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoginAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Project_name_key" ON "Project"("name");

-- CreateIndex
CREATE INDEX "ProjectMember_userId_idx" ON "ProjectMember"("userId");

-- CreateIndex
CREATE INDEX "Document_projectId_name_idx" ON "Document"("projectId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Document_projectId_sourcefile_key" ON "Document"("projectId", "sourcefile");

-- CreateIndex
CREATE INDEX "AnnotationSet_annotatorId_idx" ON "AnnotationSet"("annotatorId");

-- CreateIndex
CREATE UNIQUE INDEX "AnnotationSet_documentId_kind_annotatorId_key" ON "AnnotationSet"("documentId", "kind", "annotatorId");

-- CreateIndex
CREATE UNIQUE INDEX "Span_setId_index_key" ON "Span"("setId", "index");

-- CreateIndex
CREATE UNIQUE INDEX "Hopper_setId_index_key" ON "Hopper"("setId", "index");

-- CreateIndex
CREATE INDEX "Event_hopperId_idx" ON "Event"("hopperId");

-- CreateIndex
CREATE INDEX "Event_nuggetSpanId_idx" ON "Event"("nuggetSpanId");

-- CreateIndex
CREATE UNIQUE INDEX "Event_setId_index_key" ON "Event"("setId", "index");

-- CreateIndex
CREATE INDEX "Argument_setId_idx" ON "Argument"("setId");

-- CreateIndex
CREATE INDEX "Argument_eventId_idx" ON "Argument"("eventId");

-- CreateIndex
CREATE INDEX "Argument_spanId_idx" ON "Argument"("spanId");

-- CreateIndex
CREATE UNIQUE INDEX "AnnotationOperation_setId_version_key" ON "AnnotationOperation"("setId", "version");

-- CreateIndex
CREATE INDEX "Comment_documentId_idx" ON "Comment"("documentId");

-- CreateIndex
CREATE INDEX "LoginAttempt_key_createdAt_idx" ON "LoginAttempt"("key", "createdAt");

-- AddForeignKey
ALTER TABLE "ProjectMember" ADD CONSTRAINT "ProjectMember_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectMember" ADD CONSTRAINT "ProjectMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationSet" ADD CONSTRAINT "AnnotationSet_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationSet" ADD CONSTRAINT "AnnotationSet_annotatorId_fkey" FOREIGN KEY ("annotatorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Span" ADD CONSTRAINT "Span_setId_fkey" FOREIGN KEY ("setId") REFERENCES "AnnotationSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Hopper" ADD CONSTRAINT "Hopper_setId_fkey" FOREIGN KEY ("setId") REFERENCES "AnnotationSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_setId_fkey" FOREIGN KEY ("setId") REFERENCES "AnnotationSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_hopperId_fkey" FOREIGN KEY ("hopperId") REFERENCES "Hopper"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_nuggetSpanId_fkey" FOREIGN KEY ("nuggetSpanId") REFERENCES "Span"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Argument" ADD CONSTRAINT "Argument_setId_fkey" FOREIGN KEY ("setId") REFERENCES "AnnotationSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Argument" ADD CONSTRAINT "Argument_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Argument" ADD CONSTRAINT "Argument_spanId_fkey" FOREIGN KEY ("spanId") REFERENCES "Span"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationOperation" ADD CONSTRAINT "AnnotationOperation_setId_fkey" FOREIGN KEY ("setId") REFERENCES "AnnotationSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationOperation" ADD CONSTRAINT "AnnotationOperation_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
