-- CreateTable
CREATE TABLE "CaseAttachment" (
    "id" SERIAL NOT NULL,
    "submissionId" INTEGER NOT NULL,
    "originalName" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "storageKey" TEXT NOT NULL,
    "textChars" INTEGER NOT NULL DEFAULT 0,
    "findings" JSONB NOT NULL DEFAULT '[]',
    "submittedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CaseAttachment_submissionId_idx" ON "CaseAttachment"("submissionId");

-- AddForeignKey
ALTER TABLE "CaseAttachment" ADD CONSTRAINT "CaseAttachment_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "CaseSubmission"("id") ON DELETE CASCADE ON UPDATE CASCADE;
