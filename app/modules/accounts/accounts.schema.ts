// Shared by the browser (react-hook-form resolver) and the server (the authority).
// Messages are i18n keys, translated where they are shown.
import { z } from "zod";

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;
export const DISPLAY_NAME_MAX = 60;
export const EMAIL_MAX = 254;

const codePoints = (value: string) => Array.from(value).length;
// Control and invisible formatting characters (but not the joiners emoji need), and the
// bidirectional overrides/isolates that can disguise a name (RTL text itself is fine).
// eslint-disable-next-line no-control-regex -- rejecting control characters is the point
const FORBIDDEN_CHARS = /[\u0000-\u001f\u007f-\u009f\u200b\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/u;

export const emailField = z
  .string({ required_error: "validation:email.required", invalid_type_error: "validation:email.required" })
  .trim()
  .min(1, "validation:email.required")
  .max(EMAIL_MAX, "validation:email.tooLong")
  .email("validation:email.invalid");

export const newPasswordField = z
  .string({ required_error: "validation:password.required", invalid_type_error: "validation:password.required" })
  .min(1, "validation:password.required")
  .refine((value) => codePoints(value) >= PASSWORD_MIN, "validation:password.tooShort")
  .refine((value) => codePoints(value) <= PASSWORD_MAX, "validation:password.tooLong");

export const currentPasswordField = z
  .string({ required_error: "validation:password.required", invalid_type_error: "validation:password.required" })
  .min(1, "validation:password.required")
  .max(1024, "validation:password.tooLong");

export const displayNameField = z
  .string({ required_error: "validation:displayName.required", invalid_type_error: "validation:displayName.required" })
  .transform((value) => value.normalize("NFC").trim().replace(/\s+/gu, " "))
  .pipe(
    z
      .string()
      .min(1, "validation:displayName.required")
      .refine((value) => codePoints(value) <= DISPLAY_NAME_MAX, "validation:displayName.tooLong")
      .refine((value) => !FORBIDDEN_CHARS.test(value), "validation:displayName.invalidCharacters"),
  );

export const accountKindField = z.enum(["CITIZEN", "ENTREPRENEUR"], {
  errorMap: () => ({ message: "validation:accountKind.required" }),
});

export const citySlugField = z
  .string({ required_error: "validation:homeCity.required", invalid_type_error: "validation:homeCity.required" })
  .min(1, "validation:homeCity.required")
  .max(100, "validation:homeCity.invalid")
  .regex(/^[a-z0-9-]+$/, "validation:homeCity.invalid");

export const localeField = z
  .string({ invalid_type_error: "validation:locale.invalid" })
  .max(10, "validation:locale.invalid");

export const RegisterSchema = z.object({
  email: emailField,
  displayName: displayNameField,
  password: newPasswordField,
  homeCity: citySlugField,
  kind: accountKindField,
  acceptPrivacy: z.literal("on", {
    errorMap: () => ({ message: "validation:acceptPrivacy.required" }),
  }),
  redirectTo: z.string().max(2000).optional(),
});

export const LoginSchema = z.object({
  email: emailField,
  password: currentPasswordField,
  redirectTo: z.string().max(2000).optional(),
});

export const ForgotPasswordSchema = z.object({ email: emailField });

export const ResetPasswordSchema = z.object({
  token: z.string().max(200),
  password: newPasswordField,
});

export const ProfileSchema = z.object({
  displayName: displayNameField,
  homeCity: citySlugField,
  locale: localeField,
});

export const ChangePasswordSchema = z.object({
  currentPassword: currentPasswordField,
  newPassword: newPasswordField,
});
