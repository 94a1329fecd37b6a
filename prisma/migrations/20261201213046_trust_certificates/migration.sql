-- AlterTable
ALTER TABLE "Certificate" ADD COLUMN     "sessionId" INTEGER;

-- CreateTable
CREATE TABLE "CertificateSerialCounter" (
    "fiscalYear" INTEGER NOT NULL,
    "track" TEXT NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "CertificateSerialCounter_pkey" PRIMARY KEY ("fiscalYear","track")
);

-- CreateTable
CREATE TABLE "CompletionException" (
    "id" SERIAL NOT NULL,
    "enrollmentId" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CompletionException_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PrerequisiteExemption" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),
    "revokedById" INTEGER,

    CONSTRAINT "PrerequisiteExemption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CertificateIssuer" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "nameJa" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL DEFAULT '',
    "seal" BYTEA,
    "updatedById" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CertificateIssuer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CompletionException_enrollmentId_key" ON "CompletionException"("enrollmentId");

-- CreateIndex
CREATE INDEX "PrerequisiteExemption_userId_idx" ON "PrerequisiteExemption"("userId");
