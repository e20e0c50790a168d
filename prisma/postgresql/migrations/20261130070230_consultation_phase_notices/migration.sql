-- CreateTable
CREATE TABLE "ConsultationPhaseNotice" (
    "consultationId" TEXT NOT NULL,
    "kind" "PhaseKind" NOT NULL,
    "notifiedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsultationPhaseNotice_pkey" PRIMARY KEY ("consultationId","kind")
);

-- AddForeignKey
ALTER TABLE "ConsultationPhaseNotice" ADD CONSTRAINT "ConsultationPhaseNotice_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
