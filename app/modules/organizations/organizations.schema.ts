// The organization profile form and the invitation form, shared by the browser
// (react-hook-form resolver) and the server (the authority). Messages are i18n keys in the
// `organizations` namespace. Whether the city exists is checked on the server (it needs
// the database); here it is only checked to look like a slug.
import { z } from "zod";
import { emailField, EMAIL_MAX } from "~/modules/accounts/accounts.schema";

/** Sectors an organization can work in; names in `organizations:sector.<slug>`. */
export const SECTORS = [
  "software",
  "data-ai",
  "design-ux",
  "telecom",
  "mobility",
  "energy",
  "health",
  "education",
  "tourism",
  "civic-tech",
  "consulting",
  "other",
] as const;
export type Sector = (typeof SECTORS)[number];

export function isSector(value: unknown): value is Sector {
  return typeof value === "string" && (SECTORS as readonly string[]).includes(value);
}

/** Head-count bands (the EU's SME size classes); labels in `organizations:size.<SIZE>`. */
export const SIZES = ["SOLO", "MICRO", "SMALL", "MEDIUM", "LARGE"] as const;
export type OrganizationSize = (typeof SIZES)[number];

export const NAME_MIN = 2;
export const NAME_MAX = 120;
export const DESCRIPTION_MIN = 20;
export const DESCRIPTION_MAX = 1000;
export const SKILLS_MAX = 20;
export const SKILL_MAX = 40;
export const WEBSITE_MAX = 300;
export const PHONE_MAX = 30;

/** Length as people count it (an emoji or "ă" is one, not two UTF-16 units). */
const codePoints = (value: string) => Array.from(value).length;

// Control and invisible characters that only serve to spoof or break layout (and, in an
// email subject, to inject headers), plus bidirectional overrides that can disguise a name.
// Joiners (emoji sequences) and combining accents stay allowed.
// eslint-disable-next-line no-control-regex -- rejecting control characters is the point
const FORBIDDEN_IN_LINE = /[\u0000-\u001f\u007f-\u009f\u200b\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/u;
// In the description line breaks and tabs are content.
// eslint-disable-next-line no-control-regex -- rejecting control characters is the point
const FORBIDDEN_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]/u;

/** NFC, whitespace runs collapsed to one space, trimmed. */
export function normalizeLine(value: string): string {
  return value.normalize("NFC").replace(/\s+/gu, " ").trim();
}

/** NFC, "\n" line ends, at most one blank line in a row, trimmed. */
export function normalizeText(value: string): string {
  return value
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** "React, GIS ,react,, accessibility audits" → ["React", "GIS", "accessibility audits"]. */
export function splitSkills(value: string): string[] {
  const seen = new Set<string>();
  const skills: string[] = [];
  for (const raw of value.split(/[,;\n]/)) {
    const skill = normalizeLine(raw);
    const key = skill.toLocaleLowerCase();
    if (!skill || seen.has(key)) continue;
    seen.add(key);
    skills.push(skill);
  }
  return skills;
}

/**
 * A website address as typed ("example.com", "https://example.com/about") → the normalized
 * absolute http(s) URL, or null when it is not one. "javascript:", "data:", "ftp:" … are
 * refused; so are addresses with credentials ("https://bank.example@evil.example" shows
 * one site and opens another) and hosts without a dot (an intranet name is not a website).
 */
export function normalizeWebsite(value: string): string | null {
  const trimmed = value.trim();
  if (!trimmed || /\s/.test(trimmed)) return null;
  // A scheme is letters before ":" (no dot: "example.com:8080" is a host and a port).
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed);
  const withScheme = scheme && !scheme[1].includes(".") ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (url.username || url.password) return null;
  if (!/^[^.]+(\.[^.]+)+$/.test(url.hostname)) return null;
  return url.href;
}

function lineField(keys: { required: string; tooShort: string; tooLong: string }, min: number, max: number) {
  return z
    .string({ required_error: keys.required, invalid_type_error: keys.required })
    .transform(normalizeLine)
    .pipe(
      z
        .string()
        .min(1, keys.required)
        .refine((value) => !FORBIDDEN_IN_LINE.test(value), "organizations:errors.invalidCharacters")
        .refine((value) => codePoints(value) >= min, keys.tooShort)
        .refine((value) => codePoints(value) <= max, keys.tooLong),
    );
}

export const nameField = lineField(
  { required: "organizations:errors.nameRequired", tooShort: "organizations:errors.nameTooShort", tooLong: "organizations:errors.nameTooLong" },
  NAME_MIN,
  NAME_MAX,
);

export const descriptionField = z
  .string({ required_error: "organizations:errors.descriptionRequired", invalid_type_error: "organizations:errors.descriptionRequired" })
  .transform(normalizeText)
  .pipe(
    z
      .string()
      .min(1, "organizations:errors.descriptionRequired")
      .refine((value) => !FORBIDDEN_IN_TEXT.test(value), "organizations:errors.invalidCharacters")
      .refine((value) => codePoints(value) >= DESCRIPTION_MIN, "organizations:errors.descriptionTooShort")
      .refine((value) => codePoints(value) <= DESCRIPTION_MAX, "organizations:errors.descriptionTooLong"),
  );

/**
 * Checked boxes: the server passes formData.getAll("sectors"), react-hook-form an array;
 * a single string (a hand-made post) is accepted too. Duplicates are dropped.
 */
export const sectorsField = z.preprocess(
  (value) => (typeof value === "string" ? [value] : Array.isArray(value) ? value : []),
  z
    .array(z.string(), { invalid_type_error: "organizations:errors.sectorsRequired" })
    .max(SECTORS.length * 2, "organizations:errors.sectorInvalid")
    .transform((values) => [...new Set(values)])
    .pipe(z.array(z.enum(SECTORS, { errorMap: () => ({ message: "organizations:errors.sectorInvalid" }) })).min(1, "organizations:errors.sectorsRequired")),
);

export const skillsField = z
  .string({ invalid_type_error: "validation:invalid" })
  .default("")
  // A huge paste is refused before it is split.
  .refine((value) => value.length <= SKILLS_MAX * (SKILL_MAX + 2) * 2, "organizations:errors.skillsTooMany")
  .refine((value) => !FORBIDDEN_IN_LINE.test(value.replace(/[\r\n\t]/g, " ")), "organizations:errors.invalidCharacters")
  .transform(splitSkills)
  .pipe(
    z
      .array(z.string())
      .max(SKILLS_MAX, "organizations:errors.skillsTooMany")
      .refine((skills) => skills.every((skill) => codePoints(skill) <= SKILL_MAX), "organizations:errors.skillTooLong"),
  );

export const websiteField = z
  .string({ invalid_type_error: "organizations:errors.websiteInvalid" })
  .default("")
  .transform((value) => value.trim())
  .refine((value) => value.length <= WEBSITE_MAX, "organizations:errors.websiteTooLong")
  .transform((value, context) => {
    if (!value) return null;
    const url = normalizeWebsite(value);
    if (!url) {
      context.addIssue({ code: z.ZodIssueCode.custom, message: "organizations:errors.websiteInvalid" });
      return z.NEVER;
    }
    if (url.length > WEBSITE_MAX) {
      context.addIssue({ code: z.ZodIssueCode.custom, message: "organizations:errors.websiteTooLong" });
      return z.NEVER;
    }
    return url;
  });

export const cityField = z
  .string({ required_error: "organizations:errors.cityRequired", invalid_type_error: "organizations:errors.cityRequired" })
  .trim()
  .min(1, "organizations:errors.cityRequired")
  .regex(/^[a-z0-9-]{1,64}$/, "organizations:errors.cityRequired");

export const sizeField = z.enum(SIZES, { errorMap: () => ({ message: "organizations:errors.sizeRequired" }) });

export const contactEmailField = z
  .string({ invalid_type_error: "organizations:errors.contactEmailInvalid" })
  .default("")
  .transform((value) => value.trim())
  .pipe(
    z.union([
      z.literal("").transform(() => null),
      z.string().max(EMAIL_MAX, "organizations:errors.contactEmailInvalid").email("organizations:errors.contactEmailInvalid"),
    ]),
  );

/** Digits with the usual separators and an optional leading "+": 6 to 15 digits (E.164). */
export function isPhoneNumber(value: string): boolean {
  if (!/^\+?[0-9(][0-9 ()./-]*[0-9]$/.test(value)) return false;
  const digits = value.replace(/[^0-9]/g, "").length;
  return digits >= 6 && digits <= 15;
}

export const contactPhoneField = z
  .string({ invalid_type_error: "organizations:errors.contactPhoneInvalid" })
  .default("")
  .transform((value) => value.trim().replace(/\s+/g, " "))
  .refine((value) => value === "" || (value.length <= PHONE_MAX && isPhoneNumber(value)), "organizations:errors.contactPhoneInvalid")
  .transform((value) => value || null);

export const OrganizationSchema = z.object({
  name: nameField,
  sectors: sectorsField,
  skills: skillsField,
  website: websiteField,
  city: cityField,
  description: descriptionField,
  size: sizeField,
  contactEmail: contactEmailField,
  contactPhone: contactPhoneField,
});

export type OrganizationInput = z.infer<typeof OrganizationSchema>;

export const InvitationSchema = z.object({ email: emailField });
