import { describe, expect, it } from "vitest";
import { addProduct, lineTotal, newQuotation, quotationProblems, reissue, toRequest } from "./quotationDraft";
import type { PricedProduct, Quotation } from "./quotationsApi";

const product = (sku: string, amount: number): PricedProduct =>
  ({ sku, name: `Product ${sku}`, unit: "pcs", price: { amount, currency: "EUR" } }) as PricedProduct;

describe("quotation draft", () => {
  it("adds a picked product at the counterparty's price and counts it up when picked again", () => {
    let draft = newQuotation(new Date("2026-11-28T10:00:00Z"));
    draft = addProduct(draft, product("A", 12.5));
    draft = addProduct(draft, product("A", 12.5));
    expect(draft.validUntil).toBe("2026-12-28");
    expect(draft.lines).toEqual([{ sku: "A", name: "Product A", unit: "pcs", quantity: "2", unitPrice: "12.50" }]);
    expect(lineTotal(draft.lines[0]!)).toBe(25);
  });

  it("says what to correct before anything is sent", () => {
    const draft = { ...newQuotation(new Date("2026-11-28T10:00:00Z")), validUntil: "2026-11-01", lines: [{ sku: "A", name: "A", unit: "pcs", quantity: "0", unitPrice: "" }] };
    expect(quotationProblems(draft)).toEqual({
      number: "Enter the quotation's number.",
      validUntil: "It cannot expire before its date.",
      "lines[0].quantity": "Enter a quantity above zero.",
      "lines[0].unitPrice": "Enter a price from 0.",
    });
  });

  it("issues an existing quotation again under its number, at its prices, valid from today", () => {
    const quotation = {
      number: "QT-7",
      lines: [{ sku: "B", name: "B", unit: "kg", quantity: 2.5, unitPrice: { amount: 4, currency: "EUR" }, lineTotal: { amount: 10, currency: "EUR" } }],
    } as unknown as Quotation;
    const draft = reissue(quotation, new Date("2026-11-28T10:00:00Z"));
    expect(draft.number).toBe("QT-7");
    expect(draft.date).toBe("2026-11-28");
    expect(toRequest(draft)).toEqual({ date: "2026-11-28", validUntil: "2026-12-28", lines: [{ sku: "B", name: "B", unit: "kg", quantity: 2.5, unitPrice: 4 }] });
  });
});
