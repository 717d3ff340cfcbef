// The product cart is used by several features (catalog, documents, ordering) and by the shell, so its model
// and the two ways to put things into it live here; the cart page itself is features/ordering.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { request, type Schema } from "./api";
import { useAnnounce } from "./live";
import { describeError } from "./problems";

/** A cart line; `problem` says why it cannot be ordered as it is, `quotationNumber` that it carries a quoted price. */
export type CartLine = Schema<"CartLineView">;
export type Cart = Schema<"CartView">;

/** The cart with its version: every change to it must say which version it was made against (If-Match). */
export interface CartState {
  cart: Cart;
  etag: string | null;
}

/** What filling the cart from a quotation or an order added, and what it could not add and why. */
export type CartFill = Schema<"CartFillResult">;

/** What a page that filled the cart tells the cart page, through the router's navigation state. */
export interface CartFillNotice {
  source: string;
  added: CartFill["added"];
  unavailable: CartFill["unavailable"];
  /** Repeated lines whose earlier warehouse no longer stocks the product, and where they ship from now. */
  moved?: CartFill["moved"];
}

export const cartQueryKey = ["cart"] as const;

export function cartETag(state: { etag: string | null; cart: Cart }): string {
  return state.etag ?? state.cart.version;
}

export async function fetchCart(): Promise<CartState> {
  const { data, etag } = await request<Cart>("GET", "/api/cart");
  return { cart: data, etag };
}

export function useCart() {
  // Always re-read when a cart view opens: another tab or a colleague's session may have changed it.
  return useQuery({ queryKey: cartQueryKey, queryFn: fetchCart, staleTime: 0 });
}

export function lineCount(cart: Cart | undefined): number {
  return cart?.lines.length ?? 0;
}

export type AddToCart = Schema<"AddCartLineRequest">;

/** Adds a product; the answer is the whole new cart, which replaces the cached one. */
export function useAddToCart() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (line: AddToCart) => {
      const { data, etag } = await request<Cart>("POST", "/api/cart/lines", { body: line });
      return { cart: data, etag } satisfies CartState;
    },
    onSuccess: (state) => client.setQueryData(cartQueryKey, state),
  });
}

/** Copies a quotation's or an earlier order's lines into the cart for review (the seed's "Create order based on…"). */
export function useFillCart() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (from: { kind: "quotation" | "order"; id: string }) => {
      const { data, etag } = await request<CartFill>("POST", `/api/cart/from-${from.kind}/${encodeURIComponent(from.id)}`);
      return { fill: data, etag };
    },
    onSuccess: ({ fill, etag }) => client.setQueryData<CartState>(cartQueryKey, { cart: fill.cart, etag }),
  });
}

/**
 * "Create order" from a quotation and "Repeat order": the lines go into the cart and the buyer is taken there to
 * review them, with a note of what was added and what could not be; nothing is ordered yet.
 */
export function useFillCartForReview() {
  const fill = useFillCart();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const start = (from: { kind: "quotation" | "order"; id: string; source: string }) =>
    fill.mutate(
      { kind: from.kind, id: from.id },
      {
        onSuccess: ({ fill: result }) => {
          const notice: CartFillNotice = { source: from.source, added: result.added, unavailable: result.unavailable, moved: result.moved };
          navigate("/purchases/cart", { state: { fill: notice } });
        },
        onError: (error) => announce(describeError(error).title, "assertive"),
      },
    );
  return { start, isPending: fill.isPending, isError: fill.isError, error: fill.error };
}
