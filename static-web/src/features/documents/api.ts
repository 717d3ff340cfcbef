import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { api, withQuery, type Schema } from "../../lib/api";

export type DocumentSummary = Schema<"DocumentSummaryView">;
/** A document with lines, totals, related documents both ways and its file; `orderable` for a quotation that can be ordered. */
export type DocumentDetail = Schema<"DocumentView">;

export function useQuotations() {
  return useInfiniteQuery({
    queryKey: ["documents", "quotations"],
    queryFn: ({ pageParam, signal }) =>
      api.get<Schema<"ListPageOfDocumentSummaryView">>(
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
    queryFn: ({ signal }) => api.get<DocumentDetail>(`/api/documents/quotations/${encodeURIComponent(id)}`, signal),
  });
}
