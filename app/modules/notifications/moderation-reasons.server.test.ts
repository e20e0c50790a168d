// A moderation decision's reason code reaches its author as words of their own language,
// in the app and in the immediate email; never as the raw code.
import { describe, expect, it } from "vitest";
import { rejectSubmittedIdea } from "~/modules/moderation/review.server";
import { createIdea, createUser } from "~/testing/factories";
import { db } from "~/utils/db.server";
import { describeNotification, moderationReasonLabel, translatorFor } from "./messages.server";

const decision = (data: Record<string, unknown>) => ({ kind: "MODERATION_DECISION", commentId: null, data: { decision: "REJECTED", title: "Bike racks", ...data } });

describe("moderation reasons in notifications", () => {
  it("translates review reasons and the automatic reason for the reader", async () => {
    const fr = await translatorFor("fr");
    const ro = await translatorFor("ro");
    expect(moderationReasonLabel(fr, "DUPLICATE")).toBe("Doublon d’une idée existante");
    expect(moderationReasonLabel(ro, "REPORTS")).toBe("Raportată de mai multe persoane");
    expect(moderationReasonLabel(fr, "NOT_A_CODE")).toBeNull();
    expect(moderationReasonLabel(fr, null)).toBeNull();
  });

  it("puts the translated reason before the moderator's own words, and leaves out unknown codes", async () => {
    const fr = await translatorFor("fr");
    expect(describeNotification(fr, decision({ reasonCode: "DUPLICATE", reason: "Voir l’idée 12." })).detail).toBe(
      "Motif\u00a0: Doublon d’une idée existante — Voir l’idée 12.",
    );
    expect(describeNotification(fr, decision({ decision: "HIDDEN", reasonCode: "REPORTS" })).detail).toBe("Motif\u00a0: Signalé par plusieurs personnes");
    const unknown = describeNotification(fr, decision({ reasonCode: "NOT_A_CODE", reason: "Texte libre" })).detail;
    expect(unknown).toBe("Motif\u00a0: Texte libre");
    expect(unknown).not.toContain("NOT_A_CODE");
  });

  it("emails a rejected idea's author the reason in their language", async () => {
    const author = await createUser({ locale: "ro" });
    const idea = await createIdea({ authorId: author.id, published: false });
    const moderator = await createUser();
    const city = await db.city.findUniqueOrThrow({ where: { slug: "oulu" }, select: { id: true } });
    const result = await rejectSubmittedIdea({ ideaId: idea.id, actorId: moderator.id, cityId: city.id, reasonCode: "DUPLICATE", message: "Vedeți ideea 12, vă rugăm." });
    expect(result).toEqual({ ok: true });
    const email = await db.emailMessage.findFirstOrThrow({ where: { toAddress: author.email }, orderBy: { createdAt: "desc" }, select: { textBody: true } });
    expect(email.textBody).toContain("Motiv: Dublează o idee existentă — Vedeți ideea 12, vă rugăm.");
    expect(email.textBody).not.toContain("DUPLICATE");
  });
});
