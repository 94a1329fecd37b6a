-- CreateTable
CREATE TABLE "PrivacyAcknowledgement" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "acknowledgedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PrivacyAcknowledgement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PrivacyAcknowledgement_userId_version_key" ON "PrivacyAcknowledgement"("userId", "version");
