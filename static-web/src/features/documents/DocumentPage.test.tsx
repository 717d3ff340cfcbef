import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeServer, renderPage } from "../../test/render";
import type { DocumentDetail } from "./api";
import { DocumentPage } from "./DocumentPage";

const money = (amount: number) => ({ amount, currency: "EUR" });

function invoice(more: Partial<DocumentDetail> = {}): DocumentDetail {
  return {
    id: "d1",
    type: "invoices",
    number: "INV-2026-0001",
    date: "2026-03-01",
    status: "paid",
    dueDate: "2026-03-31",
    overdue: false,
    expired: false,
    orderable: false,
    lines: [
      { sku: "HT-HAM-01", name: "Claw hammer", unit: "pcs", quantity: 6, unitPrice: money(10), lineTotal: money(60) },
      { name: "Delivery", quantity: 1, unitPrice: null, lineTotal: money(12) },
    ],
    total: money(86.4),
    taxTotal: money(14.4),
    related: [
      { type: "orders", number: "SO-1001", id: "o1" },
      { type: "tax-invoices", number: "TI-2026-0001", id: "t1" },
      { type: "rma-requests", number: "RMA-2026-0001" },
    ],
    referencedBy: [{ type: "goods-returns", number: "GR-2026-0001", id: "g1" }],
    file: null,
    ...more,
  };
}

function show(document: DocumentDetail, type = "invoices") {
  fakeServer(({ url }) => (url === `/api/documents/${type}/d1` ? { body: document } : undefined));
  renderPage(<DocumentPage type={type as "invoices"} />, { path: `/documents/${type}/d1`, route: `/documents/${type}/:id` });
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("DocumentPage", () => {
  it("shows the lines and totals, and links related documents and orders (RMA requests are named only)", async () => {
    show(invoice());
    expect(await screen.findByRole("heading", { name: "Invoice INV-2026-0001", level: 1 })).toBeInTheDocument();
    const lines = screen.getByRole("table", { name: "Document lines" });
    expect(within(lines).getAllByRole("row")).toHaveLength(3);
    expect(within(lines).getByText("Claw hammer")).toBeInTheDocument();

    const related = screen.getByRole("region", { name: "Related documents" });
    expect(within(related).getByRole("link", { name: "Order SO-1001" })).toHaveAttribute("href", "/purchases/orders/o1");
    expect(within(related).getByRole("link", { name: "Tax invoice TI-2026-0001" })).toHaveAttribute("href", "/documents/tax-invoices/t1");
    expect(within(related).getByText("RMA request RMA-2026-0001")).toBeInTheDocument();
    expect(within(related).queryByRole("link", { name: /RMA/ })).not.toBeInTheDocument();
    const referencedBy = screen.getByRole("region", { name: "Referenced by" });
    expect(within(referencedBy).getByRole("link", { name: "Goods return GR-2026-0001" })).toHaveAttribute("href", "/documents/goods-returns/g1");
    expect(screen.getByRole("link", { name: "Back to invoices" })).toHaveAttribute("href", "/documents/invoices");
  });

  it("offers Download only when the document has a file, and shows its name, type and size", async () => {
    show(invoice({ file: { fileName: "INV-2026-0001.pdf", contentType: "application/pdf", size: 12_700, uploadedAt: "2026-03-02T10:00:00Z" } }));
    expect(await screen.findByRole("link", { name: "Download" })).toHaveAttribute("href", "/api/documents/invoices/d1/file");
    expect(screen.getByText(/INV-2026-0001\.pdf \(PDF, 12\.4 KB/)).toBeInTheDocument();
  });

  it("prints a document without a file too", async () => {
    const print = vi.spyOn(window, "print").mockImplementation(() => undefined);
    show(invoice());
    await screen.findByRole("heading", { name: "Invoice INV-2026-0001", level: 1 });
    expect(screen.queryByRole("link", { name: "Download" })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Print" }));
    expect(print).toHaveBeenCalledOnce();
  });

  it("lets a quotation be ordered only when the API says it is orderable", async () => {
    show(invoice({ type: "quotations", number: "QT-2026-0017", status: "issued", dueDate: null, validUntil: "2026-01-31", expired: true }), "quotations");
    expect(await screen.findByRole("heading", { name: "Quotation QT-2026-0017", level: 1 })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Create order" })).toBeDisabled();
    expect(screen.getByText("This quotation has expired.")).toBeInTheDocument();
  });

  it("says when the document is not the customer's or does not exist", async () => {
    fakeServer(() => undefined);
    renderPage(<DocumentPage type="credit-notes" />, { path: "/documents/credit-notes/x", route: "/documents/credit-notes/:id" });
    expect(await screen.findByRole("heading", { name: "Credit note not found", level: 1 })).toBeInTheDocument();
  });

  it("lets the customer dispute a reconciliation statement only with a comment, and then shows the answer instead of the buttons", async () => {
    const statement = invoice({ type: "reconciliation-statements", number: "RS-2026-10", status: "issued", dueDate: null, periodFrom: "2026-10-01", periodTo: "2026-10-31" });
    const { requests } = fakeServer(({ method, url, body }) => {
      if (url === "/api/documents/reconciliation-statements/d1" && method === "GET") return { body: statement };
      if (url === "/api/documents/reconciliation-statements/d1/dispute" && method === "POST") {
        const comment = (body as { comment: string }).comment;
        return { body: { ...statement, status: "disputed", response: { status: "disputed", comment, at: "2026-11-05T10:00:00Z", by: "anna@northwind.example" } } };
      }
      return undefined;
    });
    renderPage(<DocumentPage type="reconciliation-statements" />, { path: "/documents/reconciliation-statements/d1", route: "/documents/reconciliation-statements/:id" });
    const user = userEvent.setup();

    await user.click(await screen.findByRole("button", { name: "Dispute" }));
    await user.click(screen.getByRole("button", { name: "Send dispute" }));
    expect(screen.getByText(/Say what does not agree/)).toBeInTheDocument();
    expect(requests.filter((r) => r.method === "POST")).toHaveLength(0);

    await user.type(screen.getByRole("textbox", { name: /What does not agree/ }), "Payment PAY-7 is missing.");
    await user.click(screen.getByRole("button", { name: "Send dispute" }));
    expect(await screen.findByText("You disputed this statement.")).toBeInTheDocument();
    expect(requests.find((r) => r.method === "POST")?.body).toEqual({ comment: "Payment PAY-7 is missing." });
    expect(screen.getByText(/Your comment: “Payment PAY-7 is missing.”/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Confirm" })).not.toBeInTheDocument();
  });
});
