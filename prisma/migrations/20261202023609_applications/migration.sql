-- CreateTable
CREATE TABLE "ApplicationRound" (
    "id" SERIAL NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "track" TEXT NOT NULL,
    "sessionId" INTEGER,
    "titleJa" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL DEFAULT '',
    "opensAt" TIMESTAMP(3) NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "endorseBy" TIMESTAMP(3) NOT NULL,
    "places" INTEGER NOT NULL,
    "questions" TEXT[],
    "decisionsSentAt" TIMESTAMP(3),
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ApplicationRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Application" (
    "id" SERIAL NOT NULL,
    "roundId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "officeId" INTEGER,
    "direct" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL,
    "yearsExperience" INTEGER,
    "currentRole" TEXT NOT NULL DEFAULT '',
    "statutoryTraining" TEXT NOT NULL DEFAULT '',
    "wantToLearn" TEXT NOT NULL DEFAULT '',
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawnAt" TIMESTAMP(3),
    "endorsementRank" INTEGER,
    "endorsedById" INTEGER,
    "endorsedAt" TIMESTAMP(3),
    "declineReason" TEXT NOT NULL DEFAULT '',
    "selectionOverride" TEXT,
    "selectionReason" TEXT NOT NULL DEFAULT '',
    "decidedAt" TIMESTAMP(3),
    "waitlistPosition" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Application_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ApplicationRound_fiscalYear_idx" ON "ApplicationRound"("fiscalYear");

-- CreateIndex
CREATE INDEX "Application_officeId_status_idx" ON "Application"("officeId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Application_roundId_userId_key" ON "Application"("roundId", "userId");

-- AddForeignKey
ALTER TABLE "ApplicationRound" ADD CONSTRAINT "ApplicationRound_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "TrainingSession"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "ApplicationRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
