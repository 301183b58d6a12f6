-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Reminder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "officeId" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "threadId" INTEGER NOT NULL DEFAULT 0,
    "assignmentId" TEXT,
    "scheduleId" TEXT,
    "payload" JSONB NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "leaseUntil" DATETIME,
    "leasedBy" TEXT,
    "sentAt" DATETIME,
    "messageId" INTEGER,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Reminder_chatId_fkey" FOREIGN KEY ("chatId") REFERENCES "Chat" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Reminder" ("assignmentId", "attempts", "chatId", "createdAt", "dueAt", "id", "key", "kind", "lastError", "leaseUntil", "leasedBy", "messageId", "officeId", "payload", "scheduleId", "sentAt", "state", "threadId") SELECT "assignmentId", "attempts", "chatId", "createdAt", "dueAt", "id", "key", "kind", "lastError", "leaseUntil", "leasedBy", "messageId", "officeId", "payload", "scheduleId", "sentAt", "state", "threadId" FROM "Reminder";
DROP TABLE "Reminder";
ALTER TABLE "new_Reminder" RENAME TO "Reminder";
CREATE UNIQUE INDEX "Reminder_key_key" ON "Reminder"("key");
CREATE INDEX "Reminder_state_dueAt_idx" ON "Reminder"("state", "dueAt");
CREATE INDEX "Reminder_chatId_state_idx" ON "Reminder"("chatId", "state");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
