import { describe, expect, it } from "vitest";
import { readFormData, safeRedirectPath } from "./http.server";

describe("safeRedirectPath", () => {
  it.each([
    ["/ok?x=1", "/ok?x=1"],
    ["/", "/"],
    ["/ideas/42#comments", "/ideas/42#comments"],
    ["/search?q=%2F%2Fevil.example", "/search?q=%2F%2Fevil.example"],
    ["/a//b", "/a//b"],
  ])("allows the same-site path %s", (input, expected) => {
    expect(safeRedirectPath(input)).toBe(expected);
  });

  it.each([
    ["protocol-relative", "//evil.example"],
    ["protocol-relative with path", "//evil.example/login"],
    ["backslash", "/\\evil.example"],
    ["backslash twice", "/\\\\evil.example"],
    ["absolute https", "https://evil.example"],
    ["absolute http", "http://evil.example/ok"],
    ["javascript", "javascript:alert(document.cookie)"],
    ["javascript with slash", "javascript://%0aalert(1)"],
    ["data", "data:text/html,<script>alert(1)</script>"],
    ["relative", "evil.example"],
    ["tab inside", "/\t/evil.example"],
    ["newline (header injection)", "/ok\r\nSet-Cookie: x=1"],
    ["NUL", "/ok\u0000"],
    ["empty", ""],
  ])("refuses %s: %s", (_label, input) => {
    expect(safeRedirectPath(input)).toBe("/");
  });

  it("refuses non-strings and uses the given fallback", () => {
    expect(safeRedirectPath(null)).toBe("/");
    expect(safeRedirectPath(undefined, "/account")).toBe("/account");
    expect(safeRedirectPath(new File(["/ok"], "x.txt"), "/account")).toBe("/account");
    expect(safeRedirectPath("//evil.example", "/login")).toBe("/login");
  });

  it("every allowed path resolves to the same origin", () => {
    const base = "https://civicloop.example/login";
    const inputs = ["/ok?x=1", "//evil.example", "/\\evil.example", "/\t/evil.example", "/.//evil.example", "/%5Cevil.example", "https://evil"];
    for (const input of inputs) {
      const target = new URL(safeRedirectPath(input), base);
      expect(target.origin, input).toBe("https://civicloop.example");
    }
  });
});

describe("readFormData", () => {
  const post = (body: BodyInit, type?: string) =>
    new Request("http://localhost/form", { method: "POST", body, headers: type ? { "Content-Type": type } : {} });

  it("reads url-encoded and multipart forms", async () => {
    expect((await readFormData(post("a=1&b=two", "application/x-www-form-urlencoded"))).get("b")).toBe("two");
    const multipart = new FormData();
    multipart.set("name", "Ana");
    expect((await readFormData(new Request("http://localhost/", { method: "POST", body: multipart }))).get("name")).toBe("Ana");
  });

  it("answers 400, not 500, for bodies that are not forms", async () => {
    for (const request of [post('{"a":1}', "application/json"), post("a=1"), post("--x\r\nbroken", "multipart/form-data; boundary=x")]) {
      const thrown = await readFormData(request).then(
        () => null,
        (error: unknown) => error,
      );
      expect(thrown).toBeInstanceOf(Response);
      expect((thrown as Response).status).toBe(400);
    }
  });

  it("drops NUL characters from names and values (PostgreSQL refuses them in text)", async () => {
    const form = await readFormData(post("title=Bike%00%00 lanes&id%00=abc%00&tags=a&tags=b", "application/x-www-form-urlencoded"));
    expect(form.get("title")).toBe("Bike lanes");
    expect(form.get("id")).toBe("abc");
    expect(form.getAll("tags")).toEqual(["a", "b"]);
  });
});
