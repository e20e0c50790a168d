// Forms of the city and network administration pages (shared by the browser and the server).
import { z } from "zod";
import { languages, type Locale } from "~/i18n/config";

export const MERGE_REASON_MAX = 1000;
export const CATEGORY_NAME_MAX = 80;
export const REPORT_THRESHOLD_MAX = 100;

const ideaNumber = z.coerce
  .number({ invalid_type_error: "administration:errors.ideaNumber" })
  .int("administration:errors.ideaNumber")
  .positive("administration:errors.ideaNumber")
  .max(2_147_483_647, "administration:errors.ideaNumber");

/** Merge the duplicate (#duplicate) into the kept idea (#kept), with a public reason. */
export const MergeSchema = z.object({
  duplicate: ideaNumber,
  kept: ideaNumber,
  reason: z
    .string({ required_error: "administration:errors.reasonRequired" })
    .trim()
    .min(1, "administration:errors.reasonRequired")
    .max(MERGE_REASON_MAX, "administration:errors.reasonTooLong"),
});

const categoryName = z
  .string()
  .trim()
  .max(CATEGORY_NAME_MAX, "administration:errors.nameTooLong");

/** The form field of a category's name in an interface language: "nameEn", "nameRo", … */
export type CategoryNameField = `name${Capitalize<Locale>}`;
export function categoryNameField(locale: Locale): CategoryNameField {
  return `name${locale.charAt(0).toUpperCase()}${locale.slice(
    1
  )}` as CategoryNameField;
}

const optionalName = categoryName.optional().default("");

/**
 * A city's own category: a name per interface language, English required (the fallback
 * shown when a language has none), the others optional.
 */
export const CategorySchema = z.object({
  nameEn: categoryName.min(1, "administration:errors.nameRequired"),
  nameRo: optionalName,
  nameIt: optionalName,
  nameEs: optionalName,
  nameFi: optionalName,
  nameFr: optionalName,
  nameLv: optionalName,
  namePt: optionalName,
} satisfies Record<CategoryNameField, z.ZodTypeAny>);

/** A category's names by locale ({ en, ro, … }); empty names are dropped when saved. */
export type CategoryNames = { en: string } & Partial<Record<Locale, string>>;

export function categoryNamesOf(
  input: z.infer<typeof CategorySchema>
): CategoryNames {
  return {
    en: input.nameEn,
    ...Object.fromEntries(
      languages.map(({ code }) => [code, input[categoryNameField(code)]])
    ),
  };
}

export const CategoryIdSchema = z.object({
  categoryId: z.string().trim().min(1).max(64),
});

/** The city's settings. A checkbox sends "on" when ticked and nothing otherwise. */
export const CitySettingsSchema = z.object({
  preModeration: z
    .union([z.literal("on"), z.literal("true"), z.literal("")])
    .optional()
    .transform((value) => value === "on" || value === "true"),
  reportThreshold: z.coerce
    .number({ invalid_type_error: "administration:errors.threshold" })
    .int("administration:errors.threshold")
    .min(1, "administration:errors.threshold")
    .max(REPORT_THRESHOLD_MAX, "administration:errors.threshold"),
});

export const GRANTABLE_ROLES = [
  "MODERATOR",
  "CITY_ADMIN",
  "NETWORK_ADMIN",
] as const;
export type GrantableRole = (typeof GRANTABLE_ROLES)[number];

/** Grant a role to an account found by its email address. */
export const GrantRoleSchema = z
  .object({
    email: z
      .string()
      .trim()
      .min(1, "administration:errors.emailRequired")
      .max(320, "administration:errors.emailRequired")
      .email("administration:errors.email"),
    role: z.enum(GRANTABLE_ROLES, {
      errorMap: () => ({ message: "administration:errors.role" }),
    }),
    city: z.string().trim().max(64).optional().default(""),
  })
  .refine((value) => value.role === "NETWORK_ADMIN" || value.city !== "", {
    path: ["city"],
    message: "administration:errors.cityRequired",
  });

export const RevokeRoleSchema = z.object({
  assignmentId: z.string().trim().min(1).max(64),
});
