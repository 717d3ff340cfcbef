// Staff side of Ordering: the orders desk (GET /api/manage/orders) and one order's actions under
// /api/manage/orders/{counterpartyId}/{orderId}, each sent with the version (ETag) the clerk saw.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, request, withQuery, type Schema } from "../../../lib/api";

export type DeskOrder = Schema<"StaffOrderSummaryView">;
export type StaffOrder = Schema<"OrderView">;
export type ShipmentRequest = Schema<"ShipmentRequest">;

export interface OrderDeskFilters {
  status: string;
  counterpartyId: string;
  from: string;
  to: string;
}

export const orderDeskKeys = {
  all: ["orders-desk"] as const,
  list: (filters: OrderDeskFilters) => ["orders-desk", "list", filters] as const,
  one: (counterpartyId: string, id: string) => ["orders-desk", "one", counterpartyId, id] as const,
};

export function orderBase(counterpartyId: string, id: string): string {
  return `/api/manage/orders/${encodeURIComponent(counterpartyId)}/${encodeURIComponent(id)}`;
}

export function useOrderDesk(filters: OrderDeskFilters) {
  return useInfiniteQuery({
    queryKey: orderDeskKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api.get<Schema<"ListPageOfStaffOrderSummaryView">>(withQuery("/api/manage/orders", { ...filters, continuation: pageParam }), signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.continuation ?? null,
    staleTime: 0,
  });
}

/** The order with its version: every action names the version it was taken on (If-Match). */
export interface VersionedOrder {
  order: StaffOrder;
  etag: string | null;
}

export async function fetchStaffOrder(counterpartyId: string, id: string, signal?: AbortSignal): Promise<VersionedOrder> {
  const { data, etag } = await request<StaffOrder>("GET", orderBase(counterpartyId, id), { signal });
  return { order: data, etag };
}

export function useStaffOrder(counterpartyId: string, id: string) {
  return useQuery({
    queryKey: orderDeskKeys.one(counterpartyId, id),
    queryFn: ({ signal }) => fetchStaffOrder(counterpartyId, id, signal),
    staleTime: 0,
  });
}

export type OrderAction =
  | { kind: "accept" }
  | { kind: "complete" }
  | { kind: "cancel"; reason: string }
  | { kind: "ship"; shipment: ShipmentRequest };

export function useOrderAction(counterpartyId: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ action, etag }: { action: OrderAction; etag: string | null }): Promise<VersionedOrder> => {
      const base = orderBase(counterpartyId, id);
      const { data, etag: next } =
        action.kind === "ship"
          ? await request<StaffOrder>("POST", `${base}/shipments`, { body: action.shipment, ifMatch: etag })
          : action.kind === "cancel"
            ? await request<StaffOrder>("POST", `${base}/cancel`, { body: { reason: action.reason.trim() || null }, ifMatch: etag })
            : await request<StaffOrder>("POST", `${base}/${action.kind}`, { body: {}, ifMatch: etag });
      return { order: data, etag: next };
    },
    onSuccess: (state) => {
      client.setQueryData(orderDeskKeys.one(counterpartyId, id), state);
      void client.invalidateQueries({ queryKey: [...orderDeskKeys.all, "list"] });
    },
  });
}

export function useDeskCounterparties() {
  return useQuery({
    queryKey: ["orders-desk", "counterparties"],
    queryFn: ({ signal }) => api.get<Schema<"ItemListOfCounterpartyView">>("/api/manage/counterparties", signal),
    staleTime: 60_000,
  });
}
