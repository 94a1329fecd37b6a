-- AlterTable
ALTER TABLE "TrainingSession" ADD COLUMN     "allowedMissedMinutes" INTEGER;

-- AlterTable
ALTER TABLE "SessionAttendance" ADD COLUMN     "earlyMinutes" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "lateMinutes" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "MakeUp" (
    "id" SERIAL NOT NULL,
    "enrollmentId" INTEGER NOT NULL,
    "what" TEXT NOT NULL,
    "minutes" INTEGER NOT NULL,
    "dueOn" TIMESTAMP(3) NOT NULL,
    "carried" BOOLEAN NOT NULL DEFAULT false,
    "doneAt" TIMESTAMP(3),
    "doneById" INTEGER,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MakeUp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyQuestion" (
    "id" SERIAL NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "textJa" TEXT NOT NULL,
    "textEn" TEXT NOT NULL DEFAULT '',
    "retiredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SurveyQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyResponse" (
    "id" TEXT NOT NULL,
    "target" TEXT NOT NULL,

    CONSTRAINT "SurveyResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyAnswer" (
    "id" SERIAL NOT NULL,
    "responseId" TEXT NOT NULL,
    "questionId" INTEGER NOT NULL,
    "rating" INTEGER,
    "text" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "SurveyAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyParticipation" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "target" TEXT NOT NULL,
    "answeredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SurveyParticipation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MakeUp_enrollmentId_idx" ON "MakeUp"("enrollmentId");

-- CreateIndex
CREATE INDEX "SurveyResponse_target_idx" ON "SurveyResponse"("target");

-- CreateIndex
CREATE INDEX "SurveyAnswer_questionId_idx" ON "SurveyAnswer"("questionId");

-- CreateIndex
CREATE INDEX "SurveyParticipation_target_idx" ON "SurveyParticipation"("target");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyParticipation_userId_target_key" ON "SurveyParticipation"("userId", "target");

-- AddForeignKey
ALTER TABLE "MakeUp" ADD CONSTRAINT "MakeUp_enrollmentId_fkey" FOREIGN KEY ("enrollmentId") REFERENCES "SessionEnrollment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyAnswer" ADD CONSTRAINT "SurveyAnswer_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "SurveyResponse"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyAnswer" ADD CONSTRAINT "SurveyAnswer_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "SurveyQuestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The default question set of the course survey (the committee may change it).
INSERT INTO "SurveyQuestion" ("position", "kind", "textJa", "textEn") VALUES
  (1, 'rating', '研修全体の満足度', 'Overall, how satisfied were you with the training?'),
  (2, 'rating', '内容は業務に役立つと思いますか', 'Will the content help you in your work?'),
  (3, 'rating', '説明や資料はわかりやすかったですか', 'Were the explanations and materials clear?'),
  (4, 'rating', '時間配分は適切でしたか', 'Was the time well allocated?'),
  (5, 'text', '良かった点・改善してほしい点を自由にお書きください', 'What was good, and what should be improved?');
