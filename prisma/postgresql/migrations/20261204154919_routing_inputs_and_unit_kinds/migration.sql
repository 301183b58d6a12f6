-- AlterTable
ALTER TABLE "Notice" ADD COLUMN "addressee" JSONB;
ALTER TABLE "Notice" ADD COLUMN "expansions" JSONB;
ALTER TABLE "Notice" ADD COLUMN "locality" TEXT;
ALTER TABLE "Notice" ADD COLUMN "previewMessageIds" JSONB;

-- AlterTable
ALTER TABLE "Unit" ADD COLUMN "kind" TEXT;

-- AlterTable
ALTER TABLE "Directive" ADD COLUMN "phrases" JSONB;
ALTER TABLE "Directive" ADD COLUMN "persons" JSONB;
ALTER TABLE "Directive" ADD COLUMN "handRouted" BOOLEAN NOT NULL DEFAULT false;
