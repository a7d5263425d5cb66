-- AlterTable
ALTER TABLE "Answer" ADD COLUMN     "seq" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Attempt" ADD COLUMN     "shownOrder" JSONB;

