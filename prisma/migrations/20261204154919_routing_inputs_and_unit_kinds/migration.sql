-- AlterTable
ALTER TABLE "Notice" ADD COLUMN "addressee" JSONB;
ALTER TABLE "Notice" ADD COLUMN "expansions" JSONB;
ALTER TABLE "Notice" ADD COLUMN "locality" TEXT;
ALTER TABLE "Notice" ADD COLUMN "previewMessageIds" JSONB;

-- AlterTable
ALTER TABLE "Unit" ADD COLUMN "kind" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Directive" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "noticeId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "ordinal" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "dueAt" DATETIME,
    "dueText" TEXT,
    "dueKind" TEXT NOT NULL DEFAULT 'NONE',
    "recurrence" JSONB,
    "unmatched" JSONB NOT NULL,
    "phrases" JSONB,
    "persons" JSONB,
    "handRouted" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "Directive_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "Notice" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Directive" ("dueAt", "dueKind", "dueText", "id", "noticeId", "ordinal", "position", "recurrence", "text", "unmatched") SELECT "dueAt", "dueKind", "dueText", "id", "noticeId", "ordinal", "position", "recurrence", "text", "unmatched" FROM "Directive";
DROP TABLE "Directive";
ALTER TABLE "new_Directive" RENAME TO "Directive";
CREATE UNIQUE INDEX "Directive_noticeId_position_key" ON "Directive"("noticeId", "position");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
