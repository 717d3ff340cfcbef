import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeServer, renderPage } from "../../test/render";
import type { ReturnableInvoice, RmaDetail } from "./api";
import { chosenLines } from "./api";
import { RmaCreatePage } from "./RmaFormPage";

const money = (amount: number) => ({ amount, currency: "EUR" });

const invoice: ReturnableInvoice = {
  invoiceId: "i1",
  invoiceNumber: "INV-2026-0002",
  date: "2026-11-02",
  status: "unpaid",
  lines: [
    { lineNumber: 1, sku: "SF-HELM-02", name: "Safety helmet, yellow", unit: "pcs", invoiced: 6, claimed: 2, returnable: 4, unitPrecision: 0, unitPrice: money(8.9) },
    { lineNumber: 2, sku: "EL-CAB-02", name: "Cable", unit: "m", invoiced: 20, claimed: 20, returnable: 0, unitPrecision: 1, unitPrice: money(0.89) },
    { lineNumber: 3, name: "Loose sand", unit: "kg", invoiced: 12.5, claimed: 0, returnable: 12.5, unitPrecision: 1, unitPrice: money(0.2) },
  ],
};

const draft: RmaDetail = {
  id: "r1",
  number: "RMA-000007",
  status: "draft",
  processing: "notSent",
  invoiceId: "i1",
  invoiceNumber: "INV-2026-0002",
  invoiceDate: "2026-11-02",
  lines: [],
  reason: "defective",
  description: "Cracked",
  attachments: [],
  maxAttachments: 5,
  history: [],
  documents: [],
  createdBy: "anna",
  createdAt: "2026-11-20T10:00:00Z",
  version: 'W/"1"',
};

afterEach(() => vi.unstubAllGlobals());

describe("RmaCreatePage", () => {
  it("shows what can still be returned, sends only the chosen lines with an idempotency key, then sends the draft", async () => {
    const server = fakeServer(({ method, url }) => {
      if (url === "/api/rma-requests/invoices/i1") return { body: invoice };
      if (url.startsWith("/api/documents/invoices")) return { body: { items: [] } };
      if (method === "POST" && url === "/api/rma-requests") return { status: 201, body: draft };
      if (method === "POST" && url === "/api/rma-requests/r1/send") return { body: { ...draft, status: "sent" } };
      return undefined;
    });
    renderPage(<RmaCreatePage />, { path: "/returns/rma-requests/new?invoice=i1", route: "/returns/rma-requests/new" });

    const table = await screen.findByRole("table", { name: "Invoice lines to return" });
    const [helmets, cable] = within(table).getAllByRole("row").slice(1);
    expect(helmets).toHaveTextContent("4 pcs");
    expect(within(cable!).getByRole("spinbutton")).toBeDisabled();
    await userEvent.type(screen.getByLabelText("Quantity of Safety helmet, yellow to return"), "3");
    await userEvent.type(screen.getByLabelText("Quantity of Loose sand to return"), "0.5");
    await userEvent.type(screen.getByLabelText(/Describe the problem/), "Cracked shells");
    await userEvent.click(screen.getByRole("button", { name: "Send" }));

    await vi.waitFor(() => expect(server.requests.some((r) => r.url === "/api/rma-requests/r1/send")).toBe(true));
    const create = server.requests.find((r) => r.method === "POST" && r.url === "/api/rma-requests")!;
    expect(create.body).toEqual({
      invoiceId: "i1",
      lines: [
        { lineNumber: 1, quantity: 3 },
        { lineNumber: 3, quantity: 0.5 },
      ],
      reason: "defective",
      description: "Cracked shells",
      preferredResolution: null,
    });
    expect(create.headers.get("Idempotency-Key")).toBeTruthy();
    expect(server.requests.find((r) => r.url === "/api/rma-requests/r1/send")!.headers.get("If-Match")).toBe('W/"1"');
  });

  it("when sending is refused, shows the reason at the line and goes on editing the saved draft", async () => {
    const server = fakeServer(({ method, url }) => {
      if (url === "/api/rma-requests/invoices/i1") return { body: invoice };
      if (url.startsWith("/api/documents/invoices")) return { body: { items: [] } };
      if (method === "POST" && url === "/api/rma-requests") return { status: 201, body: draft };
      if (method === "PUT" && url === "/api/rma-requests/r1") return { body: { ...draft, version: 'W/"2"' } };
      if (method === "POST" && url === "/api/rma-requests/r1/send")
        return {
          status: 409,
          body: {
            type: "https://customer-portal.example/problems/returnable-quantity-exceeded",
            title: "More than can still be returned.",
            status: 409,
            errors: { "lines[0].quantity": ["Only 1 pcs of Safety helmet, yellow can still be returned."] },
          },
        };
      return undefined;
    });
    renderPage(<RmaCreatePage />, { path: "/returns/rma-requests/new?invoice=i1", route: "/returns/rma-requests/new" });

    await userEvent.type(await screen.findByLabelText("Quantity of Safety helmet, yellow to return"), "4");
    await userEvent.type(screen.getByLabelText(/Describe the problem/), "Cracked");
    await userEvent.click(screen.getByRole("button", { name: "Send" }));

    expect((await screen.findAllByText("Only 1 pcs of Safety helmet, yellow can still be returned.")).length).toBeGreaterThan(0);
    expect(screen.getByText("Saved as draft RMA-000007.")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Save draft" }));
    await vi.waitFor(() => expect(server.requests.some((r) => r.method === "PUT")).toBe(true));
    expect(server.requests.filter((r) => r.method === "POST" && r.url === "/api/rma-requests")).toHaveLength(1);
    expect(server.requests.find((r) => r.method === "PUT")!.headers.get("If-Match")).toBe('W/"1"');
  });
});

describe("returns api", () => {
  it("sends only lines with a quantity, in invoice order, reading a decimal comma", () => {
    expect(chosenLines({ 3: "0,5", 1: "2", 2: "", 4: "0", 5: "x" })).toEqual([
      { lineNumber: 1, quantity: 2 },
      { lineNumber: 3, quantity: 0.5 },
    ]);
  });
});
