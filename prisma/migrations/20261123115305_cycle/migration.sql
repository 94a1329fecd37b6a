-- CreateEnum
CREATE TYPE "MeetingScope" AS ENUM ('CITY', 'WARD');

-- CreateEnum
CREATE TYPE "MeetingTopicKind" AS ENUM ('WEAK', 'GOOD_PRACTICE');

-- CreateEnum
CREATE TYPE "ActionPlanStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'REVIEWED');

-- CreateEnum
CREATE TYPE "ActionItemStatus" AS ENUM ('PLANNED', 'IN_PROGRESS', 'DONE', 'DROPPED');

-- CreateEnum
CREATE TYPE "PeerActivityKind" AS ENUM ('VISIT', 'EXCHANGE', 'STUDY', 'SHADOWING');

-- CreateEnum
CREATE TYPE "IntroductionStatus" AS ENUM ('REQUESTED', 'INTRODUCED', 'DECLINED');

-- CreateTable
CREATE TABLE "SharingMeeting" (
    "id" SERIAL NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "scope" "MeetingScope" NOT NULL DEFAULT 'CITY',
    "wardId" INTEGER,
    "title" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3),
    "venue" TEXT NOT NULL DEFAULT '',
    "onlineUrl" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SharingMeeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingRegistration" (
    "id" SERIAL NOT NULL,
    "meetingId" INTEGER NOT NULL,
    "officeId" INTEGER NOT NULL,
    "attendeeNames" TEXT NOT NULL DEFAULT '',
    "attendeeCount" INTEGER NOT NULL DEFAULT 1,
    "attended" BOOLEAN NOT NULL DEFAULT false,
    "attendedCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MeetingRegistration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingTopic" (
    "id" SERIAL NOT NULL,
    "meetingId" INTEGER NOT NULL,
    "itemCodes" TEXT[],
    "kind" "MeetingTopicKind" NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "notes" TEXT NOT NULL DEFAULT '',
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "MeetingTopic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionPlan" (
    "id" SERIAL NOT NULL,
    "officeId" INTEGER NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "status" "ActionPlanStatus" NOT NULL DEFAULT 'DRAFT',
    "submittedAt" TIMESTAMP(3),
    "reviewedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ActionPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionPlanItem" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "itemCodes" TEXT[],
    "issue" TEXT NOT NULL,
    "goal" TEXT NOT NULL,
    "actions" TEXT NOT NULL,
    "owner" TEXT NOT NULL DEFAULT '',
    "startDate" TIMESTAMP(3),
    "dueDate" TIMESTAMP(3),
    "status" "ActionItemStatus" NOT NULL DEFAULT 'PLANNED',
    "statusAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ActionPlanItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionPlanUpdate" (
    "id" SERIAL NOT NULL,
    "itemId" INTEGER NOT NULL,
    "date" TIMESTAMP(3) NOT NULL,
    "note" TEXT NOT NULL,
    "evidence" TEXT NOT NULL DEFAULT '',
    "status" "ActionItemStatus",
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActionPlanUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionPlanComment" (
    "id" SERIAL NOT NULL,
    "itemId" INTEGER NOT NULL,
    "authorId" INTEGER,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActionPlanComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PeerGroup" (
    "id" SERIAL NOT NULL,
    "wardId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PeerGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PeerActivity" (
    "id" SERIAL NOT NULL,
    "groupId" INTEGER NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "date" TIMESTAMP(3) NOT NULL,
    "kind" "PeerActivityKind" NOT NULL,
    "itemCodes" TEXT[],
    "learned" TEXT NOT NULL,
    "loggedById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PeerActivity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IntroductionRequest" (
    "id" SERIAL NOT NULL,
    "fromOfficeId" INTEGER NOT NULL,
    "itemCode" TEXT NOT NULL,
    "targetOfficeId" INTEGER NOT NULL,
    "status" "IntroductionStatus" NOT NULL DEFAULT 'REQUESTED',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IntroductionRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_peerGroupOffices" (
    "A" INTEGER NOT NULL,
    "B" INTEGER NOT NULL,

    CONSTRAINT "_peerGroupOffices_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_peerActivityOffices" (
    "A" INTEGER NOT NULL,
    "B" INTEGER NOT NULL,

    CONSTRAINT "_peerActivityOffices_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_peerActivityPlanItems" (
    "A" INTEGER NOT NULL,
    "B" INTEGER NOT NULL,

    CONSTRAINT "_peerActivityPlanItems_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE INDEX "SharingMeeting_fiscalYear_idx" ON "SharingMeeting"("fiscalYear");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingRegistration_meetingId_officeId_key" ON "MeetingRegistration"("meetingId", "officeId");

-- CreateIndex
CREATE INDEX "MeetingTopic_meetingId_idx" ON "MeetingTopic"("meetingId");

-- CreateIndex
CREATE INDEX "ActionPlan_fiscalYear_status_idx" ON "ActionPlan"("fiscalYear", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ActionPlan_officeId_fiscalYear_key" ON "ActionPlan"("officeId", "fiscalYear");

-- CreateIndex
CREATE INDEX "ActionPlanItem_planId_idx" ON "ActionPlanItem"("planId");

-- CreateIndex
CREATE INDEX "ActionPlanUpdate_itemId_idx" ON "ActionPlanUpdate"("itemId");

-- CreateIndex
CREATE INDEX "ActionPlanComment_itemId_idx" ON "ActionPlanComment"("itemId");

-- CreateIndex
CREATE INDEX "PeerGroup_wardId_idx" ON "PeerGroup"("wardId");

-- CreateIndex
CREATE INDEX "PeerActivity_groupId_idx" ON "PeerActivity"("groupId");

-- CreateIndex
CREATE INDEX "PeerActivity_fiscalYear_idx" ON "PeerActivity"("fiscalYear");

-- CreateIndex
CREATE UNIQUE INDEX "IntroductionRequest_fromOfficeId_itemCode_targetOfficeId_key" ON "IntroductionRequest"("fromOfficeId", "itemCode", "targetOfficeId");

-- CreateIndex
CREATE INDEX "_peerGroupOffices_B_index" ON "_peerGroupOffices"("B");

-- CreateIndex
CREATE INDEX "_peerActivityOffices_B_index" ON "_peerActivityOffices"("B");

-- CreateIndex
CREATE INDEX "_peerActivityPlanItems_B_index" ON "_peerActivityPlanItems"("B");

-- AddForeignKey
ALTER TABLE "SharingMeeting" ADD CONSTRAINT "SharingMeeting_wardId_fkey" FOREIGN KEY ("wardId") REFERENCES "Ward"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingRegistration" ADD CONSTRAINT "MeetingRegistration_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "SharingMeeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingRegistration" ADD CONSTRAINT "MeetingRegistration_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingTopic" ADD CONSTRAINT "MeetingTopic_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "SharingMeeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionPlan" ADD CONSTRAINT "ActionPlan_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionPlanItem" ADD CONSTRAINT "ActionPlanItem_planId_fkey" FOREIGN KEY ("planId") REFERENCES "ActionPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionPlanUpdate" ADD CONSTRAINT "ActionPlanUpdate_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ActionPlanItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionPlanComment" ADD CONSTRAINT "ActionPlanComment_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ActionPlanItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionPlanComment" ADD CONSTRAINT "ActionPlanComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeerGroup" ADD CONSTRAINT "PeerGroup_wardId_fkey" FOREIGN KEY ("wardId") REFERENCES "Ward"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeerActivity" ADD CONSTRAINT "PeerActivity_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "PeerGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeerActivity" ADD CONSTRAINT "PeerActivity_loggedById_fkey" FOREIGN KEY ("loggedById") REFERENCES "Office"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntroductionRequest" ADD CONSTRAINT "IntroductionRequest_fromOfficeId_fkey" FOREIGN KEY ("fromOfficeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntroductionRequest" ADD CONSTRAINT "IntroductionRequest_targetOfficeId_fkey" FOREIGN KEY ("targetOfficeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_peerGroupOffices" ADD CONSTRAINT "_peerGroupOffices_A_fkey" FOREIGN KEY ("A") REFERENCES "Office"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_peerGroupOffices" ADD CONSTRAINT "_peerGroupOffices_B_fkey" FOREIGN KEY ("B") REFERENCES "PeerGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_peerActivityOffices" ADD CONSTRAINT "_peerActivityOffices_A_fkey" FOREIGN KEY ("A") REFERENCES "Office"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_peerActivityOffices" ADD CONSTRAINT "_peerActivityOffices_B_fkey" FOREIGN KEY ("B") REFERENCES "PeerActivity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_peerActivityPlanItems" ADD CONSTRAINT "_peerActivityPlanItems_A_fkey" FOREIGN KEY ("A") REFERENCES "ActionPlanItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_peerActivityPlanItems" ADD CONSTRAINT "_peerActivityPlanItems_B_fkey" FOREIGN KEY ("B") REFERENCES "PeerActivity"("id") ON DELETE CASCADE ON UPDATE CASCADE;
