// Products as the catalog API lists them, for every feature that shows products to choose from (the catalog, the cart
// page's finder): one set of queries, so both pages share their cache and say the same thing.
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { api, withQuery, type Schema } from "./api";

export type Category = Schema<"CategoryView">;
export type ProductSummary = Schema<"ProductSummaryView">;
export type Comparison = Schema<"ComparisonView">;

export function useCategories() {
  return useQuery({
    queryKey: ["categories"],
    queryFn: ({ signal }) => api.get<Schema<"ItemListOfCategoryView">>("/api/categories", signal),
    staleTime: 5 * 60_000,
  });
}

/** One page at a time; "Show more" asks for the next with the continuation token the last page returned. */
export function useProducts(search: string, category: string, enabled = true) {
  return useInfiniteQuery({
    queryKey: ["products", { search, category }],
    queryFn: ({ pageParam, signal }) =>
      api.get<Schema<"ListPageOfProductSummaryView">>(withQuery("/api/products", { search, category, continuation: pageParam }), signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.continuation ?? undefined,
    enabled,
  });
}

/** 2–10 products side by side (GET /api/products/compare); asks nothing for fewer than two. */
export function useComparison(skus: string[]) {
  return useQuery({
    queryKey: ["compare", skus],
    queryFn: ({ signal }) => api.get<Comparison>(`/api/products/compare?skus=${skus.map(encodeURIComponent).join(",")}`, signal),
    enabled: skus.length >= 2,
  });
}

export const isService = (product: { kind?: string | null }) => product.kind === "service";
