-- CreateTable
CREATE TABLE "CaseAssignment" (
    "id" SERIAL NOT NULL,
    "sessionId" INTEGER NOT NULL,
    "instructionsJa" TEXT NOT NULL,
    "instructionsEn" TEXT NOT NULL DEFAULT '',
    "dueAt" TIMESTAMP(3) NOT NULL,
    "templateVersion" INTEGER NOT NULL DEFAULT 1,
    "goalCodes" TEXT[],
    "retentionDays" INTEGER NOT NULL DEFAULT 90,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CaseAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseFacilitator" (
    "assignmentId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseFacilitator_pkey" PRIMARY KEY ("assignmentId","userId")
);

-- CreateTable
CREATE TABLE "CaseSubmission" (
    "id" SERIAL NOT NULL,
    "assignmentId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "draft" JSONB NOT NULL DEFAULT '{}',
    "revision" INTEGER NOT NULL DEFAULT 0,
    "confirmations" JSONB NOT NULL DEFAULT '[]',
    "status" TEXT NOT NULL DEFAULT 'draft',
    "firstSubmittedAt" TIMESTAMP(3),
    "lastSubmittedAt" TIMESTAMP(3),
    "late" BOOLEAN NOT NULL DEFAULT false,
    "review" TEXT NOT NULL DEFAULT 'none',
    "reviewedAt" TIMESTAMP(3),
    "textsDeletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CaseSubmission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseVersion" (
    "id" SERIAL NOT NULL,
    "submissionId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "fields" JSONB NOT NULL,
    "confirmedCount" INTEGER NOT NULL DEFAULT 0,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "late" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "CaseVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseComment" (
    "id" SERIAL NOT NULL,
    "submissionId" INTEGER NOT NULL,
    "versionNumber" INTEGER NOT NULL,
    "authorId" INTEGER NOT NULL,
    "field" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "quote" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseRating" (
    "id" SERIAL NOT NULL,
    "submissionId" INTEGER NOT NULL,
    "goalCode" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "raterId" INTEGER NOT NULL,
    "versionNumber" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CaseRating_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseQuestion" (
    "id" SERIAL NOT NULL,
    "submissionId" INTEGER NOT NULL,
    "authorId" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CaseAssignment_sessionId_key" ON "CaseAssignment"("sessionId");

-- CreateIndex
CREATE INDEX "CaseFacilitator_userId_idx" ON "CaseFacilitator"("userId");

-- CreateIndex
CREATE INDEX "CaseSubmission_userId_idx" ON "CaseSubmission"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "CaseSubmission_assignmentId_userId_key" ON "CaseSubmission"("assignmentId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "CaseVersion_submissionId_number_key" ON "CaseVersion"("submissionId", "number");

-- CreateIndex
CREATE INDEX "CaseComment_submissionId_idx" ON "CaseComment"("submissionId");

-- CreateIndex
CREATE UNIQUE INDEX "CaseRating_submissionId_goalCode_key" ON "CaseRating"("submissionId", "goalCode");

-- CreateIndex
CREATE INDEX "CaseQuestion_submissionId_idx" ON "CaseQuestion"("submissionId");

-- AddForeignKey
ALTER TABLE "CaseFacilitator" ADD CONSTRAINT "CaseFacilitator_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "CaseAssignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseSubmission" ADD CONSTRAINT "CaseSubmission_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "CaseAssignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseVersion" ADD CONSTRAINT "CaseVersion_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "CaseSubmission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseComment" ADD CONSTRAINT "CaseComment_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "CaseSubmission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseRating" ADD CONSTRAINT "CaseRating_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "CaseSubmission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseQuestion" ADD CONSTRAINT "CaseQuestion_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "CaseSubmission"("id") ON DELETE CASCADE ON UPDATE CASCADE;
