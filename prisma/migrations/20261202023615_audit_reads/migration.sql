-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN     "isRead" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "subjectOfficeId" INTEGER,
ADD COLUMN     "subjectUserId" INTEGER;

-- CreateIndex
CREATE INDEX "AuditLog_subjectUserId_idx" ON "AuditLog"("subjectUserId");

-- CreateIndex
CREATE INDEX "AuditLog_subjectOfficeId_idx" ON "AuditLog"("subjectOfficeId");
