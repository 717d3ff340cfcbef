// Every page of the signed-in portal, in one place: its address, who may open it, and where the main menu lists
// it. The router (routes.tsx) and the menu (menu.ts) are both made from this list, so a page cannot be in the
// menu of someone it refuses, nor open for someone it was not meant for. Addresses follow the menu the users
// know (Purchases, Documents from supplier…); the code behind them lives in the feature it belongs to, and a
// staff page in that feature's manage/ folder.
import { lazy, Suspense, type ComponentType, type ReactNode } from "react";
import { Navigate } from "react-router";
import type { DocumentType } from "../features/documents/api";
import type { AccountKind } from "../lib/session";
import { LoadingState } from "../lib/ui";

/** Who may open a page: customers (buyers at a counterparty), the supplier's staff, or anyone signed in. */
export type Audience = AccountKind | "signedIn";

/** The main menu's sections, in the order the menu shows them; a user sees the ones with pages for them. */
export const menuSections = [
  "Purchases",
  "Purchase returns",
  "Documents from supplier",
  "Reports",
  "Support requests",
  // The supplier's staff: the company workplace, laid out by what a back-office clerk looks after.
  "Sales",
  "Catalog",
  "Customers",
  "Documents",
  "Service",
  "Settings",
  "Account",
] as const;
export type MenuSectionTitle = (typeof menuSections)[number];

export interface PageDeclaration {
  /** The address below the shell, without the leading slash. */
  path: string;
  who: Audience;
  element: ReactNode;
  menu?: { section: MenuSectionTitle; label: string; description: string };
  /** Listed in the menu only for a customer whom staff made its company's administrator (the API refuses others). */
  administratorsOnly?: boolean;
}

// Every page is its own chunk, so the first load carries only the shell; a page's code arrives when it opens.
// A page that serves several addresses (one list for every document type) takes what differs as props.
type PropsOf<C> = C extends ComponentType<infer P> ? P : never;

export function page<T, K extends keyof T>(
  load: () => Promise<T>,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any component; its props are checked below
  name: K & (T[K] extends ComponentType<any> ? K : never),
  ...props: Record<string, never> extends PropsOf<T[K]> ? [] : [props: PropsOf<T[K]>]
) {
  const Component = lazy(async () => ({ default: (await load())[name] as ComponentType<object> }));
  const given: object = props[0] ?? {};
  return (
    <Suspense fallback={<LoadingState label="Opening the page…" />}>
      <Component {...given} />
    </Suspense>
  );
}

/**
 * Documents from supplier, as the supplier's menu names them; one list and one document page serve every type
 * (GET /api/documents/{type}), each its own chunk.
 */
const documentPages: { type: DocumentType; label: string; description: string }[] = [
  { type: "quotations", label: "Quotations", description: "Offers from your supplier; order from them." },
  { type: "invoices", label: "Invoices", description: "What you were charged, what is due and what is overdue." },
  { type: "tax-invoices", label: "Tax invoices", description: "The tax invoices for your invoices." },
  { type: "goods-issues", label: "Goods delivery", description: "What was shipped to you, delivery by delivery." },
  { type: "goods-returns", label: "Goods return", description: "Goods your supplier received back from you." },
  { type: "credit-notes", label: "Credit notes", description: "Amounts credited to you for returns and corrections." },
  { type: "reconciliation-statements", label: "Reconciliation statements", description: "Balances to confirm with your supplier." },
];

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

  // Customers: Purchase returns.
  {
    path: "returns/rma-requests",
    who: "customer",
    element: page(() => import("../features/returns/RmaListPage"), "RmaListPage"),
    menu: { section: "Purchase returns", label: "RMA requests", description: "Return goods you were invoiced for and follow what your supplier decides." },
  },
  { path: "returns/rma-requests/new", who: "customer", element: page(() => import("../features/returns/RmaFormPage"), "RmaCreatePage") },
  { path: "returns/rma-requests/:id", who: "customer", element: page(() => import("../features/returns/RmaPage"), "RmaPage") },
  { path: "returns/rma-requests/:id/edit", who: "customer", element: page(() => import("../features/returns/RmaFormPage"), "RmaEditPage") },

  // Customers: Documents from supplier, Reports.
  ...documentPages.flatMap(({ type, label, description }): PageDeclaration[] => [
    {
      path: `documents/${type}`,
      who: "customer",
      element: page(() => import("../features/documents/DocumentListPage"), "DocumentListPage", { type }),
      menu: { section: "Documents from supplier", label, description },
    },
    {
      path: `documents/${type}/:id`,
      who: "customer",
      element: page(() => import("../features/documents/DocumentPage"), "DocumentPage", { type }),
    },
  ]),
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
  {
    path: "reports/customer-balance",
    who: "customer",
    element: page(() => import("../features/balances/CustomerBalancePage"), "CustomerBalancePage"),
    menu: {
      section: "Reports",
      label: "Customer balance",
      description: "Amounts due to your supplier, what is overdue, and your advance payments.",
    },
  },
  {
    path: "reports/customer-balance-by-orders",
    who: "customer",
    element: page(() => import("../features/balances/OrderBalancesPage"), "OrderBalancesPage"),
    menu: { section: "Reports", label: "Customer balance (by orders)", description: "Invoiced, paid, due and advances, order by order." },
  },
  {
    path: "reports/statement",
    who: "customer",
    element: page(() => import("../features/balances/StatementPage"), "StatementPage"),
    menu: {
      section: "Reports",
      label: "Statement of account",
      description: "Opening balance, every invoice and payment, and the closing balance for any period.",
    },
  },

  // Customers: Support requests.
  {
    path: "support",
    who: "customer",
    element: page(() => import("../features/support/SupportRequestsPage"), "SupportRequestsPage"),
    menu: { section: "Support requests", label: "Support requests", description: "Your company's questions to the supplier and their answers." },
  },
  {
    path: "support/new",
    who: "customer",
    element: page(() => import("../features/support/NewSupportRequestPage"), "NewSupportRequestPage"),
    menu: { section: "Support requests", label: "New request", description: "Ask about the portal, a document, an order or a return." },
  },
  { path: "support/:id", who: "customer", element: page(() => import("../features/support/SupportRequestPage"), "SupportRequestPage") },

  // Staff: the company workplace (Sales, Catalog, Customers, Documents, Service, Settings).
  {
    path: "manage/orders",
    who: "staff",
    element: page(() => import("../features/ordering/manage/OrdersDeskPage"), "OrdersDeskPage"),
    menu: {
      section: "Sales",
      label: "Orders desk",
      description: "Every customer's orders, those waiting for acceptance first: accept, ship, complete or cancel.",
    },
  },
  {
    path: "manage/orders/:counterpartyId/:id",
    who: "staff",
    element: page(() => import("../features/ordering/manage/ManageOrderPage"), "ManageOrderPage"),
  },
  {
    path: "manage/quotations",
    who: "staff",
    element: page(() => import("../features/documents/manage/QuotationsPage"), "QuotationsPage"),
    menu: {
      section: "Sales",
      label: "Quotations",
      description: "Issue a quotation to a customer at its prices, or issue one of its quotations again.",
    },
  },
  {
    path: "manage/support",
    who: "staff",
    element: page(() => import("../features/support/manage/SupportDeskPage"), "SupportDeskPage"),
    menu: {
      section: "Service",
      label: "Support desk",
      description: "Customers' support requests from every company: answer, assign, mark in progress or resolved.",
    },
  },
  {
    path: "manage/support/:counterpartyId/:id",
    who: "staff",
    element: page(() => import("../features/support/manage/ManageSupportRequestPage"), "ManageSupportRequestPage"),
  },
  {
    path: "manage/balances",
    who: "staff",
    element: page(() => import("../features/balances/manage/BalancesPage"), "BalancesPage"),
    menu: {
      section: "Customers",
      label: "Customer balances",
      description: "Every customer's balance, overdue first; record a payment or refund.",
    },
  },
  {
    path: "manage/reconciliation-disputes",
    who: "staff",
    element: page(() => import("../features/documents/manage/DisputedStatementsPage"), "DisputedStatementsPage"),
    menu: {
      section: "Customers",
      label: "Disputed reconciliation statements",
      description: "Statements customers say do not agree with their books, with their comments.",
    },
  },
  {
    path: "manage/documents",
    who: "staff",
    element: page(() => import("../features/documents/manage/IssueDocumentPage"), "IssueDocumentPage"),
    menu: {
      section: "Documents",
      label: "Issue a document",
      description: "Publish an invoice, delivery, credit note or other document to a customer.",
    },
  },
  {
    path: "manage/files",
    who: "staff",
    element: page(() => import("../features/documents/manage/FilesNeedingAttentionPage"), "FilesNeedingAttentionPage"),
    menu: {
      section: "Documents",
      label: "Files needing attention",
      description: "Uploads that were not taken as a document's file or a material, and why.",
    },
  },
  {
    path: "manage/rma-requests",
    who: "staff",
    element: page(() => import("../features/returns/manage/RmaDeskPage"), "RmaDeskPage"),
    menu: {
      section: "Service",
      label: "RMA desk",
      description: "Customers' return requests: accept or reject them, set the expected date, publish the goods return and credit note.",
    },
  },
  {
    path: "manage/rma-requests/:counterpartyId/:id",
    who: "staff",
    element: page(() => import("../features/returns/manage/RmaDeskItemPage"), "RmaDeskItemPage"),
  },
  {
    path: "manage/catalog/files",
    who: "staff",
    element: page(() => import("../features/catalog/manage/CatalogFilesPage"), "CatalogFilesPage"),
    menu: {
      section: "Catalog",
      label: "Catalog files",
      description: "Load products or customer prices from a CSV or NDJSON file: preview what changes, then apply.",
    },
  },
  {
    path: "manage/catalog/categories-and-warehouses",
    who: "staff",
    element: page(() => import("../features/catalog/manage/CategoriesWarehousesPage"), "CategoriesWarehousesPage"),
    menu: {
      section: "Catalog",
      label: "Categories and warehouses",
      description: "The categories products belong to and the warehouses that hold their stock.",
    },
  },
  {
    path: "manage/settings",
    who: "staff",
    element: page(() => import("../features/accounts/manage/SettingsPage"), "SettingsPage"),
    menu: {
      section: "Settings",
      label: "Users and rights settings",
      description: "Allow or stop external users' access; the company name and currency.",
    },
  },
  {
    path: "manage/settings/contacts",
    who: "staff",
    element: page(() => import("../features/accounts/manage/SupplierContactsPage"), "SupplierContactsPage"),
    menu: {
      section: "Settings",
      label: "Supplier contacts",
      description: "The phone, email, address and hours every customer sees on their Account page.",
    },
  },
  {
    path: "manage/access-groups",
    who: "staff",
    element: page(() => import("../features/accounts/manage/AccessGroupsPage"), "AccessGroupsPage"),
    menu: {
      section: "Settings",
      label: "Access groups",
      description: "Groups based on the Customer profile, their product category restrictions and how many users each has.",
    },
  },
  { path: "manage/access-groups/new", who: "staff", element: page(() => import("../features/accounts/manage/AccessGroupsPage"), "AccessGroupPage") },
  { path: "manage/access-groups/:id", who: "staff", element: page(() => import("../features/accounts/manage/AccessGroupsPage"), "AccessGroupPage") },
  {
    path: "manage/users",
    who: "staff",
    element: page(() => import("../features/accounts/manage/UsersPage"), "UsersPage"),
    menu: {
      section: "Settings",
      label: "Users",
      description: "External users and staff: create, put in a group, disable, set a password, see the last sign-in.",
    },
  },
  { path: "manage/users/new", who: "staff", element: page(() => import("../features/accounts/manage/UserPage"), "NewUserPage") },
  { path: "manage/users/:id", who: "staff", element: page(() => import("../features/accounts/manage/UserPage"), "UserPage") },
  {
    path: "manage/counterparties",
    who: "staff",
    element: page(() => import("../features/accounts/manage/CounterpartiesPage"), "CounterpartiesPage"),
    menu: {
      section: "Customers",
      label: "Counterparties",
      description: "The companies that buy through the portal: codes, tax ids, contacts and addresses.",
    },
  },
  { path: "manage/counterparties/new", who: "staff", element: page(() => import("../features/accounts/manage/CounterpartiesPage"), "CounterpartyPage") },
  { path: "manage/counterparties/:id", who: "staff", element: page(() => import("../features/accounts/manage/CounterpartiesPage"), "CounterpartyPage") },

  // Everyone signed in.
  {
    path: "account",
    who: "signedIn",
    element: page(() => import("../features/accounts/AccountPage"), "AccountPage"),
    menu: { section: "Account", label: "My account", description: "Contact information, password and colleagues." },
  },
  {
    path: "account/colleagues",
    who: "customer",
    administratorsOnly: true,
    element: page(() => import("../features/accounts/ColleaguesPage"), "ColleaguesPage"),
    menu: { section: "Account", label: "Colleagues", description: "Invite colleagues, disable them, reset passwords, choose their access group." },
  },
  {
    path: "account/materials",
    who: "customer",
    element: page(() => import("../features/documents/MaterialsPage"), "MaterialsPage"),
    menu: { section: "Account", label: "Materials", description: "Catalogues, guides and other files from your supplier." },
  },
];

export function mayOpen(who: Audience, kind: AccountKind): boolean {
  return who === "signedIn" || who === kind;
}
