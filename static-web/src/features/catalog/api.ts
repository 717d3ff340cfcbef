import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { api, withQuery } from "../../lib/api";
import type { Money } from "../../lib/format";

export interface Category {
  id: string;
  name: string;
}

export interface ProductSummary {
  sku: string;
  name: string;
  categoryId: string;
  categoryName: string;
  unit: string;
  price: Money;
  availableQuantity: number;
  defaultWarehouseId: string;
}

export interface ProductDetail {
  sku: string;
  name: string;
  description?: string | null;
  categoryId: string;
  categoryName: string;
  unit: string;
  unitPrecision: number;
  characteristics: { name: string; value: string }[];
  price: Money;
  availability: { warehouseId: string; warehouseName: string; quantity: number }[];
  defaultWarehouseId: string;
}

interface Page<T> {
  items: T[];
  continuation: string | null;
}

export function useCategories() {
  return useQuery({
    queryKey: ["categories"],
    queryFn: ({ signal }) => api.get<{ items: Category[] }>("/api/categories", signal),
    staleTime: 5 * 60_000,
  });
}

/** One page at a time; "Show more" asks for the next with the continuation token the last page returned. */
export function useProducts(search: string, category: string) {
  return useInfiniteQuery({
    queryKey: ["products", { search, category }],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<ProductSummary>>(withQuery("/api/products", { search, category, continuation: pageParam }), signal),
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

export interface Comparison {
  products: { sku: string; name: string; unit: string; price: Money }[];
  rows: { name: string; values: (string | null)[]; differs: boolean }[];
}

/** 2–10 products side by side (GET /api/products/compare); asks nothing for fewer than two. */
export function useComparison(skus: string[]) {
  return useQuery({
    queryKey: ["compare", skus],
    queryFn: ({ signal }) => api.get<Comparison>(`/api/products/compare?skus=${skus.map(encodeURIComponent).join(",")}`, signal),
    enabled: skus.length >= 2,
  });
}
