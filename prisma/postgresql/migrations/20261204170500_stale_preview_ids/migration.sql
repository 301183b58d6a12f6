-- AlterTable
ALTER TABLE "Notice" ADD COLUMN "stalePreviewIds" JSONB;
