-- CreateTable
CREATE TABLE "RetentionSetting" (
    "kind" TEXT NOT NULL,
    "days" INTEGER NOT NULL,
    "updatedById" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RetentionSetting_pkey" PRIMARY KEY ("kind")
);
