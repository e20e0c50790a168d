import { hash, verify } from "@node-rs/argon2";
import { dictionary } from "@zxcvbn-ts/language-common";

// OWASP Password Storage Cheat Sheet minimum for Argon2id: m=19 MiB, t=2, p=1.
// Algorithm 2 = Argon2id (the const enum is not importable with isolatedModules).
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize("NFC"), ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password.normalize("NFC"));
  } catch {
    return false;
  }
}

// Verifying against this when the account does not exist makes "unknown email" take
// as long as "wrong password", so timing does not reveal which accounts exist.
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword("dummy password that never matches anything");
  await verifyPassword(await dummyHash, password);
  return false;
}

let commonPasswords: Set<string> | undefined;

function commonList(): Set<string> {
  commonPasswords ??= new Set(dictionary["passwords-common"].map((entry) => entry.toLowerCase()));
  return commonPasswords;
}

/**
 * True when the password is on the list of ~49,000 common passwords shipped with the
 * app (@zxcvbn-ts/language-common), is such a password with a few digits or symbols
 * stuck on the end ("password1234!"), or is one short pattern repeated ("abcabcabcabc").
 */
export function isCommonPassword(password: string): boolean {
  const lowered = password.normalize("NFC").toLowerCase();
  const list = commonList();
  if (list.has(lowered)) return true;
  const stem = lowered.replace(/[\d\W_]{1,4}$/u, "");
  if (stem !== lowered && stem.length >= 6 && list.has(stem)) return true;
  if (/^(.{1,4})\1+$/u.test(lowered)) return true;
  return false;
}
