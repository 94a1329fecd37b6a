-- AlterTable
ALTER TABLE "ActionPlanItem" ADD COLUMN     "trainingModuleSlug" TEXT,
ADD COLUMN     "trainingSessionId" INTEGER;

-- CreateTable
CREATE TABLE "TrainingRecommendation" (
    "id" SERIAL NOT NULL,
    "officeId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "recommendedById" INTEGER,
    "kind" TEXT NOT NULL,
    "moduleSlug" TEXT,
    "sessionId" INTEGER,
    "categoryCode" TEXT NOT NULL DEFAULT '',
    "fiscalYear" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrainingRecommendation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TrainingRecommendation_userId_idx" ON "TrainingRecommendation"("userId");

-- CreateIndex
CREATE INDEX "TrainingRecommendation_officeId_fiscalYear_idx" ON "TrainingRecommendation"("officeId", "fiscalYear");
