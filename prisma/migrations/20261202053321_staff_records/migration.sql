-- CreateTable
CREATE TABLE "StaffMembership" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "officeId" INTEGER NOT NULL,
    "startedOn" TIMESTAMP(3),
    "endedOn" TIMESTAMP(3),
    "endKind" TEXT,
    "toOfficeId" INTEGER,
    "recordedById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StaffMembership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatutoryTrainingRecord" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "initialFiscalYear" INTEGER,
    "initialEvidence" TEXT NOT NULL DEFAULT '',
    "chiefStatus" TEXT NOT NULL DEFAULT 'none',
    "chiefEvidence" TEXT NOT NULL DEFAULT '',
    "updatedById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StatutoryTrainingRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RefresherTraining" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "completedOn" TIMESTAMP(3) NOT NULL,
    "evidence" TEXT NOT NULL DEFAULT '',
    "recordedById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RefresherTraining_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatutoryReminder" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "deadlineFiscalYear" INTEGER NOT NULL,
    "stage" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StatutoryReminder_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StaffMembership_userId_idx" ON "StaffMembership"("userId");

-- CreateIndex
CREATE INDEX "StaffMembership_officeId_idx" ON "StaffMembership"("officeId");

-- CreateIndex
CREATE UNIQUE INDEX "StatutoryTrainingRecord_userId_key" ON "StatutoryTrainingRecord"("userId");

-- CreateIndex
CREATE INDEX "RefresherTraining_userId_idx" ON "RefresherTraining"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "StatutoryReminder_userId_deadlineFiscalYear_stage_key" ON "StatutoryReminder"("userId", "deadlineFiscalYear", "stage");
