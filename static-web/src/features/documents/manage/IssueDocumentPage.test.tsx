import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MeContext, type MeView } from "../../../lib/session";
import { fakeServer, renderPage, type FakeResponse } from "../../../test/render";
import { IssueDocumentPage } from "./IssueDocumentPage";
import type { CounterpartyView, DocumentRequest, DocumentView } from "./manageApi";

afterEach(() => vi.unstubAllGlobals());

const counterparties: CounterpartyView[] = [
  { id: "northwind", name: "Northwind Traders", code: "NW" },
  { id: "contoso", name: "Contoso Retail" },
];

const clerk: MeView = {
  user: { id: "clerk", username: "clerk", displayName: "Sam Clerk", kind: "staff" },
  counterparty: null,
  companyName: "Tailspin Supplies Ltd",
  currency: "EUR",
  csrfToken: "token",
};

/** The saved document as the API answers it: lines totalled, the total their sum unless one was given. */
function viewOf(type: string, number: string, body: DocumentRequest): DocumentView {
  const lines = (body.lines ?? []).map((l) => ({
    ...l,
    unitPrice: l.unitPrice == null ? null : { amount: l.unitPrice, currency: "EUR" },
    lineTotal: { amount: Math.round(l.quantity * (l.unitPrice ?? 0) * 100) / 100, currency: "EUR" },
  }));
  return {
    id: `${type}-${number}`,
    type,
    number,
    date: body.date,
    status: body.status ?? "issued",
    dueDate: body.dueDate,
    overdue: false,
    validUntil: body.validUntil,
    expired: false,
    orderable: false,
    periodFrom: body.periodFrom,
    periodTo: body.periodTo,
    lines,
    total: { amount: body.total ?? lines.reduce((sum, l) => sum + l.lineTotal.amount, 0), currency: "EUR" },
    taxTotal: body.taxTotal == null ? null : { amount: body.taxTotal, currency: "EUR" },
    notes: body.notes,
    related: (body.related ?? []).map((r) => ({ ...r, id: null })),
    referencedBy: [],
    file: null,
  };
}

/** The staff API: the counterparties, and the document upsert (or whatever answer a test puts in its place). */
function documentsServer(answer?: (url: string, body: DocumentRequest) => FakeResponse | undefined) {
  const server = fakeServer(({ method, url, body }) => {
    if (method === "GET" && url === "/api/manage/counterparties") return { body: { items: counterparties } };
    const put = /^\/api\/manage\/documents\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(url);
    if (method === "PUT" && put) {
      const custom = answer?.(url, body as DocumentRequest);
      if (custom) return custom;
      if (!counterparties.some((c) => c.id === put[1])) {
        return { status: 404, body: { type: "https://x/problems/not-found", title: "The counterparty was not found.", status: 404 } };
      }
      return { body: viewOf(put[2]!, decodeURIComponent(put[3]!), body as DocumentRequest) };
    }
    return undefined;
  });
  return { ...server, puts: () => server.requests.filter((r) => r.method === "PUT") };
}

async function openPage() {
  renderPage(
    <MeContext.Provider value={clerk}>
      <IssueDocumentPage />
    </MeContext.Provider>,
  );
  expect(await screen.findByRole("combobox", { name: /Customer/ })).toBeInTheDocument();
}

const documentGroup = () => screen.getByRole("group", { name: "Document" });
const field = (name: string | RegExp, within_: HTMLElement = documentGroup()) => within(within_).getByRole("textbox", { name });
const select = (name: string | RegExp) => within(documentGroup()).getByRole("combobox", { name });
const dateField = (label: string) => within(documentGroup()).getByLabelText(new RegExp(`^${label}`)) as HTMLInputElement;
const line = (n: number) => screen.getByRole("group", { name: `Line ${n}` });
const save = () => userEvent.click(screen.getByRole("button", { name: "Save document" }));

/** Puts text into a field as a paste does: one change, where typing re-renders the whole form once per key. */
async function fill(input: HTMLElement, text: string) {
  await userEvent.clear(input);
  await userEvent.click(input);
  await userEvent.paste(text);
}

async function typeDate(label: string, value: string) {
  const input = dateField(label);
  await userEvent.clear(input);
  await userEvent.type(input, value);

}

async function fillLine(n: number, values: { sku?: string; name?: string; unit?: string; quantity?: string; unitPrice?: string }) {
  const row = line(n);
  if (values.sku) await fill(within(row).getByRole("textbox", { name: /SKU/ }), values.sku);
  if (values.name) await fill(within(row).getByRole("textbox", { name: /Name/ }), values.name);
  if (values.unit) await fill(within(row).getByRole("textbox", { name: /Unit$/ }), values.unit);
  if (values.quantity) await fill(within(row).getByRole("textbox", { name: /Quantity/ }), values.quantity);
  if (values.unitPrice) await fill(within(row).getByRole("textbox", { name: /Unit price/ }), values.unitPrice);
}

// Filling a whole document by hand, field by field, takes a few seconds in jsdom; more when the suite runs in parallel.
describe("IssueDocumentPage", { timeout: 20_000 }, () => {
  it("asks for the dates each type has, and offers only the type's statuses", async () => {
    documentsServer();
    await openPage();
    expect(screen.getByRole("heading", { name: "Issue a document", level: 1 })).toBeInTheDocument();
    expect(screen.getByText(/Saving an existing number updates it/, { selector: "p" })).toBeInTheDocument();
    expect(within(select(/Customer/)).getAllByRole("option").map((o) => o.textContent)).toEqual([
      "Choose a customer",
      "Contoso Retail",
      "Northwind Traders (NW)",
    ]);
    expect(within(select("Type")).getAllByRole("option").map((o) => o.textContent)).toEqual([
      "Quotations",
      "Invoices",
      "Tax invoices",
      "Goods delivery",
      "Goods return",
      "Credit notes",
      "Reconciliation statements",
    ]);

    // Invoices (the first choice) fall due.
    expect(select("Type")).toHaveValue("invoices");
    const statuses = () => within(select("Status")).getAllByRole("option").map((o) => o.textContent);
    expect(statuses()).toEqual(["Unpaid", "Partly paid", "Paid", "Canceled"]);
    expect(dateField("Due date")).toBeInTheDocument();
    expect(within(documentGroup()).queryByLabelText(/^Valid until/)).not.toBeInTheDocument();
    expect(within(documentGroup()).queryByLabelText(/^Period from/)).not.toBeInTheDocument();

    // Quotations expire.
    await userEvent.selectOptions(select("Type"), "quotations");
    expect(statuses()).toEqual(["Issued", "Canceled"]);
    expect(select("Status")).toHaveValue("issued");
    expect(dateField("Valid until")).toBeInTheDocument();
    expect(within(documentGroup()).queryByLabelText(/^Due date/)).not.toBeInTheDocument();

    // Reconciliation statements cover a period.
    await userEvent.selectOptions(select("Type"), "reconciliation-statements");
    expect(statuses()).toEqual(["Issued", "Confirmed", "Disputed"]);
    expect(dateField("Period from")).toBeInTheDocument();
    expect(dateField("Period to")).toBeInTheDocument();
    expect(within(documentGroup()).queryByLabelText(/^Valid until/)).not.toBeInTheDocument();

    // The others have neither; a status both types have is kept.
    await userEvent.selectOptions(select("Type"), "credit-notes");
    await userEvent.selectOptions(select("Status"), "canceled");
    await userEvent.selectOptions(select("Type"), "goods-issues");
    expect(statuses()).toEqual(["Issued", "Delivered", "Canceled"]);
    expect(select("Status")).toHaveValue("canceled");
    await userEvent.selectOptions(select("Type"), "goods-returns");
    expect(statuses()).toEqual(["Received", "Canceled"]);
    for (const label of ["Due date", "Valid until", "Period from", "Period to"]) {
      expect(within(documentGroup()).queryByLabelText(new RegExp(`^${label}`))).not.toBeInTheDocument();
    }
  });

  it("builds the PUT body from the form, shows line totals, and says what was saved and where its file goes", async () => {
    const server = documentsServer();
    await openPage();
    await userEvent.selectOptions(select(/Customer/), "northwind");
    await fill(field(/Number/), "INV-2026-0100");
    await typeDate("Date", "2026-05-04");
    await userEvent.selectOptions(select("Status"), "partiallyPaid");
    await typeDate("Due date", "2026-06-03");

    await fillLine(1, { sku: "DRL-18V", name: "Cordless drill", unit: "pcs", quantity: "2", unitPrice: "89.90" });
    expect(within(line(1)).getByTestId("line-total-0")).toHaveTextContent(/179\.80/);
    await userEvent.click(screen.getByRole("button", { name: "Add a line" }));
    // The new line's first field takes focus, so the clerk types on.
    expect(within(line(2)).getByRole("textbox", { name: /SKU/ })).toHaveFocus();
    await fillLine(2, { name: "Delivery", quantity: "1,5", unitPrice: "10" });
    expect(within(line(2)).getByTestId("line-total-1")).toHaveTextContent(/15\.00/);
    // A third row left empty is not sent.
    await userEvent.click(screen.getByRole("button", { name: "Add a line" }));
    expect(screen.getByText(/Lines total: .*194\.80/)).toBeInTheDocument();

    await fill(field("Tax total", screen.getByRole("group", { name: "Totals" })), "32.47");
    await userEvent.click(screen.getByRole("button", { name: "Add a related document" }));
    const related = screen.getByRole("group", { name: "Related document 1" });
    expect(within(related).getByRole("combobox", { name: "Type" })).toHaveFocus();
    await fill(within(related).getByRole("textbox", { name: "Number" }), "SO-1001");
    await fill(screen.getByRole("textbox", { name: /Notes/ }), "  Thank you for your order.  ");
    await save();

    expect(await screen.findByText("Invoice INV-2026-0100 saved.")).toBeInTheDocument();
    const [put] = server.puts();
    expect(put!.url).toBe("/api/manage/documents/northwind/invoices/INV-2026-0100");
    expect(put!.headers.get("Content-Type")).toBe("application/json");
    expect(put!.body).toEqual({
      date: "2026-05-04",
      status: "partiallyPaid",
      dueDate: "2026-06-03",
      lines: [
        { sku: "DRL-18V", name: "Cordless drill", unit: "pcs", quantity: 2, unitPrice: 89.9 },
        { name: "Delivery", quantity: 1.5, unitPrice: 10 },
      ],
      taxTotal: 32.47,
      related: [{ type: "orders", number: "SO-1001" }],
      notes: "Thank you for your order.",
    } satisfies DocumentRequest);

    const notice = screen.getByText("Invoice INV-2026-0100 saved.").closest(".fui-MessageBar") as HTMLElement;
    expect(notice).toHaveTextContent(/Total €194\.80/);
    expect(notice).toHaveTextContent("Northwind Traders now sees it under Documents from supplier → Invoices.");
    expect(within(notice).getByText("documents/northwind/invoices/INV-2026-0100.pdf")).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId("live-polite")).toHaveTextContent("Invoice INV-2026-0100 saved for Northwind Traders."));

    // Saving again sends the same number: the API updates the document.
    await save();
    await waitFor(() => expect(server.puts()).toHaveLength(2));
    expect(server.puts()[1]!.url).toBe("/api/manage/documents/northwind/invoices/INV-2026-0100");

    // Another document starts empty, for the same customer and type, at the number.
    await userEvent.click(await screen.findByRole("button", { name: "Issue another document" }));
    expect(field(/Number/)).toHaveValue("");
    expect(field(/Number/)).toHaveFocus();
    expect(select(/Customer/)).toHaveValue("northwind");
    expect(select("Type")).toHaveValue("invoices");
    expect(screen.queryByText("Invoice INV-2026-0100 saved.")).not.toBeInTheDocument();
  });

  it("sends only the dates of the chosen type", async () => {
    const server = documentsServer();
    await openPage();
    await userEvent.selectOptions(select(/Customer/), "contoso");
    await typeDate("Due date", "2026-06-03");
    await userEvent.selectOptions(select("Type"), "quotations");
    await fill(field(/Number/), "QT.7");
    await typeDate("Date", "2026-05-04");
    await typeDate("Valid until", "2026-05-31");
    await fillLine(1, { name: "Consulting", quantity: "3" });
    await save();

    expect(await screen.findByText("Quotation QT.7 saved.")).toBeInTheDocument();
    expect(server.puts()[0]!.url).toBe("/api/manage/documents/contoso/quotations/QT.7");
    expect(server.puts()[0]!.body).toEqual({
      date: "2026-05-04",
      status: "issued",
      validUntil: "2026-05-31",
      lines: [{ name: "Consulting", quantity: 3 }],
      related: [],
    });
  });

  it("checks the fields before sending and moves focus to the first one to correct", async () => {
    const server = documentsServer();
    await openPage();
    await fillLine(1, { name: "Drill" });
    await fill(field(/Number/), "INV 1/2");
    await save();

    expect(await screen.findByText("Choose the customer the document is for.")).toBeInTheDocument();
    expect(select(/Customer/)).toHaveFocus();
    expect(screen.getByText("Use 1–50 letters, digits, '-', '_' or '.'.")).toBeInTheDocument();
    expect(within(line(1)).getByText("Enter the quantity.")).toBeInTheDocument();
    expect(within(line(1)).getByRole("textbox", { name: /Quantity/ })).toHaveAttribute("aria-invalid", "true");
    expect(server.puts()).toHaveLength(0);
    await waitFor(() => expect(screen.getAllByRole("alert").map((a) => a.textContent)).toContain("Some fields need correcting."));

    // Messages go as the fields are corrected.
    await userEvent.selectOptions(select(/Customer/), "northwind");
    expect(screen.queryByText("Choose the customer the document is for.")).not.toBeInTheDocument();
  });

  it("shows the API's field errors at their fields, counting the rows as the form shows them", async () => {
    const server = documentsServer(() => ({
      status: 400,
      body: {
        type: "https://x/problems/validation",
        title: "Some fields are not valid.",
        status: 400,
        errors: {
          number: ["This number is reserved."],
          dueDate: ["It cannot be due before its date."],
          "lines[1].quantity": ["Enter a quantity up to 1,000,000."],
          "related[0].type": ["Use a document type, orders or rma-requests."],
        },
      },
    }));
    await openPage();
    await userEvent.selectOptions(select(/Customer/), "northwind");
    await fill(field(/Number/), "INV-9");
    await fillLine(1, { name: "Drill", quantity: "1" });
    // An empty row in between is not sent, so the API's lines[1] is the form's third line.
    await userEvent.click(screen.getByRole("button", { name: "Add a line" }));
    await userEvent.click(screen.getByRole("button", { name: "Add a line" }));
    await fillLine(3, { name: "Saw", quantity: "2" });
    await userEvent.click(screen.getByRole("button", { name: "Add a related document" }));
    await fill(within(screen.getByRole("group", { name: "Related document 1" })).getByRole("textbox", { name: "Number" }), "X-1");
    await save();

    expect(await screen.findByText("This number is reserved.")).toBeInTheDocument();
    expect(field(/Number/)).toHaveAttribute("aria-invalid", "true");
    expect(field(/Number/)).toHaveFocus();
    expect(within(documentGroup()).getByText("It cannot be due before its date.")).toBeInTheDocument();
    expect(within(line(3)).getByText("Enter a quantity up to 1,000,000.")).toBeInTheDocument();
    expect(within(line(3)).getByRole("textbox", { name: /Quantity/ })).toHaveAttribute("aria-invalid", "true");
    expect(within(line(1)).queryByText("Enter a quantity up to 1,000,000.")).not.toBeInTheDocument();
    expect(within(screen.getByRole("group", { name: "Related document 1" })).getByText("Use a document type, orders or rma-requests.")).toBeInTheDocument();
    expect(server.puts()[0]!.body).toMatchObject({ lines: [{ name: "Drill" }, { name: "Saw" }] });

    // Removing the empty row keeps the message at the line it belongs to.
    await userEvent.click(screen.getByRole("button", { name: "Remove line 2" }));
    expect(screen.getByRole("button", { name: "Add a line" })).toHaveFocus();
    expect(within(line(2)).getByText("Enter a quantity up to 1,000,000.")).toBeInTheDocument();
  });

  it("lists the API's messages that have no field of their own", async () => {
    documentsServer(() => ({
      status: 400,
      body: { status: 400, title: "Invalid.", errors: { lines: ["The lines are too long to store; split the document or shorten the names."] } },
    }));
    await openPage();
    await userEvent.selectOptions(select(/Customer/), "northwind");
    await fill(field(/Number/), "INV-10");
    await save();
    expect(await screen.findByText("The lines are too long to store; split the document or shorten the names.")).toBeInTheDocument();
    // Shown in the message bar and announced once through the live region.
    expect(screen.getAllByText("Some fields need correcting.").length).toBeGreaterThan(0);
  });

  it("says in words when the customer no longer exists (404) and reads the customers again", async () => {
    const server = documentsServer((url) =>
      url.includes("/contoso/") ? { status: 404, body: { type: "https://x/problems/not-found", title: "The counterparty was not found.", status: 404 } } : undefined,
    );
    await openPage();
    await userEvent.selectOptions(select(/Customer/), "contoso");
    await fill(field(/Number/), "CN-1");
    await save();
    const message = "The customer Contoso Retail no longer exists in the portal, so nothing was saved. Choose another customer and save again.";
    expect(await screen.findByText(message)).toBeInTheDocument();
    await waitFor(() => expect(server.requests.filter((r) => r.url === "/api/manage/counterparties")).toHaveLength(2));
  });

  it("shows why the customers cannot be listed, with a retry", async () => {
    fakeServer(() => ({ status: 500, body: { status: 500, title: "Boom." } }));
    renderPage(<IssueDocumentPage />);
    expect(await screen.findByText("Something went wrong on our side.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Try again" })).toBeInTheDocument();
  });
});
