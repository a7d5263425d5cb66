-- CreateEnum
CREATE TYPE "FeedbackPolicy" AS ENUM ('IMMEDIATE', 'AFTER_DUE', 'NEVER');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "username" TEXT,
ALTER COLUMN "email" DROP NOT NULL;

-- CreateTable
CREATE TABLE "Class" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "term" TEXT NOT NULL,
    "joinCode" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Class_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClassInstructor" (
    "classId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "isOwner" BOOLEAN NOT NULL DEFAULT false,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClassInstructor_pkey" PRIMARY KEY ("classId","userId")
);

-- CreateTable
CREATE TABLE "ClassMember" (
    "classId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "joinedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClassMember_pkey" PRIMARY KEY ("classId","userId")
);

-- CreateTable
CREATE TABLE "Assignment" (
    "id" TEXT NOT NULL,
    "classId" TEXT NOT NULL,
    "moduleId" TEXT,
    "activityId" TEXT,
    "opensAt" TIMESTAMP(3) NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "timeZone" TEXT NOT NULL,
    "feedback" "FeedbackPolicy" NOT NULL DEFAULT 'IMMEDIATE',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssignmentExtension" (
    "assignmentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssignmentExtension_pkey" PRIMARY KEY ("assignmentId","userId")
);

-- CreateTable
CREATE TABLE "AssignmentGrade" (
    "assignmentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "overrideScore" DOUBLE PRECISION,
    "comment" TEXT,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AssignmentGrade_pkey" PRIMARY KEY ("assignmentId","userId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Class_joinCode_key" ON "Class"("joinCode");

-- CreateIndex
CREATE INDEX "ClassInstructor_userId_idx" ON "ClassInstructor"("userId");

-- CreateIndex
CREATE INDEX "ClassMember_userId_idx" ON "ClassMember"("userId");

-- CreateIndex
CREATE INDEX "Assignment_classId_dueAt_idx" ON "Assignment"("classId", "dueAt");

-- CreateIndex
CREATE INDEX "Assignment_activityId_idx" ON "Assignment"("activityId");

-- CreateIndex
CREATE INDEX "Assignment_moduleId_idx" ON "Assignment"("moduleId");

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- AddForeignKey
ALTER TABLE "ClassInstructor" ADD CONSTRAINT "ClassInstructor_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Class"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClassInstructor" ADD CONSTRAINT "ClassInstructor_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClassMember" ADD CONSTRAINT "ClassMember_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Class"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClassMember" ADD CONSTRAINT "ClassMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Class"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_moduleId_fkey" FOREIGN KEY ("moduleId") REFERENCES "Module"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssignmentExtension" ADD CONSTRAINT "AssignmentExtension_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssignmentExtension" ADD CONSTRAINT "AssignmentExtension_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssignmentGrade" ADD CONSTRAINT "AssignmentGrade_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssignmentGrade" ADD CONSTRAINT "AssignmentGrade_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- NOTE: hand-written rules Prisma's schema language cannot express. Triggers, not CHECK constraints:
-- (the engine runs a script statement by statement, split at every semicolon: hence \x3B in the bodies)
-- Prisma 6's Wasm schema engine (the only one we can run offline) crashes introspecting CHECK constraints,
-- which `migrate diff` does on every migration it creates (docs/decisions/008).
CREATE FUNCTION crosscheck_check_assignment() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF (NEW."moduleId" IS NULL) = (NEW."activityId" IS NULL) THEN
    RAISE EXCEPTION ''an assignment targets exactly one module or one activity'' USING ERRCODE = ''check_violation''\x3B
  END IF\x3B
  IF NEW."dueAt" <= NEW."opensAt" THEN
    RAISE EXCEPTION ''an assignment is due after it opens'' USING ERRCODE = ''check_violation''\x3B
  END IF\x3B
  RETURN NEW\x3B
END ';
CREATE TRIGGER "Assignment_rules" BEFORE INSERT OR UPDATE ON "Assignment" FOR EACH ROW EXECUTE FUNCTION crosscheck_check_assignment();

CREATE FUNCTION crosscheck_check_grade() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF NEW."overrideScore" IS NOT NULL AND (NEW."overrideScore" < 0 OR NEW."overrideScore" > 100) THEN
    RAISE EXCEPTION ''a score override is a percentage from 0 to 100'' USING ERRCODE = ''check_violation''\x3B
  END IF\x3B
  RETURN NEW\x3B
END ';
CREATE TRIGGER "AssignmentGrade_rules" BEFORE INSERT OR UPDATE ON "AssignmentGrade" FOR EACH ROW EXECUTE FUNCTION crosscheck_check_grade();

CREATE FUNCTION crosscheck_check_user() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF NEW."email" IS NULL AND NEW."username" IS NULL THEN
    RAISE EXCEPTION ''an account has an email or a username'' USING ERRCODE = ''check_violation''\x3B
  END IF\x3B
  RETURN NEW\x3B
END ';
CREATE TRIGGER "User_rules" BEFORE INSERT OR UPDATE ON "User" FOR EACH ROW EXECUTE FUNCTION crosscheck_check_user();
