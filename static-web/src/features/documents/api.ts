import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { api, withQuery } from "../../lib/api";
import type { Money } from "../../lib/format";

export interface QuotationSummary {
  id: string;
  number: string;
  date: string;
  validUntil: string;
  expired: boolean;
  total: Money;
  lineCount: number;
}

export interface Quotation {
  id: string;
  number: string;
  date: string;
  validUntil: string;
  expired: boolean;
  lines: { sku: string; name: string; unit: string; quantity: number; unitPrice: Money; lineTotal: Money }[];
  total: Money;
  notes?: string | null;
}

export function useQuotations() {
  return useInfiniteQuery({
    queryKey: ["documents", "quotations"],
    queryFn: ({ pageParam, signal }) =>
      api.get<{ items: QuotationSummary[]; continuation: string | null }>(
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
    queryFn: ({ signal }) => api.get<Quotation>(`/api/documents/quotations/${encodeURIComponent(id)}`, signal),
  });
}
