// Ordering: the cart page's changes, creating orders from the cart (checkout), the customer's orders and the
// orders statement. The cart's model and the ways into it that other features use live in lib/cart.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, api, request, withQuery, type Schema } from "../../lib/api";
import { cartETag, cartQueryKey, fetchCart, type Cart, type CartState } from "../../lib/cart";

export type Warehouse = Schema<"Warehouse">;

export function useWarehouses() {
  return useQuery({
    queryKey: ["warehouses"],
    queryFn: ({ signal }) => api.get<Schema<"ItemListOfWarehouse">>("/api/warehouses", signal),
    staleTime: 5 * 60_000,
  });
}

export type CartChange =
  | { kind: "update"; lineId: string; quantity?: number; warehouseId?: string }
  | { kind: "swap"; lineId: string; sku: string }
  | { kind: "remove"; lineId: string }
  | { kind: "clear" };

export interface CartChangeResult extends CartState {
  /** The cart had changed elsewhere (another tab); the change was made again on the latest version. */
  reapplied: boolean;
}

/** The line was removed elsewhere before this change reached the server, so there was nothing to change. */
export class LineGoneError extends Error {
  constructor() {
    super("This line was removed in another tab or window.");
    this.name = "LineGoneError";
  }
}

async function send(change: CartChange, etag: string): Promise<CartState> {
  const path = change.kind === "clear" ? "/api/cart" : `/api/cart/lines/${encodeURIComponent(change.lineId)}`;
  const { data, etag: next } =
    change.kind === "swap"
      ? await request<Cart>("POST", `${path}/swap`, { ifMatch: etag, body: { sku: change.sku } satisfies Schema<"SwapCartLineRequest"> })
      : change.kind === "update"
      ? await request<Cart>("PATCH", path, {
          ifMatch: etag,
          body: { quantity: change.quantity, warehouseId: change.warehouseId } satisfies Schema<"UpdateCartLineRequest">,
        })
      : await request<Cart>("DELETE", path, { ifMatch: etag });
  return { cart: data, etag: next };
}

/**
 * Every change names the cart version it was made on. When another tab changed the cart first (412), the
 * change is not dropped: the latest cart is loaded and, if the line is still there, the change is made on it.
 */
export function useChangeCart() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (change: CartChange): Promise<CartChangeResult> => {
      const current = client.getQueryData<CartState>(cartQueryKey) ?? (await fetchCart());
      try {
        return { ...(await send(change, cartETag(current))), reapplied: false };
      } catch (error) {
        if (!(error instanceof ApiError && error.status === 412)) throw error;
        const latest = await fetchCart();
        client.setQueryData(cartQueryKey, latest);
        if (change.kind !== "clear" && !latest.cart.lines.some((line) => line.id === change.lineId)) {
          throw new LineGoneError();
        }
        return { ...(await send(change, cartETag(latest))), reapplied: true };
      }
    },
    onSuccess: ({ cart, etag }) => client.setQueryData<CartState>(cartQueryKey, { cart, etag }),
  });
}

export type CheckoutOrder = Schema<"CheckoutOrderView">;
export type Checkout = Schema<"CheckoutView">;

export { newIdempotencyKey } from "../../lib/api";

/**
 * Starts creating the order(s). The key is chosen once per click and reused by the automatic retry, so a
 * request whose answer was lost cannot create the orders twice.
 */
export function useStartCheckout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: { key: string; customerReference: string; comment: string }) => {
      const state = client.getQueryData<CartState>(cartQueryKey) ?? (await fetchCart());
      const { data } = await request<Checkout>("POST", "/api/checkouts", {
        body: {
          customerReference: input.customerReference || undefined,
          comment: input.comment || undefined,
        } satisfies Schema<"CheckoutRequest">,
        ifMatch: cartETag(state),
        idempotencyKey: input.key,
      });
      return data;
    },
    retry: (failures, error) => !(error instanceof ApiError) && failures < 2,
  });
}

/** Polls the checkout until the orders exist or it failed. */
export function useCheckout(id: string | null) {
  return useQuery({
    queryKey: ["checkout", id],
    queryFn: ({ signal }) => api.get<Checkout>(`/api/checkouts/${encodeURIComponent(id!)}`, signal),
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data?.status === "pending" || !query.state.data ? 1000 : false),
    staleTime: 0,
  });
}

// The cart page's finder: what the company ordered lately (favourites are in lib/favourites).

export function useRecentlyOrdered(enabled: boolean) {
  return useQuery({
    queryKey: ["recently-ordered"],
    queryFn: ({ signal }) => api.get<Schema<"ItemListOfProductSummaryView">>("/api/recently-ordered", signal),
    enabled,
  });
}

// Quick order: check the pasted lines (nothing changes), then add the recognised ones in one step.

export type QuickOrderCheck = Schema<"QuickOrderCheckView">;
export type QuickOrderResult = Schema<"QuickOrderResult">;

export function useCheckQuickOrder() {
  return useMutation({
    mutationFn: async (text: string) =>
      (await request<QuickOrderCheck>("POST", "/api/cart/quick-order/check", { body: { text } satisfies Schema<"QuickOrderRequest"> })).data,
  });
}

/** The key is chosen once per checked text and reused by a retry, so the lines cannot go into the cart twice. */
export function useAddQuickOrder() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ text, key }: { text: string; key: string }) => {
      const { data, etag } = await request<QuickOrderResult>("POST", "/api/cart/quick-order", {
        body: { text } satisfies Schema<"QuickOrderRequest">,
        idempotencyKey: key,
      });
      return { result: data, etag };
    },
    onSuccess: ({ result, etag }) => client.setQueryData<CartState>(cartQueryKey, { cart: result.cart, etag }),
    retry: (failures, error) => !(error instanceof ApiError) && failures < 2,
  });
}

// Orders.

export type OrderStatus = Schema<"OrderStatus">;
export type OrderSummary = Schema<"OrderSummaryView">;
/** An order with its lines (ordered, shipped, pending; the quotation a price came from), history and shipments. */
export type Order = Schema<"OrderView">;

export interface OrderFilters {
  status: string;
  from: string;
  to: string;
}

export function useOrders(filters: OrderFilters) {
  return useInfiniteQuery({
    queryKey: ["orders", "list", filters],
    queryFn: ({ pageParam, signal }) =>
      api.get<Schema<"ListPageOfOrderSummaryView">>(
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

// Orders statement.

export type StatementRow = Schema<"OrdersStatementRow">;

/** The seed's Orders statement: ordered, shipped and pending quantities of the orders In progress. */
export function useOrdersStatement() {
  return useQuery({
    queryKey: ["reports", "orders-statement"],
    queryFn: ({ signal }) => api.get<Schema<"OrdersStatementView">>("/api/reports/orders-statement", signal),
  });
}
