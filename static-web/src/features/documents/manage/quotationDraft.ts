// The Quotations form as plain data: what the clerk picked and typed, the checks made before sending (the API makes
// the same and answers per field) and the request built from it.
import type { PricedProduct, Quotation, QuotationRequest } from "./quotationsApi";

export interface QuotationLine {
  sku: string;
  name: string;
  unit: string;
  quantity: string;
  unitPrice: string;
}

export interface QuotationDraft {
  number: string;
  date: string;
  validUntil: string;
  lines: QuotationLine[];
}

const iso = (date: Date) => date.toISOString().slice(0, 10);

export function newQuotation(today = new Date()): QuotationDraft {
  const until = new Date(today);
  until.setUTCDate(until.getUTCDate() + 30);
  return { number: "", date: iso(today), validUntil: iso(until), lines: [] };
}

/** A product picked from the catalog: quantity 1 at the counterparty's price; picking it again adds one more. */
export function addProduct(draft: QuotationDraft, product: PricedProduct): QuotationDraft {
  const existing = draft.lines.find((l) => l.sku === product.sku);
  if (existing) {
    return { ...draft, lines: draft.lines.map((l) => (l === existing ? { ...l, quantity: String((Number(l.quantity) || 0) + 1) } : l)) };
  }
  return {
    ...draft,
    lines: [...draft.lines, { sku: product.sku, name: product.name, unit: product.unit, quantity: "1", unitPrice: product.price.amount.toFixed(2) }],
  };
}

/** An existing quotation to issue again: same number and lines at the quoted prices, dated today, valid for 30 more days. */
export function reissue(quotation: Quotation, today = new Date()): QuotationDraft {
  const fresh = newQuotation(today);
  return {
    ...fresh,
    number: quotation.number,
    lines: quotation.lines.map((l) => ({
      sku: l.sku ?? "",
      name: l.name,
      unit: l.unit ?? "",
      quantity: String(l.quantity),
      unitPrice: (l.unitPrice?.amount ?? 0).toFixed(2),
    })),
  };
}

const decimal = (text: string) => Number(text.trim().replace(",", "."));

export function quotationProblems(draft: QuotationDraft): Record<string, string> {
  const problems: Record<string, string> = {};
  if (draft.number.trim() === "") problems.number = "Enter the quotation's number.";
  else if (/[/\\#?]/.test(draft.number)) problems.number = "A number cannot contain / \\ # or ?.";
  if (draft.date === "") problems.date = "Enter the date.";
  if (draft.validUntil === "") problems.validUntil = "Enter the last day it can be ordered from.";
  else if (draft.date !== "" && draft.validUntil < draft.date) problems.validUntil = "It cannot expire before its date.";
  if (draft.lines.length === 0) problems.lines = "Add at least one product.";
  draft.lines.forEach((line, i) => {
    const quantity = decimal(line.quantity);
    if (!Number.isFinite(quantity) || quantity <= 0) problems[`lines[${i}].quantity`] = "Enter a quantity above zero.";
    const price = decimal(line.unitPrice);
    if (line.unitPrice.trim() === "" || !Number.isFinite(price) || price < 0) problems[`lines[${i}].unitPrice`] = "Enter a price from 0.";
  });
  return problems;
}

export function lineTotal(line: QuotationLine): number {
  const total = decimal(line.quantity) * decimal(line.unitPrice);
  return Number.isFinite(total) ? Math.round(total * 100) / 100 : 0;
}

export function toRequest(draft: QuotationDraft): QuotationRequest {
  return {
    date: draft.date,
    validUntil: draft.validUntil,
    lines: draft.lines.map((l) => ({ sku: l.sku, name: l.name, unit: l.unit, quantity: decimal(l.quantity), unitPrice: decimal(l.unitPrice) })),
  } as QuotationRequest;
}
