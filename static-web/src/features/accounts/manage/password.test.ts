import { describe, expect, it } from "vitest";
import { generatePassword } from "./password";

describe("generatePassword", () => {
  it("makes 20 characters without look-alikes, different every time", () => {
    const seen = new Set(Array.from({ length: 50 }, () => generatePassword()));
    expect(seen.size).toBe(50);
    for (const password of seen) {
      expect(password).toHaveLength(20);
      expect(password).toMatch(/^[A-HJ-NP-Za-km-z2-9_-]+$/);
    }
  });
});
