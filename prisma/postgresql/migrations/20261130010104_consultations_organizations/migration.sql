-- CreateEnum
CREATE TYPE "ConsultationStatus" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "PhaseKind" AS ENUM ('INFORMATION', 'IDEATION', 'SUPPORTS', 'REVIEW', 'RESULTS');

-- CreateEnum
CREATE TYPE "ParticipationRole" AS ENUM ('PARTICIPANT', 'SOLUTION_PARTNER');

-- CreateEnum
CREATE TYPE "OrganizationSize" AS ENUM ('SOLO', 'MICRO', 'SMALL', 'MEDIUM', 'LARGE');

-- AlterTable
ALTER TABLE "Consultation" ADD COLUMN     "body" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "createdById" TEXT,
ADD COLUMN     "language" TEXT NOT NULL DEFAULT 'en',
ADD COLUMN     "publishedAt" TIMESTAMP(3),
ADD COLUMN     "question" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "resultsPublishedAt" TIMESTAMP(3),
ADD COLUMN     "resultsText" TEXT,
ADD COLUMN     "status" "ConsultationStatus" NOT NULL DEFAULT 'DRAFT',
ADD COLUMN     "summary" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "supportLimit" INTEGER;

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "contactEmail" TEXT,
ADD COLUMN     "contactPhone" TEXT,
ADD COLUMN     "sectors" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "size" "OrganizationSize",
ADD COLUMN     "skills" JSONB NOT NULL DEFAULT '[]';

-- CreateTable
CREATE TABLE "OrganizationInvitation" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailNormalized" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "invitedById" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrganizationInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsultationPhase" (
    "id" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "kind" "PhaseKind" NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConsultationPhase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsultationParticipant" (
    "consultationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "ParticipationRole" NOT NULL DEFAULT 'PARTICIPANT',
    "organizationId" TEXT,
    "statement" TEXT,
    "shareContact" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsultationParticipant_pkey" PRIMARY KEY ("consultationId","userId")
);

-- CreateTable
CREATE TABLE "ConsultationSupportQuota" (
    "consultationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "used" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ConsultationSupportQuota_pkey" PRIMARY KEY ("consultationId","userId")
);

-- CreateIndex
CREATE UNIQUE INDEX "OrganizationInvitation_tokenHash_key" ON "OrganizationInvitation"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "OrganizationInvitation_organizationId_emailNormalized_key" ON "OrganizationInvitation"("organizationId", "emailNormalized");

-- CreateIndex
CREATE UNIQUE INDEX "ConsultationPhase_consultationId_kind_key" ON "ConsultationPhase"("consultationId", "kind");

-- CreateIndex
CREATE INDEX "ConsultationParticipant_userId_idx" ON "ConsultationParticipant"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ConsultationParticipant_consultationId_organizationId_key" ON "ConsultationParticipant"("consultationId", "organizationId");

-- CreateIndex
CREATE INDEX "Consultation_status_publishedAt_idx" ON "Consultation"("status", "publishedAt");

-- AddForeignKey
ALTER TABLE "OrganizationInvitation" ADD CONSTRAINT "OrganizationInvitation_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganizationInvitation" ADD CONSTRAINT "OrganizationInvitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consultation" ADD CONSTRAINT "Consultation_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationPhase" ADD CONSTRAINT "ConsultationPhase_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationParticipant" ADD CONSTRAINT "ConsultationParticipant_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationParticipant" ADD CONSTRAINT "ConsultationParticipant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationParticipant" ADD CONSTRAINT "ConsultationParticipant_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationSupportQuota" ADD CONSTRAINT "ConsultationSupportQuota_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationSupportQuota" ADD CONSTRAINT "ConsultationSupportQuota_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
