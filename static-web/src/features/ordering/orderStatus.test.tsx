import { describe, expect, it } from "vitest";
import { statusInfo } from "./orderStatus";

describe("statusInfo", () => {
  it("names the API's camelCase lifecycle statuses as users know them", () => {
    expect(statusInfo("sent").label).toBe("Sent");
    expect(statusInfo("inProgress").label).toBe("In progress");
    expect(statusInfo("completed").label).toBe("Completed");
    expect(statusInfo("canceled").label).toBe("Canceled");
  });

  it("shows a status it has no label for as sent", () => {
    expect(statusInfo("onHold")).toEqual({ value: "onHold", label: "onHold", color: "subtle" });
  });
});
