import { describe, expect, it } from "vitest";
import { ApiError, NetworkError, type ProblemDetails } from "./api";
import { describeError, fieldError } from "./problems";

const problem = (p: Partial<ProblemDetails> & { status: number }) => new ApiError({ ...p });
const base = "https://customer-portal.example/problems/";

describe("describeError", () => {
  it.each([
    [problem({ status: 401, type: base + "sign-in-failed" }), "The username or password is not correct."],
    [problem({ status: 403, type: base + "external-access-off" }), "The portal is closed to customers at the moment."],
    [problem({ status: 401, type: base + "unauthenticated" }), "Your session has ended."],
    [problem({ status: 404, type: base + "not-found" }), "Not found."],
    [problem({ status: 412, type: base + "stale" }), "Someone changed this in the meantime."],
    [problem({ status: 428 }), "This page is out of date."],
    [problem({ status: 403, type: base + "csrf" }), "This page is out of date."],
    [problem({ status: 500, detail: "quote reference 0HN" }), "Something went wrong on our side."],
    [new NetworkError(new TypeError("offline")), "The portal cannot be reached."],
    [new Error("bug"), "Something went wrong in this page."],
  ])("words %o plainly", (error, title) => {
    expect(describeError(error).title).toBe(title);
  });

  it("keeps the server's specifics where they help: wait time, reference", () => {
    expect(describeError(problem({ status: 429, detail: "Try again in 15 minute(s)." })).detail).toBe("Try again in 15 minute(s).");
    expect(describeError(problem({ status: 500, detail: "quote reference 0HN" })).detail).toContain("0HN");
  });

  it("lists field messages for validation problems", () => {
    const error = problem({ status: 400, type: base + "validation", errors: { newPassword: ["Use at least 8 characters."] } });
    expect(describeError(error)).toEqual({ title: "Some fields need correcting.", fields: { newPassword: ["Use at least 8 characters."] } });
    expect(fieldError(error, "newPassword")).toBe("Use at least 8 characters.");
    expect(fieldError(error, "NewPassword")).toBe("Use at least 8 characters.");
    expect(fieldError(error, "currentPassword")).toBeUndefined();
    expect(fieldError(new Error("x"), "newPassword")).toBeUndefined();
  });
});
