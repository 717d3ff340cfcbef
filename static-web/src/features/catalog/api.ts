import { useQuery } from "@tanstack/react-query";
import { api, type Schema } from "../../lib/api";

// The product list, categories and comparison are shared with the cart page's finder (lib/products).
export { useCategories, useComparison, useProducts, type Category, type Comparison, type ProductSummary } from "../../lib/products";
export type ProductDetail = Schema<"ProductView">;

export function useProduct(sku: string) {
  return useQuery({
    queryKey: ["product", sku],
    queryFn: ({ signal }) => api.get<ProductDetail>(`/api/products/${encodeURIComponent(sku)}`, signal),
  });
}
