-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "countEarlierAttempts" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "countRetakesAfterKey" BOOLEAN NOT NULL DEFAULT false;

