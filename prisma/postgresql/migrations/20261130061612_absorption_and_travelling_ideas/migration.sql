-- CreateEnum
CREATE TYPE "AdoptionUsage" AS ENUM ('REGULARLY', 'TRIED', 'NOT_YET', 'UNAWARE');

-- CreateEnum
CREATE TYPE "FeedbackTextStatus" AS ENUM ('PENDING', 'PUBLISHED', 'REJECTED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "IdeaEventType" ADD VALUE 'PILOT_PLANNED';
ALTER TYPE "IdeaEventType" ADD VALUE 'SERVICE_LAUNCHED';
ALTER TYPE "IdeaEventType" ADD VALUE 'PROPOSED_ELSEWHERE';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'PILOT_STARTED';
ALTER TYPE "NotificationKind" ADD VALUE 'PILOT_ENDED';

-- AlterTable
ALTER TABLE "Idea" ADD COLUMN     "inspiredById" TEXT,
ADD COLUMN     "launchedAt" TIMESTAMP(3),
ADD COLUMN     "serviceUrl" TEXT;

-- CreateTable
CREATE TABLE "Pilot" (
    "id" TEXT NOT NULL,
    "ideaId" TEXT NOT NULL,
    "plan" TEXT NOT NULL,
    "howToTakePart" TEXT NOT NULL DEFAULT '',
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "capacity" INTEGER,
    "testerCount" INTEGER NOT NULL DEFAULT 0,
    "startNotifiedAt" TIMESTAMP(3),
    "endNotifiedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Pilot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PilotPartner" (
    "pilotId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PilotPartner_pkey" PRIMARY KEY ("pilotId","organizationId")
);

-- CreateTable
CREATE TABLE "PilotTester" (
    "pilotId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PilotTester_pkey" PRIMARY KEY ("pilotId","userId")
);

-- CreateTable
CREATE TABLE "AdoptionFeedback" (
    "id" TEXT NOT NULL,
    "ideaId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "usage" "AdoptionUsage" NOT NULL,
    "ease" INTEGER,
    "missing" TEXT,
    "missingStatus" "FeedbackTextStatus" NOT NULL DEFAULT 'PENDING',
    "reviewedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AdoptionFeedback_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Pilot_ideaId_key" ON "Pilot"("ideaId");

-- CreateIndex
CREATE INDEX "Pilot_startsAt_idx" ON "Pilot"("startsAt");

-- CreateIndex
CREATE INDEX "Pilot_endsAt_idx" ON "Pilot"("endsAt");

-- CreateIndex
CREATE INDEX "PilotPartner_organizationId_idx" ON "PilotPartner"("organizationId");

-- CreateIndex
CREATE INDEX "PilotTester_userId_idx" ON "PilotTester"("userId");

-- CreateIndex
CREATE INDEX "AdoptionFeedback_ideaId_usage_idx" ON "AdoptionFeedback"("ideaId", "usage");

-- CreateIndex
CREATE INDEX "AdoptionFeedback_userId_idx" ON "AdoptionFeedback"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "AdoptionFeedback_ideaId_userId_key" ON "AdoptionFeedback"("ideaId", "userId");

-- CreateIndex
CREATE INDEX "Idea_inspiredById_idx" ON "Idea"("inspiredById");

-- CreateIndex
CREATE INDEX "Idea_status_launchedAt_idx" ON "Idea"("status", "launchedAt");

-- AddForeignKey
ALTER TABLE "Idea" ADD CONSTRAINT "Idea_inspiredById_fkey" FOREIGN KEY ("inspiredById") REFERENCES "Idea"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pilot" ADD CONSTRAINT "Pilot_ideaId_fkey" FOREIGN KEY ("ideaId") REFERENCES "Idea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pilot" ADD CONSTRAINT "Pilot_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PilotPartner" ADD CONSTRAINT "PilotPartner_pilotId_fkey" FOREIGN KEY ("pilotId") REFERENCES "Pilot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PilotPartner" ADD CONSTRAINT "PilotPartner_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PilotTester" ADD CONSTRAINT "PilotTester_pilotId_fkey" FOREIGN KEY ("pilotId") REFERENCES "Pilot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PilotTester" ADD CONSTRAINT "PilotTester_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdoptionFeedback" ADD CONSTRAINT "AdoptionFeedback_ideaId_fkey" FOREIGN KEY ("ideaId") REFERENCES "Idea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdoptionFeedback" ADD CONSTRAINT "AdoptionFeedback_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
