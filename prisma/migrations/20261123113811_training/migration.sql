-- CreateTable
CREATE TABLE "CurriculumModule" (
    "id" SERIAL NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "slug" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CurriculumModule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingEnrollment" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "enrolledById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrainingEnrollment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModuleProgress" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "slug" TEXT NOT NULL,
    "sectionsReached" TEXT[],
    "currentSection" TEXT,
    "completedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ModuleProgress_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CheckAttempt" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "slug" TEXT NOT NULL,
    "answers" JSONB NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "passed" BOOLEAN NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CheckAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReflectionAnswer" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "slug" TEXT NOT NULL,
    "reflectionId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReflectionAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CurriculumModule_fiscalYear_position_idx" ON "CurriculumModule"("fiscalYear", "position");

-- CreateIndex
CREATE UNIQUE INDEX "CurriculumModule_fiscalYear_slug_key" ON "CurriculumModule"("fiscalYear", "slug");

-- CreateIndex
CREATE INDEX "TrainingEnrollment_fiscalYear_idx" ON "TrainingEnrollment"("fiscalYear");

-- CreateIndex
CREATE UNIQUE INDEX "TrainingEnrollment_userId_fiscalYear_key" ON "TrainingEnrollment"("userId", "fiscalYear");

-- CreateIndex
CREATE UNIQUE INDEX "ModuleProgress_userId_slug_key" ON "ModuleProgress"("userId", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "CheckAttempt_idempotencyKey_key" ON "CheckAttempt"("idempotencyKey");

-- CreateIndex
CREATE INDEX "CheckAttempt_userId_slug_idx" ON "CheckAttempt"("userId", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "ReflectionAnswer_userId_slug_reflectionId_key" ON "ReflectionAnswer"("userId", "slug", "reflectionId");

-- AddForeignKey
ALTER TABLE "TrainingEnrollment" ADD CONSTRAINT "TrainingEnrollment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModuleProgress" ADD CONSTRAINT "ModuleProgress_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckAttempt" ADD CONSTRAINT "CheckAttempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReflectionAnswer" ADD CONSTRAINT "ReflectionAnswer_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
