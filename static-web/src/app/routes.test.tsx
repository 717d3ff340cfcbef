import { screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { AccountKind, MeView } from "../lib/session";
import { fakeServer, renderRoutes } from "../test/render";
import { menuFor } from "./menu";
import { mayOpen, pages } from "./pages";
import { routes } from "./routes";

afterEach(() => vi.unstubAllGlobals());

function me(kind: AccountKind): MeView {
  return {
    user: { id: "u1", username: kind === "staff" ? "clerk" : "anna", displayName: kind === "staff" ? "Clara Clerk" : "Anna Schmidt", kind },
    counterparty: kind === "customer" ? { id: "northwind", name: "Northwind Traders" } : null,
    companyName: "Contoso Supply",
    currency: "EUR",
    csrfToken: "token",
  };
}

/** A portal that knows who is signed in and answers the cart and settings; every request is recorded. */
function signedInAs(kind: AccountKind) {
  return fakeServer(({ url }) => {
    if (url === "/api/auth/session") return { body: { signedIn: true, me: me(kind) }, headers: { ETag: "1" } };
    if (url === "/api/cart") return { body: { lines: [], total: { amount: 0, currency: "EUR" }, version: "1" }, headers: { ETag: "1" } };
    if (url === "/api/manage/settings") {
      return { body: { externalAccessEnabled: true, companyName: "Contoso Supply", currency: "EUR" }, headers: { ETag: "s1" } };
    }
    return undefined;
  });
}

const mainMenu = () => screen.findByRole("navigation", { name: "Main menu" });

describe("who may open which page", () => {
  it("shows staff the company workplace (its own sections) and Account, and nothing of the customers' menu", async () => {
    signedInAs("staff");
    renderRoutes(routes, "/");
    const nav = await mainMenu();
    const sections = within(nav).getAllByRole("list").map((list) => list.getAttribute("aria-labelledby"));
    expect(sections).toEqual(["menu-sales", "menu-catalog", "menu-customers", "menu-documents", "menu-service", "menu-settings", "menu-account"]);
    expect(within(nav).getByRole("link", { name: "Users and rights settings" })).toHaveAttribute("href", "/manage/settings");
    expect(within(nav).getByRole("link", { name: "My account" })).toHaveAttribute("href", "/account");
    expect(within(nav).queryByRole("link", { name: "Catalog" })).not.toBeInTheDocument();
    expect(within(nav).getByRole("link", { name: "Catalog files" })).toHaveAttribute("href", "/manage/catalog/files");
    expect(screen.queryByRole("link", { name: /Products cart/ })).not.toBeInTheDocument();
    // The menu names its sections so the lists are labelled by them (ids without spaces).
    expect(within(nav).getByRole("list", { name: "Settings" })).toBeInTheDocument();
  });

  it("shows customers Purchases, Documents from supplier, Reports and Account", async () => {
    signedInAs("customer");
    renderRoutes(routes, "/");
    const nav = await mainMenu();
    for (const section of ["Purchases", "Documents from supplier", "Reports", "Account"]) {
      expect(within(nav).getByRole("list", { name: section })).toBeInTheDocument();
    }
    expect(within(nav).queryByRole("link", { name: "Users and rights settings" })).not.toBeInTheDocument();
  });

  it("tells a customer who opens a staff page that it is not for their account, without asking the API for it", async () => {
    const server = signedInAs("customer");
    renderRoutes(routes, "/manage/settings");
    expect(await screen.findByRole("heading", { name: "This page is not for your account", level: 1 })).toBeInTheDocument();
    expect(screen.getByText(/This page is for the supplier's staff; you are signed in as a customer \(Northwind Traders\)/)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "main menu" })).toHaveAttribute("href", "/");
    expect(server.requests.some((r) => r.url.startsWith("/api/manage/"))).toBe(false);
  });

  it("tells staff who open a customer page that it is not for their account, without asking the API for it", async () => {
    const server = signedInAs("staff");
    renderRoutes(routes, "/purchases/cart");
    expect(await screen.findByRole("heading", { name: "This page is not for your account", level: 1 })).toBeInTheDocument();
    expect(screen.getByText(/This page is for customers; you are signed in as staff/)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "main menu" })).toHaveAttribute("href", "/");
    expect(server.requests.map((r) => r.url)).toEqual(["/api/auth/session"]);
  });

  it("opens the staff settings page for staff", async () => {
    signedInAs("staff");
    renderRoutes(routes, "/manage/settings");
    expect(await screen.findByRole("heading", { name: "Users and rights settings", level: 1 })).toBeInTheDocument();
    expect(await screen.findByRole("switch", { name: "Allow external user access" })).toBeChecked();
  });

  it("opens pages for anyone signed in to both kinds", async () => {
    signedInAs("staff");
    renderRoutes(routes, "/account");
    expect(await screen.findByRole("heading", { name: "My account", level: 1 })).toBeInTheDocument();
  });
});

describe("documents from supplier", () => {
  it("lists the seven document types under their menu names, and materials under Account", async () => {
    signedInAs("customer");
    renderRoutes(routes, "/");
    const documents = within(await mainMenu()).getByRole("list", { name: "Documents from supplier" });
    const links = within(documents).getAllByRole("link").map((link) => [link.textContent, link.getAttribute("href")]);
    expect(links).toEqual([
      ["Quotations", "/documents/quotations"],
      ["Invoices", "/documents/invoices"],
      ["Tax invoices", "/documents/tax-invoices"],
      ["Goods delivery", "/documents/goods-issues"],
      ["Goods return", "/documents/goods-returns"],
      ["Credit notes", "/documents/credit-notes"],
      ["Reconciliation statements", "/documents/reconciliation-statements"],
    ]);
    const account = within(await mainMenu()).getByRole("list", { name: "Account" });
    expect(within(account).getByRole("link", { name: "Materials" })).toHaveAttribute("href", "/account/materials");
  });

  it("opens one list per type, and marks only the menu entry of the page shown", async () => {
    const server = signedInAs("customer");
    renderRoutes(routes, "/account/materials");
    expect(await screen.findByRole("heading", { name: "Materials", level: 1 })).toBeInTheDocument();
    const nav = await mainMenu();
    expect(within(nav).getByRole("link", { name: "Materials" })).toHaveAttribute("aria-current", "page");
    expect(within(nav).getByRole("link", { name: "My account" })).not.toHaveAttribute("aria-current");
    expect(server.requests.some((r) => r.url === "/api/materials")).toBe(true);
  });

  it("opens a document of a type by its address", async () => {
    const server = signedInAs("customer");
    renderRoutes(routes, "/documents/credit-notes/cn1");
    expect(await screen.findByRole("heading", { name: "Credit note not found", level: 1 })).toBeInTheDocument();
    expect(server.requests.some((r) => r.url === "/api/documents/credit-notes/cn1")).toBe(true);
  });

  it("shows staff Files needing attention under Documents", async () => {
    signedInAs("staff");
    renderRoutes(routes, "/");
    const workplace = within(await mainMenu()).getByRole("list", { name: "Documents" });
    expect(within(workplace).getByRole("link", { name: "Files needing attention" })).toHaveAttribute("href", "/manage/files");
  });
});

describe("the page declarations", () => {
  it("list in each menu only pages that its kind may open", () => {
    for (const kind of ["customer", "staff"] as const) {
      for (const item of menuFor(kind).flatMap((section) => section.items)) {
        const declared = pages.find((p) => `/${p.path}` === item.to);
        expect(declared, item.to).toBeDefined();
        expect(mayOpen(declared!.who, kind), `${kind} → ${item.to}`).toBe(true);
      }
    }
  });

  it("keep staff pages under /manage and customer pages out of it", () => {
    for (const p of pages) {
      expect(p.path.startsWith("manage/"), p.path).toBe(p.who === "staff");
    }
  });
});
