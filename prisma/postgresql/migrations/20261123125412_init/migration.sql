-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Platform" AS ENUM ('TELEGRAM', 'ZALO');

-- CreateEnum
CREATE TYPE "ChatType" AS ENUM ('PRIVATE', 'GROUP', 'SUPERGROUP', 'CHANNEL');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'SECRETARY', 'LEADER', 'OFFICIAL');

-- CreateEnum
CREATE TYPE "NoticeState" AS ENUM ('COLLECTING', 'DRAFT', 'PUBLISHED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "DueKind" AS ENUM ('DATE', 'MONTH', 'QUARTER', 'HALF_YEAR', 'YEAR', 'IMMEDIATE', 'RECURRING', 'NONE');

-- CreateEnum
CREATE TYPE "AssignmentRole" AS ENUM ('LEAD', 'SUPPORT');

-- CreateEnum
CREATE TYPE "TaskState" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'DONE', 'BLOCKED');

-- CreateEnum
CREATE TYPE "ExtensionState" AS ENUM ('PENDING', 'APPROVED', 'REFUSED');

-- CreateEnum
CREATE TYPE "ScheduleKind" AS ENUM ('REPORT', 'CONSOLIDATE');

-- CreateEnum
CREATE TYPE "ReminderState" AS ENUM ('PENDING', 'SENDING', 'SENT', 'FAILED', 'SKIPPED');

-- CreateTable
CREATE TABLE "Office" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'Asia/Ho_Chi_Minh',
    "locale" TEXT NOT NULL DEFAULT 'vi',
    "reminderMinute" INTEGER NOT NULL DEFAULT 480,
    "quietStart" TEXT NOT NULL DEFAULT '21:00',
    "quietEnd" TEXT NOT NULL DEFAULT '07:00',
    "deadlineOffsets" JSONB NOT NULL,
    "escalateAfterDays" INTEGER NOT NULL DEFAULT 2,
    "escalateLeaderAfter" INTEGER NOT NULL DEFAULT 5,
    "nonWorkingDayPolicy" TEXT NOT NULL DEFAULT 'previous',
    "unitsMayMute" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "homeChatId" TEXT,
    "leadershipChatId" TEXT,

    CONSTRAINT "Office_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Chat" (
    "id" TEXT NOT NULL,
    "platform" "Platform" NOT NULL,
    "externalId" TEXT NOT NULL,
    "type" "ChatType" NOT NULL,
    "title" TEXT,
    "isForum" BOOLEAN NOT NULL DEFAULT false,
    "blockedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Chat_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Unit" (
    "id" TEXT NOT NULL,
    "officeId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "foldedName" TEXT NOT NULL,
    "removedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnitAlias" (
    "id" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "alias" TEXT NOT NULL,
    "foldedAlias" TEXT NOT NULL,

    CONSTRAINT "UnitAlias_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnitChannel" (
    "id" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "threadId" INTEGER NOT NULL DEFAULT 0,
    "remindersMuted" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UnitChannel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" TEXT NOT NULL,
    "platform" "Platform" NOT NULL,
    "externalId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "username" TEXT,
    "locale" TEXT,
    "privateChatId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "officeId" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "unitId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notice" (
    "id" TEXT NOT NULL,
    "officeId" TEXT NOT NULL,
    "state" "NoticeState" NOT NULL DEFAULT 'DRAFT',
    "number" TEXT,
    "issuer" TEXT,
    "issuedOn" TIMESTAMP(3),
    "meetingOn" TIMESTAMP(3),
    "title" TEXT,
    "signer" TEXT,
    "recipients" JSONB NOT NULL,
    "sourceText" TEXT NOT NULL DEFAULT '',
    "sourceFileName" TEXT,
    "warnings" JSONB NOT NULL,
    "createdById" TEXT,
    "draftChatId" TEXT,
    "draftMessageId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMP(3),

    CONSTRAINT "Notice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Directive" (
    "id" TEXT NOT NULL,
    "noticeId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "ordinal" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3),
    "dueText" TEXT,
    "dueKind" "DueKind" NOT NULL DEFAULT 'NONE',
    "recurrence" JSONB,
    "unmatched" JSONB NOT NULL,

    CONSTRAINT "Directive_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assignment" (
    "id" TEXT NOT NULL,
    "directiveId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "role" "AssignmentRole" NOT NULL,
    "state" "TaskState" NOT NULL DEFAULT 'NOT_STARTED',
    "dueAt" TIMESTAMP(3),
    "originalDueAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "lastReportAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatusReport" (
    "id" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "state" "TaskState" NOT NULL,
    "note" TEXT,
    "evidenceRef" TEXT,
    "evidenceFileId" TEXT,
    "evidenceFileName" TEXT,
    "reporterId" TEXT,
    "chatId" TEXT,
    "messageId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StatusReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DirectiveMessage" (
    "id" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "threadId" INTEGER NOT NULL DEFAULT 0,
    "messageId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DirectiveMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Extension" (
    "id" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "requestedById" TEXT,
    "previousDueAt" TIMESTAMP(3),
    "requestedDueAt" TIMESTAMP(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "state" "ExtensionState" NOT NULL DEFAULT 'PENDING',
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Extension_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportingSchedule" (
    "id" TEXT NOT NULL,
    "officeId" TEXT NOT NULL,
    "noticeId" TEXT,
    "kind" "ScheduleKind" NOT NULL,
    "text" TEXT NOT NULL,
    "daysOfMonth" JSONB NOT NULL,
    "rule" TEXT NOT NULL,
    "recipient" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportingSchedule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Reminder" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "officeId" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "threadId" INTEGER NOT NULL DEFAULT 0,
    "assignmentId" TEXT,
    "scheduleId" TEXT,
    "payload" JSONB NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "state" "ReminderState" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "leaseUntil" TIMESTAMP(3),
    "leasedBy" TEXT,
    "sentAt" TIMESTAMP(3),
    "messageId" INTEGER,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Reminder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProcessedUpdate" (
    "platform" "Platform" NOT NULL,
    "updateId" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProcessedUpdate_pkey" PRIMARY KEY ("platform","updateId")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL,
    "officeId" TEXT,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "subject" TEXT,
    "details" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InviteCode" (
    "id" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "officeId" TEXT NOT NULL,
    "createdById" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "usedByChat" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InviteCode_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Office_homeChatId_key" ON "Office"("homeChatId");

-- CreateIndex
CREATE UNIQUE INDEX "Chat_platform_externalId_key" ON "Chat"("platform", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "Unit_officeId_foldedName_key" ON "Unit"("officeId", "foldedName");

-- CreateIndex
CREATE INDEX "UnitAlias_foldedAlias_idx" ON "UnitAlias"("foldedAlias");

-- CreateIndex
CREATE UNIQUE INDEX "UnitAlias_unitId_foldedAlias_key" ON "UnitAlias"("unitId", "foldedAlias");

-- CreateIndex
CREATE INDEX "UnitChannel_unitId_idx" ON "UnitChannel"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "UnitChannel_chatId_threadId_key" ON "UnitChannel"("chatId", "threadId");

-- CreateIndex
CREATE UNIQUE INDEX "Person_platform_externalId_key" ON "Person"("platform", "externalId");

-- CreateIndex
CREATE INDEX "Membership_officeId_role_idx" ON "Membership"("officeId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_personId_officeId_role_key" ON "Membership"("personId", "officeId", "role");

-- CreateIndex
CREATE INDEX "Notice_officeId_state_idx" ON "Notice"("officeId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "Directive_noticeId_position_key" ON "Directive"("noticeId", "position");

-- CreateIndex
CREATE INDEX "Assignment_unitId_state_idx" ON "Assignment"("unitId", "state");

-- CreateIndex
CREATE INDEX "Assignment_state_dueAt_idx" ON "Assignment"("state", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "Assignment_directiveId_unitId_key" ON "Assignment"("directiveId", "unitId");

-- CreateIndex
CREATE INDEX "StatusReport_assignmentId_createdAt_idx" ON "StatusReport"("assignmentId", "createdAt");

-- CreateIndex
CREATE INDEX "DirectiveMessage_assignmentId_idx" ON "DirectiveMessage"("assignmentId");

-- CreateIndex
CREATE UNIQUE INDEX "DirectiveMessage_chatId_messageId_key" ON "DirectiveMessage"("chatId", "messageId");

-- CreateIndex
CREATE INDEX "Extension_assignmentId_idx" ON "Extension"("assignmentId");

-- CreateIndex
CREATE INDEX "ReportingSchedule_officeId_active_idx" ON "ReportingSchedule"("officeId", "active");

-- CreateIndex
CREATE UNIQUE INDEX "Reminder_key_key" ON "Reminder"("key");

-- CreateIndex
CREATE INDEX "Reminder_state_dueAt_idx" ON "Reminder"("state", "dueAt");

-- CreateIndex
CREATE INDEX "Reminder_chatId_state_idx" ON "Reminder"("chatId", "state");

-- CreateIndex
CREATE INDEX "ProcessedUpdate_receivedAt_idx" ON "ProcessedUpdate"("receivedAt");

-- CreateIndex
CREATE INDEX "AuditLog_officeId_createdAt_idx" ON "AuditLog"("officeId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "InviteCode_codeHash_key" ON "InviteCode"("codeHash");

-- AddForeignKey
ALTER TABLE "Office" ADD CONSTRAINT "Office_homeChatId_fkey" FOREIGN KEY ("homeChatId") REFERENCES "Chat"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Office" ADD CONSTRAINT "Office_leadershipChatId_fkey" FOREIGN KEY ("leadershipChatId") REFERENCES "Chat"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitAlias" ADD CONSTRAINT "UnitAlias_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitChannel" ADD CONSTRAINT "UnitChannel_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitChannel" ADD CONSTRAINT "UnitChannel_chatId_fkey" FOREIGN KEY ("chatId") REFERENCES "Chat"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_privateChatId_fkey" FOREIGN KEY ("privateChatId") REFERENCES "Chat"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Directive" ADD CONSTRAINT "Directive_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "Notice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_directiveId_fkey" FOREIGN KEY ("directiveId") REFERENCES "Directive"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusReport" ADD CONSTRAINT "StatusReport_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusReport" ADD CONSTRAINT "StatusReport_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DirectiveMessage" ADD CONSTRAINT "DirectiveMessage_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DirectiveMessage" ADD CONSTRAINT "DirectiveMessage_chatId_fkey" FOREIGN KEY ("chatId") REFERENCES "Chat"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Extension" ADD CONSTRAINT "Extension_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Extension" ADD CONSTRAINT "Extension_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Extension" ADD CONSTRAINT "Extension_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportingSchedule" ADD CONSTRAINT "ReportingSchedule_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportingSchedule" ADD CONSTRAINT "ReportingSchedule_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "Notice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reminder" ADD CONSTRAINT "Reminder_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reminder" ADD CONSTRAINT "Reminder_chatId_fkey" FOREIGN KEY ("chatId") REFERENCES "Chat"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reminder" ADD CONSTRAINT "Reminder_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reminder" ADD CONSTRAINT "Reminder_scheduleId_fkey" FOREIGN KEY ("scheduleId") REFERENCES "ReportingSchedule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InviteCode" ADD CONSTRAINT "InviteCode_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE CASCADE ON UPDATE CASCADE;
