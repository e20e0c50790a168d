import { describe, expect, it } from "vitest";
import { hasCityRole, isNetworkAdmin, roleScope, type Role } from "./roles.policy";

const oulu = "city-oulu";
const messina = "city-messina";

describe("hasCityRole", () => {
  const cases: { roles: Role[]; needed: "MODERATOR" | "CITY_ADMIN"; city: string; expected: boolean; name: string }[] = [
    { name: "no roles", roles: [], needed: "MODERATOR", city: oulu, expected: false },
    { name: "moderator of the city", roles: [{ role: "MODERATOR", cityId: oulu }], needed: "MODERATOR", city: oulu, expected: true },
    { name: "moderator of another city", roles: [{ role: "MODERATOR", cityId: messina }], needed: "MODERATOR", city: oulu, expected: false },
    { name: "moderator is not city admin", roles: [{ role: "MODERATOR", cityId: oulu }], needed: "CITY_ADMIN", city: oulu, expected: false },
    { name: "city admin may moderate", roles: [{ role: "CITY_ADMIN", cityId: oulu }], needed: "MODERATOR", city: oulu, expected: true },
    { name: "city admin of the city", roles: [{ role: "CITY_ADMIN", cityId: oulu }], needed: "CITY_ADMIN", city: oulu, expected: true },
    { name: "city admin of another city", roles: [{ role: "CITY_ADMIN", cityId: messina }], needed: "CITY_ADMIN", city: oulu, expected: false },
    { name: "network admin moderates anywhere", roles: [{ role: "NETWORK_ADMIN", cityId: null }], needed: "MODERATOR", city: oulu, expected: true },
    { name: "network admin administers anywhere", roles: [{ role: "NETWORK_ADMIN", cityId: null }], needed: "CITY_ADMIN", city: messina, expected: true },
  ];
  for (const testCase of cases) {
    it(`${testCase.name} → ${testCase.expected ? "allowed" : "denied"}`, () => {
      expect(hasCityRole(testCase.roles, testCase.city, testCase.needed)).toBe(testCase.expected);
    });
  }
});

describe("isNetworkAdmin / roleScope", () => {
  it("recognises network admins only", () => {
    expect(isNetworkAdmin([{ role: "NETWORK_ADMIN", cityId: null }])).toBe(true);
    expect(isNetworkAdmin([{ role: "CITY_ADMIN", cityId: oulu }])).toBe(false);
  });
  it("scopes network roles to the network and city roles to their city", () => {
    expect(roleScope("NETWORK_ADMIN", null)).toBe("network");
    expect(roleScope("MODERATOR", oulu)).toBe(oulu);
    expect(() => roleScope("CITY_ADMIN", null)).toThrow();
  });
});
