import { describe, expect, it } from "vitest";
import { statusInfo } from "./orderStatus";

describe("statusInfo", () => {
  it("names lifecycle statuses as users know them, whatever the casing", () => {
    expect(statusInfo("sent").label).toBe("Sent");
    expect(statusInfo("inProgress").label).toBe("In progress");
    expect(statusInfo("InProgress").label).toBe("In progress");
    expect(statusInfo("canceled").label).toBe("Canceled");
    expect(statusInfo("somethingNew").label).toBe("somethingNew");
  });
});
