-- AlterTable
ALTER TABLE "Office" ADD COLUMN     "officeNumber" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Office_officeNumber_key" ON "Office"("officeNumber");
