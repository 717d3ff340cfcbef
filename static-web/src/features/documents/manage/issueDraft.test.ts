import { describe, expect, it } from "vitest";
import { ApiError } from "../../../lib/api";
import {
  apiProblems,
  buildRequest,
  draftProblems,
  emptyLine,
  emptyRelated,
  lineTotal,
  linesTotal,
  newDraft,
  parseDecimal,
  today,
  withType,
  type Draft,
} from "./issueDraft";
import { documentTypeKeys, documentTypes, fileBlobName } from "./manageApi";

function invoice(change: Partial<Draft> = {}): Draft {
  return {
    ...newDraft("invoices", "northwind"),
    number: "INV-1",
    date: "2026-05-04",
    lines: [{ ...emptyLine(), name: "Drill", quantity: "2", unitPrice: "10" }],
    ...change,
  };
}

describe("the document types", () => {
  it("are the seven the API serves, each with the statuses it allows", () => {
    expect(documentTypeKeys).toEqual([
      "quotations",
      "invoices",
      "tax-invoices",
      "goods-issues",
      "goods-returns",
      "credit-notes",
      "reconciliation-statements",
    ]);
    expect(documentTypes.invoices.statuses).toEqual(["unpaid", "partiallyPaid", "paid", "canceled"]);
    expect(documentTypes["goods-returns"].statuses).toEqual(["received", "canceled"]);
    expect(fileBlobName("northwind", "credit-notes", "CN-7")).toBe("documents/northwind/credit-notes/CN-7.pdf");
  });

  it("start a new document on today's date with the type's first status", () => {
    expect(today(new Date(2026, 0, 9))).toBe("2026-01-09");
    const draft = newDraft("goods-returns");
    expect(draft.status).toBe("received");
    expect(draft.date).toBe(today());
    expect(withType(draft, "credit-notes").status).toBe("issued");
    expect(withType({ ...draft, status: "canceled" }, "invoices").status).toBe("canceled");
  });
});

describe("numbers and totals", () => {
  it("reads numbers as typed, with a decimal point or comma", () => {
    expect(parseDecimal("")).toBeNull();
    expect(parseDecimal(" 12.5 ")).toBe(12.5);
    expect(parseDecimal("1,5")).toBe(1.5);
    expect(parseDecimal("-3")).toBe(-3);
    expect(parseDecimal("1 000")).toBe(1000);
    expect(parseDecimal("1,000.50")).toBeNaN();
    expect(parseDecimal("ten")).toBeNaN();
  });

  it("totals a line as quantity × unit price, in cents, and the lines as their sum", () => {
    expect(lineTotal({ quantity: "3", unitPrice: "0.1" })).toBe(0.3);
    expect(lineTotal({ quantity: "1.005", unitPrice: "1" })).toBe(1.01);
    expect(lineTotal({ quantity: "2", unitPrice: "" })).toBeNull();
    expect(linesTotal([{ ...emptyLine(), quantity: "2", unitPrice: "89.90" }, { ...emptyLine(), quantity: "1", unitPrice: "x" }])).toBe(179.8);
  });
});

describe("draftProblems", () => {
  it("finds nothing in a complete invoice", () => {
    expect(draftProblems(invoice())).toEqual({});
  });

  it("wants a customer, a number the blob name can carry and a date", () => {
    expect(draftProblems(invoice({ counterpartyId: "", number: "", date: "" }))).toEqual({
      counterpartyId: "Choose the customer the document is for.",
      number: "Enter the document's number.",
      date: "Enter the document's date.",
    });
    for (const bad of ["INV 1", "INV/1", ".hidden", "x".repeat(51), "Ünïcode"]) {
      expect(draftProblems(invoice({ number: bad })).number, bad).toBe("Use 1–50 letters, digits, '-', '_' or '.'.");
    }
    expect(draftProblems(invoice({ number: "INV_2026-01.a" })).number).toBeUndefined();
  });

  it("checks the dates of the type only, in the API's words", () => {
    expect(draftProblems(invoice({ dueDate: "2026-05-03" })).dueDate).toBe("It cannot be due before its date.");
    expect(draftProblems(invoice({ dueDate: "2026-05-04" })).dueDate).toBeUndefined();
    expect(draftProblems(invoice({ type: "quotations", validUntil: "2026-05-01" })).validUntil).toBe("It cannot expire before its date.");
    expect(draftProblems(invoice({ type: "reconciliation-statements", periodFrom: "2026-04-30", periodTo: "2026-04-01" })).periodTo).toBe(
      "The period ends before it starts.",
    );
    // A due date left from before the type changed is neither checked nor sent.
    expect(draftProblems(invoice({ type: "tax-invoices", dueDate: "2020-01-01" }))).toEqual({});
  });

  it("checks each filled line and skips the empty ones", () => {
    const problems = draftProblems(
      invoice({
        lines: [
          { ...emptyLine(), name: "Drill", quantity: "2" },
          emptyLine(),
          { ...emptyLine(), sku: "X", quantity: "2000000", unitPrice: "-1" },
          { ...emptyLine(), name: "Saw", quantity: "" },
        ],
      }),
    );
    expect(problems).toEqual({
      "lines[2].name": "Enter what the line is for.",
      "lines[2].quantity": "Enter a quantity up to 1,000,000.",
      "lines[2].unitPrice": "Enter a price from 0.",
      "lines[3].quantity": "Enter the quantity.",
    });
  });

  it("wants totals from 0 and short notes", () => {
    expect(draftProblems(invoice({ total: "-1", taxTotal: "abc" }))).toEqual({ total: "Enter an amount from 0.", taxTotal: "Enter an amount from 0." });
    expect(draftProblems(invoice({ notes: "x".repeat(2001) })).notes).toMatch(/at most 2,000/);
  });
});

describe("buildRequest", () => {
  it("sends numbers as numbers and leaves out what was left empty", () => {
    const built = buildRequest(
      invoice({
        number: " INV-7 ",
        status: "paid",
        dueDate: "2026-06-01",
        validUntil: "2026-07-01",
        lines: [
          { ...emptyLine(), sku: " DRL ", name: " Drill ", unit: "pcs", quantity: "2", unitPrice: "89,90" },
          emptyLine(),
          { ...emptyLine(), name: "Credit", quantity: "-1" },
        ],
        total: "200",
        taxTotal: "",
        related: [{ ...emptyRelated(), number: " SO-1 " }, emptyRelated(), { ...emptyRelated(), type: "quotations", number: "QT-2" }],
        notes: "   ",
      }),
    );
    expect(built).toEqual({
      counterpartyId: "northwind",
      type: "invoices",
      number: "INV-7",
      document: {
        date: "2026-05-04",
        status: "paid",
        dueDate: "2026-06-01",
        lines: [
          { sku: "DRL", name: "Drill", unit: "pcs", quantity: 2, unitPrice: 89.9 },
          { name: "Credit", quantity: -1 },
        ],
        total: 200,
        related: [
          { type: "orders", number: "SO-1" },
          { type: "quotations", number: "QT-2" },
        ],
      },
      lineRows: [0, 2],
      relatedRows: [0, 2],
    });
  });

  it("sends a reconciliation statement's period and a quotation's validity", () => {
    const statement = buildRequest(invoice({ type: "reconciliation-statements", status: "issued", periodFrom: "2026-04-01", periodTo: "2026-04-30", lines: [] }));
    expect(statement.document).toEqual({ date: "2026-05-04", status: "issued", periodFrom: "2026-04-01", periodTo: "2026-04-30", lines: [], related: [] });
    const quotation = buildRequest(invoice({ type: "quotations", status: "issued", validUntil: "2026-05-31", periodFrom: "2026-01-01" }));
    expect(quotation.document).toMatchObject({ validUntil: "2026-05-31" });
    expect(quotation.document).not.toHaveProperty("periodFrom");
    expect(quotation.document).not.toHaveProperty("dueDate");
  });
});

describe("apiProblems", () => {
  const badRequest = (errors: Record<string, string[]>) => new ApiError({ status: 400, title: "Invalid.", errors });

  it("places the API's messages at the form's rows", () => {
    const error = badRequest({
      number: ["Taken."],
      "lines[1].quantity": ["Too many."],
      "Lines[0].UnitPrice": ["Negative."],
      "related[0].type": ["Unknown."],
      lines: ["Too long."],
    });
    expect(apiProblems(error, { lineRows: [0, 2], relatedRows: [5] })).toEqual({
      number: "Taken.",
      "lines[2].quantity": "Too many.",
      "lines[0].unitPrice": "Negative.",
      "related[5].type": "Unknown.",
      lines: "Too long.",
    });
  });

  it("finds nothing in other failures", () => {
    expect(apiProblems(new ApiError({ status: 404, title: "Not found." }), null)).toEqual({});
    expect(apiProblems(new Error("x"), null)).toEqual({});
    expect(apiProblems(null, null)).toEqual({});
  });
});
