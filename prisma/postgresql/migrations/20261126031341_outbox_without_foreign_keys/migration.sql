-- DropForeignKey
ALTER TABLE "Reminder" DROP CONSTRAINT "Reminder_officeId_fkey";

-- DropForeignKey
ALTER TABLE "Reminder" DROP CONSTRAINT "Reminder_assignmentId_fkey";

-- DropForeignKey
ALTER TABLE "Reminder" DROP CONSTRAINT "Reminder_scheduleId_fkey";
