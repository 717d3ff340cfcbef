import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeServer, renderPage } from "../../../test/render";
import { contactProblems, SupplierContactsPage } from "./SupplierContactsPage";

afterEach(() => vi.unstubAllGlobals());

type Contacts = { address: string | null; phone: string | null; email: string | null; hours: string | null };

/** The contacts as the API keeps them: a version every save must name (If-Match), 412 when it does not. */
function contactsServer(initial: Contacts | null) {
  const store = { contacts: initial, version: initial ? 1 : 0 };
  const server = fakeServer(({ method, url, headers, body }) => {
    if (url !== "/api/manage/settings/contacts") return undefined;
    const etag = `W/"v${store.version}"`;
    const view = () => ({ companyName: "Tailspin Supplies Ltd", ...(store.contacts ?? { address: null, phone: null, email: null, hours: null }) });
    if (method === "GET") return { body: view(), headers: store.contacts ? { ETag: etag } : ({} as Record<string, string>) };
    if (method === "PUT") {
      const fresh = store.contacts === null ? headers.get("If-None-Match") === "*" : headers.get("If-Match") === etag;
      if (!fresh) return { status: 412, body: { type: "https://x/problems/precondition-failed", title: "Changed.", status: 412 } };
      store.contacts = body as Contacts;
      store.version++;
      return { body: view(), headers: { ETag: `W/"v${store.version}"` } };
    }
    return undefined;
  });
  const changeElsewhere = (change: Partial<Contacts>) => {
    store.contacts = { ...store.contacts!, ...change };
    store.version++;
  };
  return { ...server, store, changeElsewhere, puts: () => server.requests.filter((r) => r.method === "PUT") };
}

const saved: Contacts = { address: "Unit 4, Birmingham", phone: "+44 121 496 0000", email: "sales@tailspin.example", hours: "Mon–Fri 8–17" };
const phone = () => screen.getByRole("textbox", { name: /Phone/ });

describe("SupplierContactsPage", () => {
  it("saves the contacts on the version it read and says customers see them", async () => {
    const server = contactsServer(saved);
    renderPage(<SupplierContactsPage />);
    expect(await screen.findByDisplayValue("+44 121 496 0000")).toBeInTheDocument();
    const user = userEvent.setup();
    await user.clear(phone());
    await user.type(phone(), "+44 121 496 0999");
    await user.click(screen.getByRole("button", { name: "Save contacts" }));
    expect(await screen.findByText("Contacts saved. Customers see them now.", { selector: "*:not([aria-live] *)" })).toBeInTheDocument();
    expect(server.puts()).toHaveLength(1);
    expect(server.puts()[0]!.headers.get("If-Match")).toBe('W/"v1"');
    expect(server.store.contacts?.phone).toBe("+44 121 496 0999");
  });

  it("creates them only if nobody did meanwhile when none were saved yet", async () => {
    const server = contactsServer(null);
    renderPage(<SupplierContactsPage />);
    const user = userEvent.setup();
    await user.type(await screen.findByRole("textbox", { name: /Phone/ }), "+44 1");
    await user.type(screen.getByRole("textbox", { name: /Email/ }), "sales@tailspin.example");
    await user.click(screen.getByRole("button", { name: "Save contacts" }));
    expect(await screen.findByText("Contacts saved. Customers see them now.", { selector: "*:not([aria-live] *)" })).toBeInTheDocument();
    expect(server.puts()[0]!.headers.get("If-None-Match")).toBe("*");
  });

  it("after a colleague saved first, shows their version and names what they changed", async () => {
    const server = contactsServer(saved);
    renderPage(<SupplierContactsPage />);
    expect(await screen.findByDisplayValue("+44 121 496 0000")).toBeInTheDocument();
    server.changeElsewhere({ email: "orders@tailspin.example", hours: "Mon–Sat 7–18" });
    const user = userEvent.setup();
    await user.clear(phone());
    await user.type(phone(), "+44 121 496 0999");
    await user.click(screen.getByRole("button", { name: "Save contacts" }));
    expect(await screen.findByText("Someone changed the email address and the opening hours in the meantime.", { selector: "*:not([aria-live] *)" })).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: /Email/ })).toHaveValue("orders@tailspin.example");
    expect(phone()).toHaveValue("+44 121 496 0000");
    expect(server.store.contacts?.phone).toBe("+44 121 496 0000");
  });

  it("refuses a missing phone or a bad email at the field and sends nothing", async () => {
    const server = contactsServer(saved);
    renderPage(<SupplierContactsPage />);
    expect(await screen.findByDisplayValue("+44 121 496 0000")).toBeInTheDocument();
    const user = userEvent.setup();
    await user.clear(phone());
    const email = screen.getByRole("textbox", { name: /Email/ });
    await user.clear(email);
    await user.type(email, "not-an-address");
    await user.click(screen.getByRole("button", { name: "Save contacts" }));
    expect(await screen.findByText("Enter the phone number customers call.")).toBeInTheDocument();
    expect(screen.getByText("Enter an email address like sales@example.com.")).toBeInTheDocument();
    expect(phone()).toHaveFocus();
    expect(server.puts()).toHaveLength(0);
  });

  it("checks the same rules as the API", () => {
    expect(contactProblems({ address: "", phone: "+44 (0)121 496-0000", email: "a@b.example", hours: "" })).toEqual({});
    expect(contactProblems({ address: "", phone: "1".repeat(41), email: "a@b", hours: "" }).phone).toBeDefined();
    expect(contactProblems({ address: "x".repeat(501), phone: "+1", email: "sales.example.com", hours: "h".repeat(201) })).toMatchObject({
      address: expect.any(String),
      email: expect.any(String),
      hours: expect.any(String),
    });
  });
});
