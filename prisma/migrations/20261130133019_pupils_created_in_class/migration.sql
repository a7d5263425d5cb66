-- AlterTable
ALTER TABLE "User" ADD COLUMN     "createdInClassId" TEXT;

-- CreateIndex
CREATE INDEX "User_createdInClassId_idx" ON "User"("createdInClassId");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_createdInClassId_fkey" FOREIGN KEY ("createdInClassId") REFERENCES "Class"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Backfill: an existing account without email (a pupil an instructor created) belongs to the class of its
-- earliest membership, which is the class it was created in unless it has since been removed from that one.
-- Pupils in no class stay NULL: only an admin's reset link reaches them.
UPDATE "User" u
SET "createdInClassId" = (
  SELECT m."classId" FROM "ClassMember" m WHERE m."userId" = u."id" ORDER BY m."joinedAt", m."classId" LIMIT 1
)
WHERE u."email" IS NULL AND u."username" IS NOT NULL;
