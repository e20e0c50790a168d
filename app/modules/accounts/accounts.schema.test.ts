import { describe, expect, it } from "vitest";
import type { z } from "zod";
import validation from "~/locales/en/validation.json";
import { ChangePasswordSchema, ForgotPasswordSchema, LoginSchema, ProfileSchema, RegisterSchema, ResetPasswordSchema } from "./accounts.schema";

// "validation:email.invalid" → does validation.json have email.invalid (a string)?
function keyExists(key: string): boolean {
  const match = /^validation:([A-Za-z0-9_.]+)$/.exec(key);
  if (!match) return false;
  let node: unknown = validation;
  for (const part of match[1].split(".")) {
    if (typeof node !== "object" || node === null || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" && node.length > 0;
}

/** Every issue of a failed parse, as "field → message"; asserts each message is an existing key. */
function errorsOf(schema: z.ZodTypeAny, input: unknown): Record<string, string> {
  const result = schema.safeParse(input);
  expect(result.success, `expected ${JSON.stringify(input)} to be refused`).toBe(false);
  const errors: Record<string, string> = {};
  for (const issue of result.error!.issues) {
    expect(keyExists(issue.message), `"${issue.message}" (${issue.path.join(".")}) is not a key in en/validation.json`).toBe(true);
    errors[issue.path.join(".") || "form"] ??= issue.message;
  }
  return errors;
}

function parsed<T extends z.ZodTypeAny>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw new Error(`expected success, got ${JSON.stringify(result.error.issues.map((issue) => issue.message))}`);
  return result.data;
}

const validRegistration = {
  email: "ana@example.com",
  displayName: "Ana Popescu",
  password: "a sufficiently long one",
  homeCity: "oulu",
  kind: "CITIZEN",
  acceptPrivacy: "on",
};

const emoji = (count: number, glyph = "🔥") => glyph.repeat(count);

describe("keyExists (the helper the other assertions rely on)", () => {
  it("accepts existing keys and refuses missing or malformed ones", () => {
    expect(keyExists("validation:email.invalid")).toBe(true);
    expect(keyExists("validation:email")).toBe(false); // an object, not a message
    expect(keyExists("validation:email.nope")).toBe(false);
    expect(keyExists("auth:email.invalid")).toBe(false);
    expect(keyExists("Required")).toBe(false);
  });
});

describe("RegisterSchema", () => {
  it("accepts a valid registration and trims the email", () => {
    const data = parsed(RegisterSchema, { ...validRegistration, email: "  ana@example.com " });
    expect(data.email).toBe("ana@example.com");
    expect(data.kind).toBe("CITIZEN");
  });

  it.each([
    ["no at sign", "ana.example.com", "validation:email.invalid"],
    ["no domain", "ana@", "validation:email.invalid"],
    ["spaces inside", "ana popescu@example.com", "validation:email.invalid"],
    ["two at signs", "ana@@example.com", "validation:email.invalid"],
    ["blank", "   ", "validation:email.required"],
    ["too long", `${"a".repeat(64)}@${"b".repeat(186)}.com`, "validation:email.tooLong"],
  ])("refuses an email with %s", (_name, email, key) => {
    expect(errorsOf(RegisterSchema, { ...validRegistration, email }).email).toBe(key);
  });

  it("refuses an 11-character password and accepts a 12-character one", () => {
    expect(errorsOf(RegisterSchema, { ...validRegistration, password: "a".repeat(11) }).password).toBe("validation:password.tooShort");
    expect(parsed(RegisterSchema, { ...validRegistration, password: "a".repeat(12) }).password).toHaveLength(12);
  });

  it("accepts 128 characters and refuses 129", () => {
    expect(parsed(RegisterSchema, { ...validRegistration, password: "b".repeat(128) }).password).toHaveLength(128);
    expect(errorsOf(RegisterSchema, { ...validRegistration, password: "b".repeat(129) }).password).toBe("validation:password.tooLong");
  });

  it("counts code points, not UTF-16 units", () => {
    // 12 emoji are 24 UTF-16 units but 12 characters: allowed.
    expect(emoji(12).length).toBe(24);
    expect(parsed(RegisterSchema, { ...validRegistration, password: emoji(12) }).password).toBe(emoji(12));
    // 11 emoji are 22 units (would pass a .length check) but only 11 characters.
    expect(errorsOf(RegisterSchema, { ...validRegistration, password: emoji(11) }).password).toBe("validation:password.tooShort");
    // 128 emoji (256 units) are allowed, 129 are not.
    expect(parsed(RegisterSchema, { ...validRegistration, password: emoji(128) }).password).toBe(emoji(128));
    expect(errorsOf(RegisterSchema, { ...validRegistration, password: emoji(129) }).password).toBe("validation:password.tooLong");
  });

  it("refuses an empty password as required", () => {
    expect(errorsOf(RegisterSchema, { ...validRegistration, password: "" }).password).toBe("validation:password.required");
    expect(errorsOf(RegisterSchema, { ...validRegistration, password: undefined }).password).toBe("validation:password.required");
  });

  it("refuses forged account kinds", () => {
    for (const kind of ["ADMIN", "NETWORK_ADMIN", "citizen", "", 1, null]) {
      expect(errorsOf(RegisterSchema, { ...validRegistration, kind }).kind, String(kind)).toBe("validation:accountKind.required");
    }
    expect(parsed(RegisterSchema, { ...validRegistration, kind: "ENTREPRENEUR" }).kind).toBe("ENTREPRENEUR");
  });

  it("requires privacy consent", () => {
    const { acceptPrivacy: _omitted, ...withoutConsent } = validRegistration;
    expect(errorsOf(RegisterSchema, withoutConsent).acceptPrivacy).toBe("validation:acceptPrivacy.required");
    for (const acceptPrivacy of ["off", "", "true", true, 1]) {
      expect(errorsOf(RegisterSchema, { ...validRegistration, acceptPrivacy }).acceptPrivacy, String(acceptPrivacy)).toBe(
        "validation:acceptPrivacy.required",
      );
    }
  });

  it("refuses city slugs that are not slugs", () => {
    expect(errorsOf(RegisterSchema, { ...validRegistration, homeCity: "" }).homeCity).toBe("validation:homeCity.required");
    expect(errorsOf(RegisterSchema, { ...validRegistration, homeCity: "../etc/passwd" }).homeCity).toBe("validation:homeCity.invalid");
    expect(errorsOf(RegisterSchema, { ...validRegistration, homeCity: "Oulu" }).homeCity).toBe("validation:homeCity.invalid");
  });

  it("refuses non-string values with the field's key, never a zod default message", () => {
    const errors = errorsOf(RegisterSchema, {
      email: 42,
      displayName: ["Ana"],
      password: { length: 20 },
      homeCity: true,
      kind: ["CITIZEN"],
      acceptPrivacy: ["on"],
    });
    expect(errors).toEqual({
      email: "validation:email.required",
      displayName: "validation:displayName.required",
      password: "validation:password.required",
      homeCity: "validation:homeCity.required",
      kind: "validation:accountKind.required",
      acceptPrivacy: "validation:acceptPrivacy.required",
    });
  });

  it("reports every missing field of an empty submission with a key", () => {
    expect(Object.keys(errorsOf(RegisterSchema, {})).sort()).toEqual(
      ["acceptPrivacy", "displayName", "email", "homeCity", "kind", "password"].sort(),
    );
  });

  it("drops unknown fields such as a forged role", () => {
    const data = parsed(RegisterSchema, { ...validRegistration, role: "NETWORK_ADMIN", emailVerifiedAt: "2020-01-01" });
    expect(data).not.toHaveProperty("role");
    expect(data).not.toHaveProperty("emailVerifiedAt");
  });
});

describe("display name (RegisterSchema and ProfileSchema)", () => {
  const profile = { displayName: "Ana", homeCity: "oulu", locale: "en" };
  const name = (displayName: unknown) => parsed(ProfileSchema, { ...profile, displayName }).displayName;
  const nameError = (displayName: unknown) => errorsOf(ProfileSchema, { ...profile, displayName }).displayName;

  it("trims and collapses whitespace (including tabs, newlines and no-break spaces)", () => {
    expect(name("   Ana    Maria   ")).toBe("Ana Maria");
    expect(name("Ana\t\tMaria\nPopescu")).toBe("Ana Maria Popescu");
    expect(name("Ana\u00a0\u00a0Maria")).toBe("Ana Maria");
    expect(parsed(RegisterSchema, { ...validRegistration, displayName: "  Ana   P.  " }).displayName).toBe("Ana P.");
  });

  it("turns the whitespace-like invisibles JavaScript counts as spaces (BOM, line/paragraph separators) into one space", () => {
    expect(name("Ana\ufeffMaria")).toBe("Ana Maria");
    expect(name("Ana\u2028\u2029Maria")).toBe("Ana Maria");
  });

  it("treats a name of only whitespace as missing", () => {
    expect(nameError("     ")).toBe("validation:displayName.required");
    expect(nameError("")).toBe("validation:displayName.required");
    expect(nameError(" \t\n ")).toBe("validation:displayName.required");
  });

  it("accepts 60 characters and refuses 61 (after trimming)", () => {
    expect(name("x".repeat(60))).toHaveLength(60);
    expect(name(`   ${"x".repeat(60)}   `)).toHaveLength(60);
    expect(nameError("x".repeat(61))).toBe("validation:displayName.tooLong");
    // Code points again: 60 emoji are allowed, 61 are not.
    expect(name(emoji(60, "😀"))).toBe(emoji(60, "😀"));
    expect(nameError(emoji(61, "😀"))).toBe("validation:displayName.tooLong");
  });

  it.each([
    ["NUL", "Ana\u0000"],
    ["bell", "Ana\u0007Maria"],
    ["escape", "\u001b[31mAna"],
    ["DEL", "Ana\u007f"],
    ["C1 control", "Ana\u0085Maria"],
    ["zero-width space", "Ana\u200bMaria"],
  ])("refuses control / invisible characters: %s", (_label, value) => {
    expect(nameError(value)).toBe("validation:displayName.invalidCharacters");
  });

  it.each([
    ["ZWJ family emoji", "👨‍👩‍👧‍👦 Family", "👨‍👩‍👧‍👦 Family"],
    ["flag and skin tone", "🇷🇴 Ana 👋🏽", "🇷🇴 Ana 👋🏽"],
    ["RTL Arabic", "مريم الأحمد", "مريم الأحمد"],
    ["Romanian diacritics", "Ștefan Țurcanu", "Ștefan Țurcanu"],
    ["combining marks are normalised to NFC", "Zoe\u0308 Jose\u0301", "Zoë José"],
    ["CJK", "山田 太郎", "山田 太郎"],
    ["Devanagari with combining signs", "अनुष्का", "अनुष्का"],
  ])("accepts unicode: %s", (_label, input, expected) => {
    const value = name(input);
    expect(value).toBe(expected);
    expect(value).toBe(value.normalize("NFC"));
  });

  it("counts a ZWJ sequence by its code points", () => {
    // 👨‍👩‍👧‍👦 is 7 code points: 8 of them are 56, 9 are 63 (> 60).
    const family = "👨‍👩‍👧‍👦";
    expect(Array.from(family)).toHaveLength(7);
    expect(name(family.repeat(8))).toBe(family.repeat(8));
    expect(nameError(family.repeat(9))).toBe("validation:displayName.tooLong");
  });
});

describe("LoginSchema", () => {
  it("accepts any non-empty current password, even a short one", () => {
    expect(parsed(LoginSchema, { email: "a@example.com", password: "short" }).password).toBe("short");
  });

  it("refuses invalid input with keys", () => {
    expect(errorsOf(LoginSchema, { email: "nope", password: "x" })).toEqual({ email: "validation:email.invalid" });
    expect(errorsOf(LoginSchema, { email: "a@example.com", password: "" })).toEqual({ password: "validation:password.required" });
    expect(errorsOf(LoginSchema, { email: "a@example.com", password: "x".repeat(1025) })).toEqual({ password: "validation:password.tooLong" });
    expect(errorsOf(LoginSchema, { email: 1, password: 2 })).toEqual({
      email: "validation:email.required",
      password: "validation:password.required",
    });
  });
});

describe("ProfileSchema", () => {
  it("accepts a valid profile and an empty locale (follow the browser)", () => {
    expect(parsed(ProfileSchema, { displayName: " Ana ", homeCity: "messina", locale: "" })).toEqual({
      displayName: "Ana",
      homeCity: "messina",
      locale: "",
    });
  });

  it("refuses a locale that is not a string or is too long", () => {
    expect(errorsOf(ProfileSchema, { displayName: "Ana", homeCity: "oulu", locale: 5 }).locale).toBe("validation:locale.invalid");
    expect(errorsOf(ProfileSchema, { displayName: "Ana", homeCity: "oulu", locale: "x".repeat(11) }).locale).toBe("validation:locale.invalid");
  });
});

describe("ChangePasswordSchema / ResetPasswordSchema / ForgotPasswordSchema", () => {
  it("applies the new-password rules to the new password only", () => {
    expect(parsed(ChangePasswordSchema, { currentPassword: "old", newPassword: "n".repeat(12) })).toEqual({
      currentPassword: "old",
      newPassword: "n".repeat(12),
    });
    expect(errorsOf(ChangePasswordSchema, { currentPassword: "old", newPassword: "n".repeat(11) })).toEqual({
      newPassword: "validation:password.tooShort",
    });
    expect(errorsOf(ChangePasswordSchema, { currentPassword: "old", newPassword: emoji(129) })).toEqual({
      newPassword: "validation:password.tooLong",
    });
    expect(errorsOf(ChangePasswordSchema, { currentPassword: "", newPassword: 12 })).toEqual({
      currentPassword: "validation:password.required",
      newPassword: "validation:password.required",
    });
  });

  it("validates the reset password and the forgot-password email", () => {
    expect(errorsOf(ResetPasswordSchema, { token: "t", password: "short" })).toEqual({ password: "validation:password.tooShort" });
    expect(errorsOf(ForgotPasswordSchema, { email: "not an email" })).toEqual({ email: "validation:email.invalid" });
  });
});
