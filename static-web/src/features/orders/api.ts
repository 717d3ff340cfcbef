import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { api, withQuery } from "../../lib/api";
import type { Money } from "../../lib/format";

export interface OrderSummary {
  id: string;
  number: string;
  date: string;
  status: string;
  warehouseId: string;
  warehouseName: string;
  total: Money;
  lineCount: number;
  customerReference?: string | null;
}

export interface Order {
  id: string;
  number: string;
  date: string;
  status: string;
  warehouseId: string;
  warehouseName: string;
  customerReference?: string | null;
  lines: {
    sku: string;
    name: string;
    unit: string;
    ordered: number;
    shipped: number;
    pending: number;
    unitPrice: Money;
    lineTotal: Money;
  }[];
  total: Money;
  history: { status: string; at: string }[];
}

export interface OrderFilters {
  status: string;
  from: string;
  to: string;
}

export function useOrders(filters: OrderFilters) {
  return useInfiniteQuery({
    queryKey: ["orders", "list", filters],
    queryFn: ({ pageParam, signal }) =>
      api.get<{ items: OrderSummary[]; continuation: string | null }>(
        withQuery("/api/orders", { ...filters, continuation: pageParam }),
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.continuation ?? undefined,
  });
}

export function useOrder(id: string) {
  return useQuery({
    queryKey: ["orders", "detail", id],
    queryFn: ({ signal }) => api.get<Order>(`/api/orders/${encodeURIComponent(id)}`, signal),
  });
}
