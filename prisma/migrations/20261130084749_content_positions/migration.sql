-- AlterTable
ALTER TABLE "ModuleSource" ADD COLUMN     "position" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Term" ADD COLUMN     "position" INTEGER NOT NULL DEFAULT 0;

