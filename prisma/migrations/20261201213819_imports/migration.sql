-- AlterEnum
ALTER TYPE "EvaluationEventKind" ADD VALUE 'IMPORTED';

-- AlterTable
ALTER TABLE "ChecklistItem" ADD COLUMN     "label" TEXT NOT NULL DEFAULT '',
ALTER COLUMN "pillar" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Evaluation" ADD COLUMN     "imported" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "ImportMapping" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "fields" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImportMapping_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ImportMapping_kind_key" ON "ImportMapping"("kind");
