-- CreateTable
CREATE TABLE "ConsultationPhaseNotice" (
    "consultationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "notifiedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("consultationId", "kind"),
    CONSTRAINT "ConsultationPhaseNotice_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
