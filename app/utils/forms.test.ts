import { describe, expect, it } from "vitest";
import { z } from "zod";
import { LoginSchema, RegisterSchema } from "~/modules/accounts/accounts.schema";
import { echoValues, fieldErrorsFrom, formObject, parseForm } from "./forms";

const form = (entries: [string, string | File][]) => {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
};

describe("parseForm", () => {
  it("parses a valid form with the shared schema", () => {
    const result = parseForm(LoginSchema, form([["email", " ana@example.com "], ["password", "12345678"]]));
    // A numeric-looking password stays a string (no JSON parsing of form posts).
    expect(result).toEqual({ ok: true, data: { email: "ana@example.com", password: "12345678" } });
  });

  it("returns field error keys and echoes what was typed, minus secrets", () => {
    const result = parseForm(
      RegisterSchema,
      form([
        ["email", "not-an-email"],
        ["displayName", "Ana"],
        ["password", "short"],
        ["homeCity", "oulu"],
        ["kind", "ADMIN"],
      ]),
    );
    expect(result).toEqual({
      ok: false,
      fieldErrors: {
        email: "validation:email.invalid",
        password: "validation:password.tooShort",
        kind: "validation:accountKind.required",
        acceptPrivacy: "validation:acceptPrivacy.required",
      },
      values: { email: "not-an-email", displayName: "Ana", homeCity: "oulu", kind: "ADMIN" },
    });
  });

  it("maps zod's own messages (not i18n keys) to validation:invalid", () => {
    const overlong = parseForm(LoginSchema, form([["email", "a@example.com"], ["password", "x"], ["redirectTo", `/${"a".repeat(2000)}`]]));
    expect(overlong.ok === false && overlong.fieldErrors).toEqual({ redirectTo: "validation:invalid" });
  });
});

describe("fieldErrorsFrom", () => {
  it("passes through keys of any namespace, camelCase ones included", () => {
    const schema = z.object({ a: z.string().min(5, "ideaForm:errors.titleTooShort"), b: z.string().min(5, "comments:errors.bodyTooShort") });
    expect(fieldErrorsFrom(schema.safeParse({ a: "x", b: "y" }).error!)).toEqual({
      a: "ideaForm:errors.titleTooShort",
      b: "comments:errors.bodyTooShort",
    });
  });

  it("keeps the first key per field", () => {
    const schema = z.object({ a: z.string().min(3, "validation:first").max(1, "validation:second") });
    const error = schema.safeParse({ a: "ab" }).error!;
    expect(fieldErrorsFrom(error)).toEqual({ a: "validation:first" });
  });

  it("does not pass through a default message just because it contains a colon", () => {
    const strict = z.object({ a: z.string() }).strict();
    const error = strict.safeParse({ a: "x", forged: "1" }).error!;
    expect(error.issues[0].message).toContain(":");
    expect(fieldErrorsFrom(error)).toEqual({ form: "validation:invalid" });
    const custom = z.string().refine(() => false, "Error: something broke");
    expect(fieldErrorsFrom(z.object({ b: custom }).safeParse({ b: "x" }).error!)).toEqual({ b: "validation:invalid" });
  });
});

describe("formObject / echoValues", () => {
  it("takes the first value of repeated fields and ignores files", () => {
    const data = form([
      ["kind", "CITIZEN"],
      ["kind", "NETWORK_ADMIN"],
      ["avatar", new File(["x"], "a.png")],
    ]);
    expect(formObject(data)).toEqual({ kind: "CITIZEN" });
    expect(echoValues(data)).toEqual({ kind: "CITIZEN" });
  });

  it("caps echoed values and omits the given fields", () => {
    const data = form([
      ["note", "n".repeat(20_000)],
      ["newPassword", "secret secret"],
    ]);
    const values = echoValues(data, ["newPassword"]);
    expect(values.note).toHaveLength(10_000);
    expect(values).not.toHaveProperty("newPassword");
  });
});
