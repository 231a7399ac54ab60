-- AlterTable
ALTER TABLE "AnnotationSet" ADD COLUMN     "importedText" TEXT;
