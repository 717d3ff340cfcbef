import { describe, expect, it } from "vitest";
import { changedFields, describeChanges } from "./changes";

describe("changedFields", () => {
  it("names the fields that differ, in the form's words, treating missing and empty alike and lists in any order", () => {
    const labels = { name: "the name", code: "the code", tags: "the categories" };
    expect(changedFields({ name: "A", code: undefined, tags: ["x", "y"] }, { name: "A", code: "", tags: ["y", "x"] }, labels)).toEqual([]);
    expect(changedFields({ name: "A", code: "1", tags: ["x"] }, { name: "B", code: "1", tags: [] }, labels)).toEqual(["the name", "the categories"]);
  });
});

describe("describeChanges", () => {
  it("reads as a sentence", () => {
    expect(describeChanges([])).toBe("Someone saved this in the meantime.");
    expect(describeChanges(["the name"])).toBe("Someone changed the name in the meantime.");
    expect(describeChanges(["the name", "the code", "the address"])).toBe("Someone changed the name, the code and the address in the meantime.");
  });
});
