import { describe, expect, it } from "vitest";
import type { OrderStatus } from "./api";
import { isOrderStatus, statusInfo } from "./orderStatus";

describe("statusInfo", () => {
  it("names the API's camelCase lifecycle statuses as users know them", () => {
    expect(statusInfo("sent").label).toBe("Sent");
    expect(statusInfo("inProgress").label).toBe("In progress");
    expect(statusInfo("completed").label).toBe("Completed");
    expect(statusInfo("canceled").label).toBe("Canceled");
  });

  it("shows a status it has no label for as sent", () => {
    // Only an API newer than this build can send one; the types know the statuses of the API it was built against.
    const fromNewerApi = "onHold" as OrderStatus;
    expect(statusInfo(fromNewerApi)).toEqual({ value: "onHold", label: "onHold", color: "subtle" });
  });

  it("accepts only the API's statuses from the address", () => {
    expect(isOrderStatus("inProgress")).toBe(true);
    expect(isOrderStatus("In progress")).toBe(false);
    expect(isOrderStatus("toString")).toBe(false);
    expect(isOrderStatus(null)).toBe(false);
  });
});
