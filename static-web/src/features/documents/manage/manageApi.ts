// Staff side of Documents: issuing a document by hand (PUT /api/manage/documents/{counterpartyId}/{type}/{number}) for
// a supplier without an ERP link, and the counterparties to issue it to (GET /api/manage/counterparties).
import { useMutation, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import type { Schemas } from "../../../lib/api-types";
import type { DocumentType as CustomerDocumentType } from "../api";
import { documentTypes as customerTypes, statusLabel } from "../documentTypes";

export type DocumentRequest = Schemas["DocumentRequest"];
export type DocumentLineRequest = Schemas["DocumentLineRequest"];
export type RelatedDocumentRequest = Schemas["RelatedDocumentRequest"];
export type DocumentView = Schemas["DocumentView"];
export type DocumentStatus = Schemas["DocumentStatus"];
export type CounterpartyView = Schemas["CounterpartyView"];

/** Which of the optional dates a type has: invoices fall due, quotations expire, statements cover a period. */
export interface DocumentTypeInfo {
  label: string;
  /** One of them, as a sentence says it ("Invoice INV-1 saved"). */
  singular: string;
  /** The statuses the API allows for the type; the first is what a new document starts with. */
  statuses: readonly DocumentStatus[];
  dueDate?: boolean;
  validUntil?: boolean;
  period?: boolean;
}

// The seven documents from supplier: names and statuses come from the customers' pages (../documentTypes), so the
// clerk and the buyer always see a type and its statuses named alike.
export const documentTypes = Object.fromEntries(
  Object.values(customerTypes).map((info): [DocumentType, DocumentTypeInfo] => [
    info.type,
    { label: info.title, singular: info.singular, statuses: info.statuses, dueDate: info.due || undefined, validUntil: info.validity || undefined, period: info.period || undefined },
  ]),
) as Record<DocumentType, DocumentTypeInfo>;

export type DocumentType = CustomerDocumentType;
export const documentTypeKeys = Object.keys(documentTypes) as DocumentType[];

export function isDocumentType(value: string): value is DocumentType {
  return Object.hasOwn(documentTypes, value);
}

export function typeInfo(type: DocumentType): DocumentTypeInfo {
  return documentTypes[type];
}

/** Every status in words, as the customers' lists show them. */
export const statusLabels = Object.fromEntries(
  (["issued", "unpaid", "partiallyPaid", "paid", "canceled", "delivered", "received", "refunded", "confirmed", "disputed"] as DocumentStatus[]).map((status) => [
    status,
    statusLabel(status),
  ]),
) as Record<DocumentStatus, string>;

/** What a document may name as related: another document from supplier, an order or an RMA request. */
export const relatedTypes: { value: string; label: string }[] = [
  ...documentTypeKeys.map((type) => ({ value: type as string, label: documentTypes[type].singular })),
  { value: "orders", label: "Order" },
  { value: "rma-requests", label: "RMA request" },
];

/** Where the document's file goes in Blob Storage (container `documents`); the upload links it to the document. */
export function fileBlobName(counterpartyId: string, type: DocumentType, number: string, extension = "pdf"): string {
  return `documents/${counterpartyId}/${type}/${number}.${extension}`;
}

export const counterpartiesQueryKey = ["manage", "counterparties"] as const;

export function useCounterparties() {
  return useQuery({
    queryKey: counterpartiesQueryKey,
    queryFn: ({ signal }) => api.get<Schemas["ItemListOfCounterpartyView"]>("/api/manage/counterparties", signal),
    select: (list) => [...list.items].sort((a, b) => a.name.localeCompare(b.name)),
  });
}

export interface IssueDocument {
  counterpartyId: string;
  type: DocumentType;
  number: string;
  document: DocumentRequest;
}

/** Creates the document under the company's number, or updates the one already there: the API's upsert. */
export function useIssueDocument() {
  return useMutation({
    mutationFn: ({ counterpartyId, type, number, document }: IssueDocument) =>
      api.put<DocumentView>(
        `/api/manage/documents/${encodeURIComponent(counterpartyId)}/${encodeURIComponent(type)}/${encodeURIComponent(number)}`,
        document satisfies DocumentRequest,
      ),
  });
}
