// Documents from supplier: the seven document types' lists and pages, their files, and the supplier's materials.
// Every type is served by the same routes (GET /api/documents/{type}…), so one list and one page serve them all.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, withQuery, type Schema } from "../../lib/api";

/** The route's `type`, as the API and the blob names spell it. */
export type DocumentType =
  | "quotations"
  | "invoices"
  | "tax-invoices"
  | "goods-issues"
  | "goods-returns"
  | "credit-notes"
  | "reconciliation-statements";

export type DocumentStatus = Schema<"DocumentStatus">;
export type DocumentSummary = Schema<"DocumentSummaryView">;
/** A document with lines, totals, related documents both ways and its file; `orderable` for a quotation that can be ordered. */
export type DocumentDetail = Schema<"DocumentView">;
export type DocumentLine = Schema<"DocumentLineView">;
/** What a document names (`related`) or is named by (`referencedBy`): another document, an order or an RMA request. */
export type RelatedDocument = Schema<"RelatedDocumentView">;
export type DocumentFile = Schema<"DocumentFileView">;
export type Material = Schema<"MaterialView">;

/** A list's filters as the address holds them; empty means "any". */
export interface DocumentFilters {
  from: string;
  to: string;
  status: string;
  overdue: boolean;
  number: string;
}

export const noFilters: DocumentFilters = { from: "", to: "", status: "", overdue: false, number: "" };

/** The filters as query parameters: the same for the list and its CSV export, so the file holds what the page shows. */
function filterParams(filters: DocumentFilters) {
  return {
    from: filters.from,
    to: filters.to,
    status: filters.status,
    overdue: filters.overdue ? "true" : undefined,
    number: filters.number.trim(),
  };
}

const base = (type: DocumentType) => `/api/documents/${type}`;

export function documentListPath(type: DocumentType, filters: DocumentFilters, continuation?: string | null): string {
  return withQuery(base(type), { ...filterParams(filters), continuation });
}

/** The CSV file of the list with the same filters: a plain link, which the browser downloads (the API names the file). */
export function exportPath(type: DocumentType, filters: DocumentFilters): string {
  return withQuery(`${base(type)}/export.csv`, filterParams(filters));
}

/** Answers 302 to a short-lived link that saves the file as `<number>.<ext>`. */
export function documentFilePath(type: DocumentType, id: string): string {
  return `${base(type)}/${encodeURIComponent(id)}/file`;
}

export function materialFilePath(id: string): string {
  return `/api/materials/${encodeURIComponent(id)}/file`;
}

/** Newest first, a page at a time; "Show more" asks for the next with the continuation token of the last one. */
export function useDocuments(type: DocumentType, filters: DocumentFilters) {
  return useInfiniteQuery({
    queryKey: ["documents", type, "list", filters],
    queryFn: ({ pageParam, signal }) => api.get<Schema<"ListPageOfDocumentSummaryView">>(documentListPath(type, filters, pageParam), signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.continuation ?? undefined,
  });
}

export function useDocument(type: DocumentType, id: string) {
  return useQuery({
    queryKey: ["documents", type, "detail", id],
    queryFn: ({ signal }) => api.get<DocumentDetail>(`${base(type)}/${encodeURIComponent(id)}`, signal),
  });
}

/** The supplier's materials the customer's access group may see. */
export function useMaterials() {
  return useQuery({
    queryKey: ["materials"],
    queryFn: ({ signal }) => api.get<Schema<"ItemListOfMaterialView">>("/api/materials", signal),
  });
}

/** The customer's answer to a reconciliation statement: confirm it, or dispute it saying what does not agree. */
export function useRespondToStatement(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (answer: { confirm: true } | { confirm: false; comment: string }) =>
      answer.confirm
        ? api.post<DocumentDetail>(`${base("reconciliation-statements")}/${encodeURIComponent(id)}/confirm`)
        : api.post<DocumentDetail>(`${base("reconciliation-statements")}/${encodeURIComponent(id)}/dispute`, { comment: answer.comment }),
    onSuccess: (document) => {
      client.setQueryData(["documents", "reconciliation-statements", "detail", id], document);
      void client.invalidateQueries({ queryKey: ["documents", "reconciliation-statements", "list"] });
    },
  });
}
