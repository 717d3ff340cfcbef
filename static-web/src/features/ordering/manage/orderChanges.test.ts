import { describe, expect, it } from "vitest";
import type { StaffOrder } from "./api";
import { describeChanges, shipmentDraft, shipmentLines } from "./orderChanges";

const money = (amount: number) => ({ amount, currency: "EUR" });
const line = (sku: string, ordered: number, shipped: number) => ({
  sku,
  name: `Product ${sku}`,
  unit: "pcs",
  ordered,
  shipped,
  pending: ordered - shipped,
  unitPrice: money(1),
  lineTotal: money(ordered),
  quotationNumber: null,
});
const order = (over: Partial<StaffOrder> = {}): StaffOrder => ({
  id: "o1",
  number: "SO-000001",
  date: "2026-11-28T10:00:00Z",
  status: "inProgress",
  warehouseId: "central",
  warehouseName: "Central",
  customerReference: null,
  comment: null,
  lines: [line("A", 10, 4), line("B", 2, 2), line("A", 3, 0)],
  total: money(15),
  history: [],
  shipments: [],
  ...over,
});

describe("shipment draft", () => {
  it("pre-fills what is still pending, one row per product, and leaves out what is fully shipped", () => {
    const rows = shipmentDraft(order());
    expect(rows.map((r) => [r.sku, r.pending, r.quantity])).toEqual([["A", 9, "9"]]);
  });

  it("sends only quantities above zero and refuses more than is pending", () => {
    const rows = shipmentDraft(order({ lines: [line("A", 10, 0), line("B", 5, 0), line("C", 1, 0)] }));
    rows[0]!.quantity = "4";
    rows[1]!.quantity = "0";
    rows[2]!.quantity = "2";
    const { lines, problems } = shipmentLines(rows);
    expect(lines).toEqual([{ sku: "A", quantity: 4 }]);
    expect(problems).toEqual({ 2: "Only 1 pcs are still to ship." });
  });
});

describe("what changed", () => {
  it("names a new status and a new shipment", () => {
    const before = order({ status: "sent" });
    const after = order({ shipments: [{ number: "GI-9", date: "2026-11-28", lines: [], documentId: "d" }] });
    expect(describeChanges(before, after)).toEqual(["The status is now In progress (was Sent).", "Shipment GI-9 was recorded."]);
  });
});
