-- AlterTable
ALTER TABLE "StaffMembership" ADD COLUMN     "appliedAt" TIMESTAMP(3);

-- Every end recorded so far took effect when it was recorded.
UPDATE "StaffMembership" SET "appliedAt" = "updatedAt" WHERE "endedOn" IS NOT NULL;
