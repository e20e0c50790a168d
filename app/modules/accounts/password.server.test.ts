import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword, isCommonPassword, verifyAgainstDummy, verifyPassword } from "./password.server";

const PASSWORD = "Tramvaiul 41 vine la 8:15 🚋";

describe("hashPassword / verifyPassword", () => {
  let hash: string;
  beforeAll(async () => {
    hash = await hashPassword(PASSWORD);
  });

  it("produces an argon2id hash with the OWASP parameters", () => {
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(hash).not.toContain(PASSWORD);
  });

  it("salts: hashing the same password twice gives different hashes", async () => {
    const again = await hashPassword(PASSWORD);
    expect(again).not.toBe(hash);
    expect(await verifyPassword(again, PASSWORD)).toBe(true);
  });

  it("verifies the right password and refuses others", async () => {
    expect(await verifyPassword(hash, PASSWORD)).toBe(true);
    expect(await verifyPassword(hash, PASSWORD.slice(0, -2))).toBe(false);
    expect(await verifyPassword(hash, PASSWORD.toLowerCase())).toBe(false);
    expect(await verifyPassword(hash, `${PASSWORD} `)).toBe(false);
    expect(await verifyPassword(hash, "")).toBe(false);
  });

  it("normalises to NFC, so a decomposed é matches a composed one", async () => {
    const composed = "Café au lait pentru toți";
    const decomposed = composed.normalize("NFD");
    expect(decomposed).not.toBe(composed);
    const nfcHash = await hashPassword(composed);
    expect(await verifyPassword(nfcHash, decomposed)).toBe(true);
  });

  it("answers false (does not throw) for a malformed stored hash", async () => {
    expect(await verifyPassword("not-a-hash", PASSWORD)).toBe(false);
    expect(await verifyPassword("", PASSWORD)).toBe(false);
    expect(await verifyPassword(hash.replace("argon2id", "argon2x"), PASSWORD)).toBe(false);
  });

  it("verifyAgainstDummy always answers false", async () => {
    expect(await verifyAgainstDummy(PASSWORD)).toBe(false);
    expect(await verifyAgainstDummy("dummy password that never matches anything")).toBe(false);
  });
});

describe("isCommonPassword", () => {
  it.each(["password", "PASSWORD", "sunshine", "iloveyou", "qwerty123456", "1q2w3e4r5t6y", "leavemealone", "passw0rd"])(
    "finds %s on the list",
    (password) => {
      expect(isCommonPassword(password)).toBe(true);
    },
  );

  it.each(["sunshine1234", "Sunshine2024", "football!!", "princess_99", "iloveyou#1!", "dragon2025"])(
    "finds a listed word with up to 4 digits or symbols appended: %s",
    (password) => {
      expect(isCommonPassword(password)).toBe(true);
    },
  );

  it.each(["abcabcabcabc", "aaaaaaaaaaaa", "xyxyxyxyxyxyxy", "1234123412341234", "🔥🔥🔥🔥🔥🔥🔥🔥🔥🔥🔥🔥"])("finds the repeated pattern %s", (password) => {
    expect(isCommonPassword(password)).toBe(true);
  });

  it.each([
    "correct horse battery staple",
    "Tramvaiul 41 vine la 8:15 🚋",
    "gR7#kq9!Lm2$vX4p",
    "violet-harbor-tundra-41",
    "Mămăliga cu brânză, 3 porții!",
  ])("does not flag %s", (password) => {
    expect(isCommonPassword(password)).toBe(false);
  });
});
