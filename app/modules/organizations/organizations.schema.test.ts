import { describe, expect, it } from "vitest";
import { fieldErrorsFrom } from "~/utils/forms";
import { InvitationSchema, isPhoneNumber, normalizeWebsite, OrganizationSchema, splitSkills } from "./organizations.schema";

const valid = (overrides: Record<string, unknown> = {}) => ({
  name: "Studio Nord",
  sectors: ["software", "design-ux"],
  skills: "React, GIS, accessibility audits",
  website: "https://studio-nord.example/",
  city: "oulu",
  description: "We design and build accessible public web services.",
  size: "MICRO",
  contactEmail: "",
  contactPhone: "",
  ...overrides,
});

function errorsOf(input: Record<string, unknown>) {
  const result = OrganizationSchema.safeParse(input);
  return result.success ? {} : fieldErrorsFrom(result.error);
}

describe("OrganizationSchema", () => {
  it("accepts a complete profile and normalizes it", () => {
    const result = OrganizationSchema.parse(valid({ name: "  Studio   Nord ", contactEmail: " hello@studio.example ", contactPhone: "+358  40 123 4567" }));
    expect(result).toMatchObject({
      name: "Studio Nord",
      sectors: ["software", "design-ux"],
      skills: ["React", "GIS", "accessibility audits"],
      website: "https://studio-nord.example/",
      size: "MICRO",
      contactEmail: "hello@studio.example",
      contactPhone: "+358 40 123 4567",
    });
  });

  it("turns empty optional fields into null / empty lists", () => {
    const result = OrganizationSchema.parse(valid({ skills: "", website: "", contactEmail: "", contactPhone: "" }));
    expect(result.skills).toEqual([]);
    expect(result.website).toBeNull();
    expect(result.contactEmail).toBeNull();
    expect(result.contactPhone).toBeNull();
    // Missing entirely (a hand-made post) is the same as empty.
    const { skills: _s, website: _w, contactEmail: _e, contactPhone: _p, ...required } = valid();
    expect(OrganizationSchema.safeParse(required).success).toBe(true);
  });

  it("accepts unicode names and counts characters as people do", () => {
    expect(OrganizationSchema.parse(valid({ name: "Băcănia Digitală Ștefan & Țuțu" })).name).toBe("Băcănia Digitală Ștefan & Țuțu");
    expect(OrganizationSchema.parse(valid({ name: "Oulun Älykäs Kaupunki Oy" })).name).toBe("Oulun Älykäs Kaupunki Oy");
    expect(OrganizationSchema.parse(valid({ name: "東京デザイン" })).name).toBe("東京デザイン");
    // Decomposed "ă" (a + combining breve) is stored composed.
    expect(OrganizationSchema.parse(valid({ name: "Ba\u0306ca\u0306nia" })).name).toBe("Băcănia");
    // Two emoji are two characters, not four UTF-16 units.
    expect(OrganizationSchema.safeParse(valid({ name: "🚲🚌" })).success).toBe(true);
    expect(errorsOf(valid({ name: "🚲" }))).toEqual({ name: "organizations:errors.nameTooShort" });
    expect(OrganizationSchema.safeParse(valid({ name: "ă".repeat(120) })).success).toBe(true);
    expect(errorsOf(valid({ name: "ă".repeat(121) }))).toEqual({ name: "organizations:errors.nameTooLong" });
  });

  it("refuses empty names and control or invisible characters", () => {
    expect(errorsOf(valid({ name: "   " }))).toEqual({ name: "organizations:errors.nameRequired" });
    expect(errorsOf(valid({ name: undefined }))).toEqual({ name: "organizations:errors.nameRequired" });
    expect(errorsOf(valid({ name: "Evil\u202eCorp" }))).toEqual({ name: "organizations:errors.invalidCharacters" });
    expect(errorsOf(valid({ name: "Zero\u200bWidth" }))).toEqual({ name: "organizations:errors.invalidCharacters" });
    // A line break in a name (email subject header injection) is collapsed to a space.
    expect(OrganizationSchema.parse(valid({ name: "Acme\r\nBcc: x@evil.example" })).name).toBe("Acme Bcc: x@evil.example");
  });

  it("needs at least one known sector and drops duplicates", () => {
    expect(errorsOf(valid({ sectors: [] }))).toEqual({ sectors: "organizations:errors.sectorsRequired" });
    expect(errorsOf(valid({ sectors: undefined }))).toEqual({ sectors: "organizations:errors.sectorsRequired" });
    expect(errorsOf(valid({ sectors: ["software", "blockchain"] }))).toEqual({ sectors: "organizations:errors.sectorInvalid" });
    expect(OrganizationSchema.parse(valid({ sectors: "mobility" })).sectors).toEqual(["mobility"]);
    expect(OrganizationSchema.parse(valid({ sectors: ["energy", "energy", "health"] })).sectors).toEqual(["energy", "health"]);
    expect(errorsOf(valid({ sectors: Array(100).fill("software") }))).toEqual({ sectors: "organizations:errors.sectorInvalid" });
  });

  it("splits skills, trims them, drops duplicates and limits them", () => {
    expect(splitSkills(" React ,GIS,, react ;Node.js\nPostGIS ")).toEqual(["React", "GIS", "Node.js", "PostGIS"]);
    const twenty = Array.from({ length: 20 }, (_, index) => `skill ${index}`).join(", ");
    expect(OrganizationSchema.parse(valid({ skills: twenty })).skills).toHaveLength(20);
    expect(errorsOf(valid({ skills: `${twenty}, one more` }))).toEqual({ skills: "organizations:errors.skillsTooMany" });
    // Duplicates do not count towards the limit.
    expect(OrganizationSchema.parse(valid({ skills: `${twenty}, skill 0, SKILL 1` })).skills).toHaveLength(20);
    expect(OrganizationSchema.safeParse(valid({ skills: "ș".repeat(40) })).success).toBe(true);
    expect(errorsOf(valid({ skills: `React, ${"x".repeat(41)}` }))).toEqual({ skills: "organizations:errors.skillTooLong" });
    expect(errorsOf(valid({ skills: "a,".repeat(5_000) }))).toEqual({ skills: "organizations:errors.skillsTooMany" });
    expect(errorsOf(valid({ skills: "React, \u0000GIS" }))).toEqual({ skills: "organizations:errors.invalidCharacters" });
  });

  it("accepts http(s) websites only", () => {
    for (const bad of [
      "javascript:alert(1)",
      "JavaScript:alert(1)",
      " javascript:alert(1)",
      "java\tscript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox(1)",
      "file:///etc/passwd",
      "ftp://example.com/",
      "mailto:hello@example.com",
      "https://bank.example@evil.example/",
      "https://user:pass@example.com/",
      "http://localhost:3000/",
      "https://intranet/",
      "not a website",
      "https://",
    ]) {
      expect(errorsOf(valid({ website: bad })), bad).toEqual({ website: "organizations:errors.websiteInvalid" });
    }
    expect(OrganizationSchema.parse(valid({ website: "example.com" })).website).toBe("https://example.com/");
    expect(OrganizationSchema.parse(valid({ website: "www.example.com:8080/about" })).website).toBe("https://www.example.com:8080/about");
    expect(OrganizationSchema.parse(valid({ website: "HTTP://Example.COM/Path?q=1" })).website).toBe("http://example.com/Path?q=1");
    expect(OrganizationSchema.parse(valid({ website: "https://münchen.example/" })).website).toBe("https://xn--mnchen-3ya.example/");
    expect(errorsOf(valid({ website: `https://example.com/${"a".repeat(300)}` }))).toEqual({ website: "organizations:errors.websiteTooLong" });
    expect(normalizeWebsite("https://example.com/<script>")).toBe("https://example.com/%3Cscript%3E");
  });

  it("checks the city, description, size and contact fields", () => {
    expect(errorsOf(valid({ city: "" }))).toEqual({ city: "organizations:errors.cityRequired" });
    expect(errorsOf(valid({ city: "../etc" }))).toEqual({ city: "organizations:errors.cityRequired" });
    expect(errorsOf(valid({ description: "Too short" }))).toEqual({ description: "organizations:errors.descriptionTooShort" });
    expect(errorsOf(valid({ description: "ă".repeat(1001) }))).toEqual({ description: "organizations:errors.descriptionTooLong" });
    expect(OrganizationSchema.parse(valid({ description: "Line one of the text.\r\n\r\n\r\n\r\nLine two.  " })).description).toBe(
      "Line one of the text.\n\nLine two.",
    );
    expect(errorsOf(valid({ size: "HUGE" }))).toEqual({ size: "organizations:errors.sizeRequired" });
    expect(errorsOf(valid({ size: "" }))).toEqual({ size: "organizations:errors.sizeRequired" });
    expect(errorsOf(valid({ contactEmail: "not-an-email" }))).toEqual({ contactEmail: "organizations:errors.contactEmailInvalid" });
    expect(errorsOf(valid({ contactPhone: "call me" }))).toEqual({ contactPhone: "organizations:errors.contactPhoneInvalid" });
  });

  it("recognises phone numbers", () => {
    expect(isPhoneNumber("+40 721 234 567")).toBe(true);
    expect(isPhoneNumber("(08) 123-4567")).toBe(true);
    expect(isPhoneNumber("12345")).toBe(false);
    expect(isPhoneNumber("+1234567890123456")).toBe(false);
    expect(isPhoneNumber("+40 721 234 567 ext")).toBe(false);
  });

  it("reports several problems at once", () => {
    expect(Object.keys(errorsOf({ sectors: [] })).sort()).toEqual(["city", "description", "name", "sectors", "size"]);
  });
});

describe("InvitationSchema", () => {
  it("needs an email address", () => {
    expect(InvitationSchema.safeParse({ email: " colleague@example.com " }).success).toBe(true);
    expect(InvitationSchema.safeParse({ email: "colleague" }).success).toBe(false);
    expect(InvitationSchema.safeParse({}).success).toBe(false);
  });
});
