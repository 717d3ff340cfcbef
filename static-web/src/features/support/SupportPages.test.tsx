import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MeContext, type MeView } from "../../lib/session";
import { SupportForThis } from "../../lib/support";
import { fakeServer, renderPage } from "../../test/render";
import type { SupportRequestDetail } from "./api";
import { checkFiles } from "./Conversation";
import { NewSupportRequestPage } from "./NewSupportRequestPage";
import { SupportRequestPage } from "./SupportRequestPage";

const anna: MeView = {
  user: { id: "demo-anna", username: "anna@northwind.example", displayName: "Anna Schmidt", kind: "customer" },
  companyName: "Tailspin Supplies Ltd",
  currency: "EUR",
  csrfToken: "t",
};

const request = (overrides: Partial<SupportRequestDetail> = {}): SupportRequestDetail => ({
  id: "r1",
  number: "SR-000007",
  subject: "Wrong quantity",
  category: "documentInaccuracy",
  status: "resolved",
  link: { type: "invoices", id: "inv2", label: "Invoice INV-2026-0002" },
  createdAt: "2026-11-20T09:00:00Z",
  createdBy: "anna@northwind.example",
  lastMessageAt: "2026-11-21T10:00:00Z",
  messageCount: 2,
  reopenUntil: "2099-12-05T10:00:00Z",
  history: [],
  messages: {
    // Newest first, as the API pages them.
    items: [
      { id: "m2", at: "2026-11-21T10:00:00Z", author: "clerk", fromSupplier: true, mine: false, body: "A credit note follows.", attachments: [] },
      {
        id: "m1",
        at: "2026-11-20T09:00:00Z",
        author: "anna@northwind.example",
        fromSupplier: false,
        mine: true,
        body: "<b>12</b> instead of 10\nsecond line",
        attachments: [{ id: "f1", fileName: "delivery.pdf", contentType: "application/pdf", size: 2048, uploadedAt: "2026-11-20T09:00:00Z" }],
      },
    ],
    continuation: "more",
  },
  ...overrides,
});

afterEach(() => vi.unstubAllGlobals());

function openRequest(initial: SupportRequestDetail, earlier?: SupportRequestDetail["messages"]) {
  let detail = initial;
  const server = fakeServer(({ method, url }) => {
    if (method === "GET" && url === "/api/support-requests/r1") return { body: detail };
    if (method === "GET" && url.startsWith("/api/support-requests/r1/messages")) return { body: earlier };
    if (method === "POST" && url === "/api/support-requests/r1/read") return { status: 204 };
    if (method === "POST" && url === "/api/support-requests/r1/close") {
      detail = { ...detail, status: "closed" };
      return { body: detail };
    }
    return undefined;
  });
  renderPage(
    <MeContext.Provider value={anna}>
      <SupportRequestPage />
    </MeContext.Provider>,
    { path: "/support/r1", route: "/support/:id" },
  );
  return server;
}

describe("SupportRequestPage", () => {
  it("shows the conversation oldest first, as plain text, with the supplier named and files to download", async () => {
    const server = openRequest(request());
    const messages = await screen.findByRole("list", { name: "Messages" });
    const [first, second] = within(messages).getAllByRole("listitem").filter((li) => li.parentElement === messages);
    expect(first).toHaveTextContent("You");
    expect(first).toHaveTextContent("<b>12</b> instead of 10");
    expect(first!.querySelector("b")).toBeNull();
    expect(within(first!).getByRole("link", { name: /delivery.pdf/ })).toHaveAttribute("href", "/api/support-requests/r1/messages/m1/attachments/f1");
    expect(second).toHaveTextContent("Tailspin Supplies Ltd");
    expect(second).toHaveTextContent("A credit note follows.");
    expect(screen.getByRole("link", { name: "Invoice INV-2026-0002" })).toHaveAttribute("href", "/documents/invoices/inv2");
    await waitFor(() => expect(server.requests.some((r) => r.method === "POST" && r.url.endsWith("/read"))).toBe(true));
  });

  it("loads earlier messages above the newest ones", async () => {
    openRequest(request(), {
      items: [{ id: "m0", at: "2026-11-19T09:00:00Z", author: "dan@northwind.example", fromSupplier: false, mine: false, body: "The first word", attachments: [] }],
      continuation: null,
    });
    await userEvent.click(await screen.findByRole("button", { name: "Show earlier messages" }));
    const messages = screen.getByRole("list", { name: "Messages" });
    await waitFor(() => expect(within(messages).getAllByRole("listitem").filter((li) => li.parentElement === messages)).toHaveLength(3));
    expect(within(messages).getAllByRole("listitem")[0]).toHaveTextContent("The first word");
    expect(screen.queryByRole("button", { name: "Show earlier messages" })).not.toBeInTheDocument();
  });

  it("closes a resolved request and then offers to reopen it", async () => {
    const server = openRequest(request());
    expect(await screen.findByText("Your supplier marked this request resolved.")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Close request" }));
    expect(await screen.findByText("This request is closed.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Reopen" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Send reply" })).not.toBeInTheDocument();
    expect(server.requests.filter((r) => r.url.endsWith("/close"))).toHaveLength(1);
  });
});

describe("NewSupportRequestPage", () => {
  it("starts about the document it came from and sends the request linked to it, then its files", async () => {
    const created = request({ status: "open", messages: { items: [request().messages.items[1]!], continuation: null } });
    const server = fakeServer(({ method, url }) => {
      if (method === "POST" && url === "/api/support-requests") return { status: 201, body: created };
      if (method === "POST" && url.startsWith("/api/support-requests/r1/messages/m1/attachments")) {
        return { status: 201, body: { id: "f9", fileName: "scan.pdf", contentType: "application/pdf", size: 5, uploadedAt: "2026-11-20T09:00:00Z" } };
      }
      return undefined;
    });
    renderPage(<NewSupportRequestPage />, { path: "/support/new?linkType=invoices&linkId=inv2&label=Invoice+INV-2026-0002", route: "/support/new" });

    expect(screen.getByText(/About:/)).toHaveTextContent("About: Invoice INV-2026-0002");
    expect(screen.getByRole("combobox", { name: /Category/ })).toHaveValue("documentInaccuracy");
    expect(screen.getByRole("textbox", { name: /Subject/ })).toHaveValue("Question about Invoice INV-2026-0002");
    await userEvent.click(screen.getByRole("button", { name: "Send request" }));
    expect(await screen.findByText("Write your question.")).toBeInTheDocument();
    expect(server.requests).toHaveLength(0);

    await userEvent.type(screen.getByRole("textbox", { name: /Message/ }), "Twelve instead of ten");
    await userEvent.upload(screen.getByLabelText(/Files/), new File(["%PDF-"], "scan.pdf", { type: "application/pdf" }));
    await userEvent.click(screen.getByRole("button", { name: "Send request" }));

    await waitFor(() => expect(server.requests).toHaveLength(2));
    const [create, file] = server.requests;
    expect(create!.body).toEqual({
      subject: "Question about Invoice INV-2026-0002",
      category: "documentInaccuracy",
      message: "Twelve instead of ten",
      link: { type: "invoices", id: "inv2" },
    });
    expect(create!.headers.get("Idempotency-Key")).toBeTruthy();
    expect(file!.url).toBe("/api/support-requests/r1/messages/m1/attachments?fileName=scan.pdf");
    expect(file!.headers.get("Idempotency-Key")).toBe(`${create!.headers.get("Idempotency-Key")}-file-0`);
  });
});

describe("files", () => {
  it("refuses what the server would refuse before anything is sent", () => {
    expect(checkFiles([new File(["x"], "page.html")])).toMatch(/page.html/);
    expect(checkFiles([new File([new Uint8Array(10 * 1024 * 1024 + 1)], "big.pdf")])).toMatch(/larger than 10 MB/);
    expect(checkFiles(Array.from({ length: 11 }, (_, i) => new File(["x"], `${i}.png`)))).toMatch(/at most 10/);
    expect(checkFiles([new File(["x"], "Photo.JPG")])).toBeUndefined();
  });
});

describe("SupportForThis", () => {
  it("lists the requests asked about a document and offers to ask another", async () => {
    fakeServer(({ url }) =>
      url === "/api/support-requests?linkedType=invoices&linkedId=inv2&pageSize=20"
        ? {
            body: {
              items: [
                {
                  id: "r1",
                  number: "SR-000007",
                  subject: "Wrong quantity",
                  category: "documentInaccuracy",
                  status: "open",
                  createdAt: "2026-11-20T09:00:00Z",
                  createdBy: "anna",
                  lastMessageAt: "2026-11-21T10:00:00Z",
                  lastMessageBy: "clerk",
                  lastMessageFromSupplier: true,
                  messageCount: 2,
                  unread: true,
                },
              ],
            },
          }
        : undefined,
    );
    renderPage(<SupportForThis link={{ type: "invoices", id: "inv2", label: "Invoice INV-2026-0002" }} />);
    const section = await screen.findByRole("region", { name: "Questions about this" });
    expect(await within(section).findByRole("link", { name: "SR-000007: Wrong quantity" })).toHaveAttribute("href", "/support/r1");
    expect(within(section).getByText("New reply")).toBeInTheDocument();
    expect(within(section).getByRole("link", { name: "Ask a question about this" })).toHaveAttribute(
      "href",
      "/support/new?linkType=invoices&linkId=inv2&label=Invoice+INV-2026-0002",
    );
  });
});
