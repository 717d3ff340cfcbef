// Every page of the signed-in portal, in one place: its address, who may open it, and where the main menu lists
// it. The router (routes.tsx) and the menu (menu.ts) are both made from this list, so a page cannot be in the
// menu of someone it refuses, nor open for someone it was not meant for. Addresses follow the menu the users
// know (Purchases, Documents from supplier…); the code behind them lives in the feature it belongs to, and a
// staff page in that feature's manage/ folder.
import { lazy, Suspense, type ComponentType, type ReactNode } from "react";
import { Navigate } from "react-router";
import type { UserKind } from "../lib/session";
import { LoadingState } from "../lib/ui";

/** Who may open a page: customers (buyers at a counterparty), the supplier's staff, or anyone signed in. */
export type Audience = UserKind | "signedIn";

/** The main menu's sections, in the order the menu shows them; a user sees the ones with pages for them. */
export const menuSections = ["Purchases", "Documents from supplier", "Reports", "Company workplace", "Account"] as const;
export type MenuSectionTitle = (typeof menuSections)[number];

export interface PageDeclaration {
  /** The address below the shell, without the leading slash. */
  path: string;
  who: Audience;
  element: ReactNode;
  menu?: { section: MenuSectionTitle; label: string; description: string };
}

// Every page is its own chunk, so the first load carries only the shell; a page's code arrives when it opens.
export function page<T, K extends keyof T>(load: () => Promise<T>, name: K & (T[K] extends ComponentType ? K : never)) {
  const Component = lazy(async () => ({ default: (await load())[name] as ComponentType }));
  return (
    <Suspense fallback={<LoadingState label="Opening the page…" />}>
      <Component />
    </Suspense>
  );
}

export const pages: PageDeclaration[] = [
  // Customers: Purchases.
  { path: "purchases", who: "customer", element: <Navigate to="/purchases/catalog" replace /> },
  {
    path: "purchases/catalog",
    who: "customer",
    element: page(() => import("./CatalogWithCart"), "CatalogWithCart"),
    menu: { section: "Purchases", label: "Catalog", description: "Find products, compare them and put them into the cart." },
  },
  { path: "purchases/catalog/:sku", who: "customer", element: page(() => import("../features/catalog/ProductPage"), "ProductPage") },
  { path: "purchases/compare", who: "customer", element: page(() => import("../features/catalog/ComparePage"), "ComparePage") },
  {
    path: "purchases/cart",
    who: "customer",
    element: page(() => import("../features/ordering/CartPage"), "CartPage"),
    menu: { section: "Purchases", label: "Products cart", description: "Review the cart and create an order." },
  },
  {
    path: "purchases/orders",
    who: "customer",
    element: page(() => import("../features/ordering/OrdersPage"), "OrdersPage"),
    menu: { section: "Purchases", label: "Orders", description: "Your orders and their lifecycle status." },
  },
  { path: "purchases/orders/:id", who: "customer", element: page(() => import("../features/ordering/OrderPage"), "OrderPage") },

  // Customers: Documents from supplier, Reports.
  {
    path: "documents/quotations",
    who: "customer",
    element: page(() => import("../features/documents/QuotationsPage"), "QuotationsPage"),
    menu: { section: "Documents from supplier", label: "Quotations", description: "Offers from your supplier; order from them." },
  },
  { path: "documents/quotations/:id", who: "customer", element: page(() => import("../features/documents/QuotationPage"), "QuotationPage") },
  {
    path: "reports/orders-statement",
    who: "customer",
    element: page(() => import("../features/ordering/OrdersStatementPage"), "OrdersStatementPage"),
    menu: {
      section: "Reports",
      label: "Orders statement",
      description: "Ordered, shipped and pending quantities of orders in progress.",
    },
  },

  // Staff: Company workplace.
  {
    path: "manage/settings",
    who: "staff",
    element: page(() => import("../features/accounts/manage/SettingsPage"), "SettingsPage"),
    menu: {
      section: "Company workplace",
      label: "Users and rights settings",
      description: "Allow or stop external users' access; the company name and currency.",
    },
  },
  {
    path: "manage/documents",
    who: "staff",
    element: page(() => import("../features/documents/manage/IssueDocumentPage"), "IssueDocumentPage"),
    menu: {
      section: "Company workplace",
      label: "Issue a document",
      description: "Publish an invoice, delivery, credit note or other document to a customer.",
    },
  },

  // Everyone signed in.
  {
    path: "account",
    who: "signedIn",
    element: page(() => import("../features/accounts/AccountPage"), "AccountPage"),
    menu: { section: "Account", label: "My account", description: "Contact information, password and colleagues." },
  },
];

export function mayOpen(who: Audience, kind: UserKind): boolean {
  return who === "signedIn" || who === kind;
}
