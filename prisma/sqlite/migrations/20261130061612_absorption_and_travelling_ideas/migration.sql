-- CreateTable
CREATE TABLE "Pilot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ideaId" TEXT NOT NULL,
    "plan" TEXT NOT NULL,
    "howToTakePart" TEXT NOT NULL DEFAULT '',
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "capacity" INTEGER,
    "testerCount" INTEGER NOT NULL DEFAULT 0,
    "startNotifiedAt" DATETIME,
    "endNotifiedAt" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Pilot_ideaId_fkey" FOREIGN KEY ("ideaId") REFERENCES "Idea" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Pilot_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PilotPartner" (
    "pilotId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("pilotId", "organizationId"),
    CONSTRAINT "PilotPartner_pilotId_fkey" FOREIGN KEY ("pilotId") REFERENCES "Pilot" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PilotPartner_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PilotTester" (
    "pilotId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("pilotId", "userId"),
    CONSTRAINT "PilotTester_pilotId_fkey" FOREIGN KEY ("pilotId") REFERENCES "Pilot" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PilotTester_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AdoptionFeedback" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ideaId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "usage" TEXT NOT NULL,
    "ease" INTEGER,
    "missing" TEXT,
    "missingStatus" TEXT NOT NULL DEFAULT 'PENDING',
    "reviewedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AdoptionFeedback_ideaId_fkey" FOREIGN KEY ("ideaId") REFERENCES "Idea" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AdoptionFeedback_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Idea" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "number" INTEGER NOT NULL,
    "cityId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "organizationId" TEXT,
    "consultationId" TEXT,
    "categoryId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "language" TEXT NOT NULL DEFAULT 'en',
    "status" TEXT NOT NULL DEFAULT 'SUBMITTED',
    "officialAnswer" TEXT,
    "mergedIntoId" TEXT,
    "inspiredById" TEXT,
    "launchedAt" DATETIME,
    "serviceUrl" TEXT,
    "hiddenAt" DATETIME,
    "hiddenReason" TEXT,
    "supportCount" INTEGER NOT NULL DEFAULT 0,
    "commentCount" INTEGER NOT NULL DEFAULT 0,
    "trendScore" REAL NOT NULL DEFAULT 0,
    "publishedAt" DATETIME,
    "editedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Idea_cityId_fkey" FOREIGN KEY ("cityId") REFERENCES "City" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Idea_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Idea_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Idea_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Idea_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Idea_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Idea" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Idea_inspiredById_fkey" FOREIGN KEY ("inspiredById") REFERENCES "Idea" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Idea" ("authorId", "body", "categoryId", "cityId", "commentCount", "consultationId", "createdAt", "editedAt", "hiddenAt", "hiddenReason", "id", "language", "mergedIntoId", "number", "officialAnswer", "organizationId", "publishedAt", "status", "summary", "supportCount", "title", "trendScore", "updatedAt") SELECT "authorId", "body", "categoryId", "cityId", "commentCount", "consultationId", "createdAt", "editedAt", "hiddenAt", "hiddenReason", "id", "language", "mergedIntoId", "number", "officialAnswer", "organizationId", "publishedAt", "status", "summary", "supportCount", "title", "trendScore", "updatedAt" FROM "Idea";
DROP TABLE "Idea";
ALTER TABLE "new_Idea" RENAME TO "Idea";
CREATE UNIQUE INDEX "Idea_number_key" ON "Idea"("number");
CREATE INDEX "Idea_cityId_status_publishedAt_id_idx" ON "Idea"("cityId", "status", "publishedAt", "id");
CREATE INDEX "Idea_cityId_status_trendScore_id_idx" ON "Idea"("cityId", "status", "trendScore", "id");
CREATE INDEX "Idea_cityId_status_supportCount_id_idx" ON "Idea"("cityId", "status", "supportCount", "id");
CREATE INDEX "Idea_cityId_status_commentCount_id_idx" ON "Idea"("cityId", "status", "commentCount", "id");
CREATE INDEX "Idea_status_publishedAt_id_idx" ON "Idea"("status", "publishedAt", "id");
CREATE INDEX "Idea_status_trendScore_id_idx" ON "Idea"("status", "trendScore", "id");
CREATE INDEX "Idea_status_supportCount_id_idx" ON "Idea"("status", "supportCount", "id");
CREATE INDEX "Idea_status_commentCount_id_idx" ON "Idea"("status", "commentCount", "id");
CREATE INDEX "Idea_authorId_idx" ON "Idea"("authorId");
CREATE INDEX "Idea_consultationId_idx" ON "Idea"("consultationId");
CREATE INDEX "Idea_categoryId_idx" ON "Idea"("categoryId");
CREATE INDEX "Idea_inspiredById_idx" ON "Idea"("inspiredById");
CREATE INDEX "Idea_status_launchedAt_idx" ON "Idea"("status", "launchedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

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
