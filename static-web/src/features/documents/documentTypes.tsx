// What differs between the seven documents from supplier: their names (as the supplier's menu calls them), the
// statuses each may have, and which columns a buyer needs in its list. Everything else is the same page.
import { Badge } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { Link } from "react-router";
import type { DocumentStatus, DocumentType, RelatedDocument } from "./api";

export interface DocumentTypeInfo {
  type: DocumentType;
  /** The list's title, the seed's menu name. */
  title: string;
  /** One document: "Invoice INV-2026-0001". */
  singular: string;
  subtitle: string;
  /** What the empty list says. */
  empty: string;
  statuses: DocumentStatus[];
  /** Invoices: due date, Overdue, the "Overdue only" filter. */
  due?: boolean;
  /** Quotations: valid until, expired, Create order. */
  validity?: boolean;
  /** The order or RMA request the document belongs to, in a column of the list. */
  relatedColumn?: boolean;
  /** Reconciliation statements: the period they reconcile. */
  period?: boolean;
}

export const documentTypes: Record<DocumentType, DocumentTypeInfo> = {
  quotations: {
    type: "quotations",
    title: "Quotations",
    singular: "Quotation",
    subtitle: "Offers from your supplier. Create an order from one while it is valid.",
    empty: "Your supplier has not sent you any quotations yet.",
    statuses: ["issued", "canceled"],
    validity: true,
  },
  invoices: {
    type: "invoices",
    title: "Invoices",
    singular: "Invoice",
    subtitle: "What you have been charged, what is still to pay and when it is due.",
    empty: "Your supplier has not sent you any invoices yet.",
    statuses: ["unpaid", "partiallyPaid", "paid", "canceled"],
    due: true,
    relatedColumn: true,
  },
  "tax-invoices": {
    type: "tax-invoices",
    title: "Tax invoices",
    singular: "Tax invoice",
    subtitle: "The tax invoices that go with your invoices.",
    empty: "Your supplier has not sent you any tax invoices yet.",
    statuses: ["issued", "canceled"],
    relatedColumn: true,
  },
  "goods-issues": {
    type: "goods-issues",
    title: "Goods delivery",
    singular: "Goods delivery",
    subtitle: "What was shipped to you, delivery by delivery.",
    empty: "Nothing has been shipped to you yet.",
    statuses: ["issued", "delivered", "canceled"],
    relatedColumn: true,
  },
  "goods-returns": {
    type: "goods-returns",
    title: "Goods return",
    singular: "Goods return",
    subtitle: "Goods your supplier received back from you.",
    empty: "Your supplier has not received any returns from you.",
    statuses: ["received", "canceled"],
    relatedColumn: true,
  },
  "credit-notes": {
    type: "credit-notes",
    title: "Credit notes",
    singular: "Credit note",
    subtitle: "Amounts your supplier credited to you, for returns and corrections.",
    empty: "Your supplier has not sent you any credit notes yet.",
    statuses: ["issued", "refunded", "canceled"],
    relatedColumn: true,
  },
  "reconciliation-statements": {
    type: "reconciliation-statements",
    title: "Reconciliation statements",
    singular: "Reconciliation statement",
    subtitle: "Balances to confirm with your supplier, period by period.",
    empty: "Your supplier has not sent you any reconciliation statements yet.",
    statuses: ["issued", "confirmed", "disputed"],
    period: true,
  },
};

type BadgeColor = "informative" | "success" | "warning" | "danger" | "subtle";

const statusWords: Record<DocumentStatus, { label: string; color: BadgeColor }> = {
  issued: { label: "Issued", color: "informative" },
  unpaid: { label: "Unpaid", color: "warning" },
  partiallyPaid: { label: "Partly paid", color: "warning" },
  paid: { label: "Paid", color: "success" },
  canceled: { label: "Canceled", color: "subtle" },
  delivered: { label: "Delivered", color: "success" },
  received: { label: "Received", color: "informative" },
  refunded: { label: "Refunded", color: "success" },
  confirmed: { label: "Confirmed", color: "success" },
  disputed: { label: "Disputed", color: "danger" },
};

export function statusLabel(status: DocumentStatus): string {
  return statusWords[status]?.label ?? status;
}

/** The status in words; an unpaid invoice past its due date also says Overdue. */
export function DocumentStatusBadge({ status, overdue }: { status: DocumentStatus; overdue?: boolean }) {
  const words = statusWords[status] ?? { label: status, color: "subtle" as const };
  return (
    <>
      <Badge appearance="tint" color={words.color}>
        {words.label}
      </Badge>
      {overdue && (
        <>
          {" "}
          <Badge appearance="filled" color="danger">
            Overdue
          </Badge>
        </>
      )}
    </>
  );
}

/** "Order", "Invoice", "RMA request"… for a related document's type. */
export function relatedNoun(type: string): string {
  if (type === "orders") return "Order";
  if (type === "rma-requests") return "RMA request";
  return documentTypes[type as DocumentType]?.singular ?? type;
}

/**
 * A related document, order or RMA request in words, linked where the portal shows it: documents to their page,
 * orders to the order and RMA requests to the request (when the portal knows them).
 */
export function RelatedLink({ related, withNoun = true }: { related: RelatedDocument; withNoun?: boolean }): ReactNode {
  const text = withNoun ? `${relatedNoun(related.type)} ${related.number}` : related.number;
  const to = relatedPath(related);
  return to ? <Link to={to}>{text}</Link> : <>{text}</>;
}

export function relatedPath(related: RelatedDocument): string | null {
  if (!related.id) return null;
  if (related.type === "orders") return `/purchases/orders/${encodeURIComponent(related.id)}`;
  if (related.type === "rma-requests") return `/returns/rma-requests/${encodeURIComponent(related.id)}`;
  if (related.type in documentTypes) return `/documents/${related.type}/${encodeURIComponent(related.id)}`;
  return null;
}

/** What the list's "Order or RMA request" column shows: only those, not the other documents. */
export function isOrderOrRma(related: RelatedDocument): boolean {
  return related.type === "orders" || related.type === "rma-requests";
}
