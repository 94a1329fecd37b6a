-- AlterTable
ALTER TABLE "MeetingRegistration" ADD COLUMN     "attendeeNote" TEXT NOT NULL DEFAULT '';
