// Staff side of quotations: a counterparty's quotations (GET /api/manage/quotations/{counterpartyId}), one by number to
// issue again, the catalog at that counterparty's prices (GET /api/manage/counterparties/{id}/products), and issuing
// (PUT /api/manage/quotations/{counterpartyId}/{number}: the same number again re-issues it).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, withQuery, type Schema } from "../../../lib/api";

export type QuotationSummary = Schema<"DocumentSummaryView">;
export type Quotation = Schema<"DocumentView">;
export type PricedProduct = Schema<"ProductSummaryView">;
export type QuotationRequest = Schema<"DocumentRequest">;

const base = (counterpartyId: string) => `/api/manage/quotations/${encodeURIComponent(counterpartyId)}`;

export const quotationKeys = {
  list: (counterpartyId: string) => ["manage", "quotations", counterpartyId] as const,
  products: (counterpartyId: string, search: string) => ["manage", "quotations", counterpartyId, "products", search] as const,
};

export function useQuotations(counterpartyId: string) {
  return useQuery({
    queryKey: quotationKeys.list(counterpartyId),
    queryFn: ({ signal }) => api.get<Schema<"ListPageOfDocumentSummaryView">>(withQuery(base(counterpartyId), { pageSize: 50 }), signal),
    enabled: counterpartyId !== "",
    staleTime: 0,
  });
}

export function fetchQuotation(counterpartyId: string, number: string): Promise<Quotation> {
  return api.get<Quotation>(`${base(counterpartyId)}/${encodeURIComponent(number)}`);
}

export function useCounterpartyProducts(counterpartyId: string, search: string) {
  return useQuery({
    queryKey: quotationKeys.products(counterpartyId, search),
    queryFn: ({ signal }) =>
      api.get<Schema<"ListPageOfProductSummaryView">>(
        withQuery(`/api/manage/counterparties/${encodeURIComponent(counterpartyId)}/products`, { search: search || null, pageSize: 8 }),
        signal,
      ),
    enabled: counterpartyId !== "" && search.trim().length >= 2,
    staleTime: 30_000,
  });
}

export function useIssueQuotation(counterpartyId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ number, request }: { number: string; request: QuotationRequest }) =>
      api.put<Quotation>(`${base(counterpartyId)}/${encodeURIComponent(number)}`, request),
    onSuccess: () => void client.invalidateQueries({ queryKey: quotationKeys.list(counterpartyId) }),
  });
}
