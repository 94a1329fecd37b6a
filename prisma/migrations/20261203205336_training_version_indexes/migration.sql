-- DropIndex
DROP INDEX "User_updatedAt_idx";

-- DropIndex
DROP INDEX "ModuleProgress_completedAt_idx";

-- DropIndex
DROP INDEX "TrainingSession_updatedAt_idx";
