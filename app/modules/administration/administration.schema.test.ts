import { describe, expect, it } from "vitest";
import { languages } from "~/i18n/config";
import {
  categoryNameField,
  categoryNamesOf,
  CategorySchema,
} from "./administration.schema";

describe("CategorySchema", () => {
  it("has a name field for every interface language", () => {
    expect(Object.keys(CategorySchema.shape).sort()).toEqual(
      languages.map(({ code }) => categoryNameField(code)).sort()
    );
  });

  it("requires the English name and keeps the others optional, by locale", () => {
    expect(CategorySchema.safeParse({ nameFi: "Saunat" }).success).toBe(false);
    expect(CategorySchema.safeParse({ nameEn: "   " }).success).toBe(false);
    const parsed = CategorySchema.parse({
      nameEn: " Saunas ",
      nameFi: "Saunat",
      namePt: "Saunas públicas",
    });
    expect(categoryNamesOf(parsed)).toEqual({
      en: "Saunas",
      ro: "",
      it: "",
      es: "",
      fi: "Saunat",
      fr: "",
      lv: "",
      pt: "Saunas públicas",
    });
  });

  it("refuses a name longer than the limit in any language", () => {
    const result = CategorySchema.safeParse({
      nameEn: "Saunas",
      nameLv: "x".repeat(81),
    });
    expect(result.success).toBe(false);
    if (!result.success)
      expect(result.error.issues[0]).toMatchObject({
        path: ["nameLv"],
        message: "administration:errors.nameTooLong",
      });
  });
});
