import { Button, Card, Field, Input, ProgressBar, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { Link } from "react-router";
import { cartQueryKey } from "../../lib/cart";
import { formatMoney } from "../../lib/format";
import { useAnnounce } from "../../lib/live";
import { describeError } from "../../lib/problems";
import { ErrorState, Notice } from "../../lib/ui";
import { newIdempotencyKey, useCheckout, useStartCheckout, type Checkout } from "./api";

const useStyles = makeStyles({
  form: { display: "grid", gap: tokens.spacingVerticalM, maxWidth: "560px" },
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
});

/**
 * Create order: the server answers at once (202) and splits the cart by warehouse in the background, so the
 * page shows progress until the orders exist, then names them.
 */
export function CheckoutSection(props: {
  hasProblems: boolean;
  onStart: () => void;
  onFinished: (checkout: Checkout) => void;
}) {
  const { hasProblems, onStart, onFinished } = props;
  const styles = useStyles();
  const [reference, setReference] = useState("");
  const [comment, setComment] = useState("");
  const start = useStartCheckout();
  const [checkoutId, setCheckoutId] = useState<string | null>(null);
  const checkout = useCheckout(checkoutId);
  const announce = useAnnounce();
  useCheckoutFinished(checkout.data, onFinished);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // A new attempt (after a failed one) starts from a clean slate: no old result, no old polling.
    onStart();
    setCheckoutId(null);
    start.mutate(
      { key: newIdempotencyKey(), customerReference: reference.trim(), comment: comment.trim() },
      {
        onSuccess: (started) => {
          setCheckoutId(started.id);
          announce("Creating your order…");
        },
        onError: (error) => announce(describeError(error).title, "assertive"),
      },
    );
  };

  const status = checkout.data?.status;
  const working = start.isPending || (checkoutId !== null && (status === undefined || status === "pending") && !checkout.isError);

  return (
    <Card>
      <form className={styles.form} onSubmit={submit} aria-labelledby="checkout-title">
        <h2 className={styles.h2} id="checkout-title">
          Create order
        </h2>
        <p>Lines that ship from different warehouses become one order per warehouse.</p>
        {hasProblems && <Notice intent="warning" title="Some lines have a problem. Correct or remove them first." />}
        {start.isError && <ErrorState error={start.error} />}
        <Field label="Your reference (optional)" hint="For example your purchase order number.">
          <Input value={reference} onChange={(_, d) => setReference(d.value)} maxLength={100} disabled={working} />
        </Field>
        <Field label="Comment for the supplier (optional)">
          <Textarea value={comment} onChange={(_, d) => setComment(d.value)} maxLength={1000} disabled={working} />
        </Field>
        <div>
          <Button type="submit" appearance="primary" disabled={working || hasProblems}>
            {working ? "Creating the order…" : "Create order"}
          </Button>
        </div>
        {working && (
          <Field validationMessage="Creating your order. This usually takes a few seconds." validationState="none">
            <ProgressBar aria-label="Creating your order" />
          </Field>
        )}
        {checkout.isError && <ErrorState error={checkout.error} onRetry={() => checkout.refetch()} />}
      </form>
    </Card>
  );
}

/**
 * The created orders. The cart page shows this above everything, because once the orders exist the cart is
 * empty and this section (with its form) is gone.
 */
export function CheckoutResult({ checkout }: { checkout: Checkout }) {
  const orders = checkout.orders ?? [];
  if (checkout.status === "failed") {
    return (
      <Notice intent="warning" title="The order was not created.">
        {checkout.failureReason ?? "Nothing was ordered. Check the cart and try again."}
      </Notice>
    );
  }
  return (
    <Notice
      intent="success"
      title={
        orders.length > 1 ? `${splitSummary(orders)}.` : `Order ${orders[0]?.number ?? ""} was created.`
      }
    >
      <ul data-testid="created-orders">
        {orders.map((order) => (
          <li key={order.id}>
            <Link to={`/purchases/orders/${encodeURIComponent(order.id)}`}>Order {order.number}</Link>
            {order.warehouseId ? ` from ${order.warehouseName}` : " for the services"}, {formatMoney(order.total)}
          </li>
        ))}
      </ul>
    </Notice>
  );
}

/** Services ship from no warehouse, so they are an order of their own beside the one per warehouse. */
function splitSummary(orders: { warehouseId: string }[]): string {
  return orders.some((o) => !o.warehouseId)
    ? `Your cart was split into ${orders.length} orders: one per warehouse and one for the services`
    : `Your cart was split by warehouse into ${orders.length} orders`;
}

/** Reports a finished checkout once: refreshes the cart and orders and tells screen reader users. */
function useCheckoutFinished(checkout: Checkout | undefined, onFinished: (checkout: Checkout) => void) {
  const client = useQueryClient();
  const announce = useAnnounce();
  useEffect(() => {
    if (!checkout || checkout.status === "pending") return;
    const orders = checkout.orders ?? [];
    if (checkout.status === "completed") {
      announce(
        orders.length > 1
          ? `${splitSummary(orders)}: ${orders.map((o) => o.number).join(", ")}.`
          : `Order ${orders[0]?.number ?? ""} was created.`,
      );
    } else {
      announce("The order was not created.", "assertive");
    }
    client.invalidateQueries({ queryKey: cartQueryKey });
    client.invalidateQueries({ queryKey: ["orders"] });
    onFinished(checkout);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [checkout?.status]);
}
