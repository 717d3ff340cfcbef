import { describe, expect, it } from "vitest";
import { documentLink, periodOf } from "./api";
import { emptyPayment, paymentBody, paymentProblems } from "./manage/api";

describe("statement periods", () => {
  it("names this and last month, quarter and year around a day", () => {
    expect(periodOf("this-month", "2026-11-28")).toEqual({ from: "2026-11-01", to: "2026-11-28" });
    expect(periodOf("last-month", "2026-11-28")).toEqual({ from: "2026-10-01", to: "2026-10-31" });
    expect(periodOf("this-quarter", "2026-11-28")).toEqual({ from: "2026-10-01", to: "2026-11-28" });
    expect(periodOf("last-quarter", "2026-11-28")).toEqual({ from: "2026-07-01", to: "2026-09-30" });
    expect(periodOf("this-year", "2026-11-28")).toEqual({ from: "2026-01-01", to: "2026-11-28" });
    expect(periodOf("custom", "2026-11-28")).toBeNull();
  });

  it("crosses the year in January and knows February's length", () => {
    expect(periodOf("last-month", "2026-01-15")).toEqual({ from: "2025-12-01", to: "2025-12-31" });
    expect(periodOf("last-quarter", "2026-02-10")).toEqual({ from: "2025-10-01", to: "2025-12-31" });
    expect(periodOf("last-month", "2028-03-01")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
  });

  it("links a statement line to its document, not a payment", () => {
    const line = { documentType: "invoices", documentId: "a b" } as Parameters<typeof documentLink>[0];
    expect(documentLink(line)).toBe("/documents/invoices/a%20b");
    expect(documentLink({ ...line, documentType: null, documentId: null })).toBeNull();
  });
});

describe("recording a payment", () => {
  const draft = { ...emptyPayment("2026-11-28"), counterpartyId: "northwind", number: "PAY-1", amount: "1234,5" };

  it("accepts a decimal comma and sends the amount as a number", () => {
    expect(paymentProblems(draft)).toEqual({});
    expect(paymentBody(draft)).toEqual({ date: "2026-11-28", amount: 1234.5, kind: "payment", invoiceNumber: null, orderNumber: null, notes: null });
  });

  it("names what is missing or wrong before sending", () => {
    const problems = paymentProblems({ ...draft, counterpartyId: "", number: "PAY 1", amount: "0.001" });
    expect(Object.keys(problems).sort()).toEqual(["amount", "counterpartyId", "number"]);
    expect(paymentProblems({ ...draft, amount: "-3" }).amount).toBe("Enter an amount above 0.");
  });

  it("does not allocate a refund", () => {
    expect(paymentBody({ ...draft, kind: "refund", invoiceNumber: "INV-1" }).invoiceNumber).toBeNull();
  });
});
