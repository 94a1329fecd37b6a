-- AlterTable
ALTER TABLE "Certificate" ADD COLUMN     "holderName" TEXT NOT NULL DEFAULT '';
