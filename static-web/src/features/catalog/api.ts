import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { api, withQuery, type Schema } from "../../lib/api";

export type Category = Schema<"CategoryView">;
export type ProductSummary = Schema<"ProductSummaryView">;
export type ProductDetail = Schema<"ProductView">;

export function useCategories() {
  return useQuery({
    queryKey: ["categories"],
    queryFn: ({ signal }) => api.get<Schema<"ItemListOfCategoryView">>("/api/categories", signal),
    staleTime: 5 * 60_000,
  });
}

/** One page at a time; "Show more" asks for the next with the continuation token the last page returned. */
export function useProducts(search: string, category: string) {
  return useInfiniteQuery({
    queryKey: ["products", { search, category }],
    queryFn: ({ pageParam, signal }) =>
      api.get<Schema<"ListPageOfProductSummaryView">>(withQuery("/api/products", { search, category, continuation: pageParam }), signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.continuation ?? undefined,
  });
}

export function useProduct(sku: string) {
  return useQuery({
    queryKey: ["product", sku],
    queryFn: ({ signal }) => api.get<ProductDetail>(`/api/products/${encodeURIComponent(sku)}`, signal),
  });
}

export type Comparison = Schema<"ComparisonView">;

/** 2–10 products side by side (GET /api/products/compare); asks nothing for fewer than two. */
export function useComparison(skus: string[]) {
  return useQuery({
    queryKey: ["compare", skus],
    queryFn: ({ signal }) => api.get<Comparison>(`/api/products/compare?skus=${skus.map(encodeURIComponent).join(",")}`, signal),
    enabled: skus.length >= 2,
  });
}
