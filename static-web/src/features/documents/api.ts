import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { api, withQuery } from "../../lib/api";
import type { Schemas } from "../../lib/api-types";

// Quotations are one of the document types the API serves under /api/documents/{type}; every type has the same
// list entry and detail.
export type DocumentSummaryView = Schemas["DocumentSummaryView"];
export type DocumentView = Schemas["DocumentView"];

export function useQuotations() {
  return useInfiniteQuery({
    queryKey: ["documents", "quotations"],
    queryFn: ({ pageParam, signal }) =>
      api.get<Schemas["ListPageOfDocumentSummaryView"]>(
        withQuery("/api/documents/quotations", { continuation: pageParam }),
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.continuation ?? undefined,
  });
}

export function useQuotation(id: string) {
  return useQuery({
    queryKey: ["documents", "quotations", id],
    queryFn: ({ signal }) => api.get<DocumentView>(`/api/documents/quotations/${encodeURIComponent(id)}`, signal),
  });
}
