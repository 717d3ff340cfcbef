// Pure helpers of the staff order page: the shipment form's starting point and what changed when the order moved on
// under the clerk (a 412).
import { statusInfo } from "../orderStatus";
import type { StaffOrder } from "./api";

export interface ShipmentLineDraft {
  sku: string;
  name: string;
  unit: string;
  pending: number;
  quantity: string;
}

/** One row per product still to ship, the pending quantity pre-filled (the whole rest); a product on two lines is one row. */
export function shipmentDraft(order: StaffOrder): ShipmentLineDraft[] {
  const rows = new Map<string, ShipmentLineDraft>();
  for (const line of order.lines) {
    const key = line.sku.toUpperCase();
    const row = rows.get(key);
    if (row) row.pending += line.pending;
    else rows.set(key, { sku: line.sku, name: line.name, unit: line.unit, pending: line.pending, quantity: "" });
  }
  return [...rows.values()].filter((r) => r.pending > 0).map((r) => ({ ...r, quantity: String(r.pending) }));
}

/** The shipment lines to send: rows with a quantity above zero. Messages by row index for the rest. */
export function shipmentLines(rows: ShipmentLineDraft[]): { lines: { sku: string; quantity: number }[]; problems: Record<number, string> } {
  const lines: { sku: string; quantity: number }[] = [];
  const problems: Record<number, string> = {};
  rows.forEach((row, index) => {
    const text = row.quantity.trim().replace(",", ".");
    if (text === "" || Number(text) === 0) return;
    const quantity = Number(text);
    if (!Number.isFinite(quantity) || quantity < 0) problems[index] = "Enter a quantity of zero or more.";
    else if (quantity > row.pending) problems[index] = `Only ${row.pending} ${row.unit} are still to ship.`;
    else lines.push({ sku: row.sku, quantity });
  });
  return { lines, problems };
}

/** What another clerk (or the ERP) changed between the version the page showed and the latest, in words. */
export function describeChanges(before: StaffOrder, after: StaffOrder): string[] {
  const changes: string[] = [];
  if (before.status !== after.status) {
    changes.push(`The status is now ${statusInfo(after.status).label} (was ${statusInfo(before.status).label}).`);
  }
  const known = new Set(before.shipments.map((s) => s.number));
  for (const shipment of after.shipments.filter((s) => !known.has(s.number))) {
    changes.push(`Shipment ${shipment.number} was recorded.`);
  }
  if (changes.length === 0) changes.push("Details of the order changed.");
  return changes;
}
