import { describe, expect, it } from "vitest";
import { safeRedirect } from "./redirect";

describe("safeRedirect", () => {
  it("keeps a path on this site, with its query and fragment", () => {
    expect(safeRedirect("/admin/users?q=a")).toBe("/admin/users?q=a");
    expect(safeRedirect("/evaluation/2025#OPS-01")).toBe("/evaluation/2025#OPS-01");
    expect(safeRedirect("/admin/users?q=%E5%B1%B1%E7%94%B0")).toBe("/admin/users?q=%E5%B1%B1%E7%94%B0");
  });
  it("gives non-ASCII characters back percent-encoded, so the Location header is valid", () => {
    expect(safeRedirect("/admin/users?q=山田")).toBe("/admin/users?q=%E5%B1%B1%E7%94%B0");
  });

  // Known open-redirect bypasses (OWASP, PortSwigger and the probes of issue 16). Each value is what the
  // server sees after the query string or form field is decoded once.
  const bypasses: [string, string][] = [
    ["absolute URL", "https://evil.example"],
    ["protocol-relative", "//evil.example"],
    ["protocol-relative with path", "//evil.example/phish"],
    ["backslash", "/\\evil.example"],
    ["double backslash", "\\\\evil.example"],
    ["tab between slashes (/%09/evil)", "/\t/evil.test/phish"],
    ["newline between slashes", "/\n/evil.test"],
    ["carriage return", "/\r/evil.test"],
    ["newline in the path (header injection)", "/ok\r\nSet-Cookie: x=1"],
    ["NUL", "/ok\u0000"],
    ["encoded slashes /%2F%2F", "/%2F%2Fevil.test"],
    ["encoded slash after one", "/%2Fevil.test"],
    ["encoded backslash", "/%5Cevil.test"],
    ["double-encoded slashes", "/%252F%252Fevil.test"],
    ["encoded tab", "/%09/evil.test"],
    ["full-width space", "/\u3000/evil.test"],
    ["leading space", " /evil"],
    ["javascript: URL", "javascript:alert(1)"],
    ["data: URL", "data:text/html,<script>alert(1)</script>"],
    ["scheme-less host", "evil.example"],
    ["malformed percent-encoding", "/%E0%A4%A"],
    ["empty", ""],
    ["very long", "/" + "a".repeat(5000)],
    ["credentials trick", "/@evil.example"],
  ];
  it.each(bypasses)("refuses %s", (_name, value) => {
    const result = safeRedirect(value);
    // "/@evil.example" is a harmless path on this site; everything else falls back.
    if (value === "/@evil.example") expect(result).toBe("/@evil.example");
    else expect(result).toBe("/");
    expect(new URL(result, "http://site.test").host).toBe("site.test");
  });
  it("refuses what is not a string", () => {
    expect(safeRedirect(null)).toBe("/");
    expect(safeRedirect(undefined)).toBe("/");
  });
  it("uses the given fallback", () => {
    expect(safeRedirect("//evil", "/account")).toBe("/account");
  });
});
