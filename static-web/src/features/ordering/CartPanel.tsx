import { Card, Spinner, Text, makeStyles, mergeClasses, shorthands, tokens } from "@fluentui/react-components";
import { CartRegular } from "@fluentui/react-icons";
import { useState, type DragEvent } from "react";
import { Link } from "react-router";
import { useAddToCart, useCart } from "../../lib/cart";
import { productDragType, readDraggedProduct } from "../../lib/dnd";
import { formatMoney, formatQuantity } from "../../lib/format";
import { useAnnounce } from "../../lib/live";
import { describeError } from "../../lib/problems";
import { ErrorState } from "../../lib/ui";

const useStyles = makeStyles({
  panel: {
    ...shorthands.border("2px", "dashed", tokens.colorNeutralStroke1),
    transitionProperty: "background-color, border-color",
    transitionDuration: tokens.durationFast,
    "@media (prefers-reduced-motion: reduce)": { transitionDuration: "0.01ms" },
  },
  over: { ...shorthands.borderColor(tokens.colorBrandStroke1), backgroundColor: tokens.colorBrandBackground2 },
  h2: { margin: 0, display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  hint: { color: tokens.colorNeutralForeground2 },
  lines: { listStyleType: "none", margin: 0, padding: 0, display: "grid", gap: tokens.spacingVerticalXS },
  // The name wraps; the amount keeps its own room on the right, so a long name never runs into it.
  line: { display: "flex", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  lineName: { minWidth: 0, overflowWrap: "anywhere" },
  lineAmount: { flexShrink: 0, whiteSpace: "nowrap" },
  total: {
    display: "flex",
    justifyContent: "space-between",
    fontWeight: tokens.fontWeightSemibold,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
  },
});

/**
 * The cart beside the catalog, and the drop target for products dragged from it. Dragging is one way in;
 * each product's Add to cart button is the other (WCAG 2.2, 2.5.7), so nobody depends on a pointer.
 */
export function CartPanel() {
  const styles = useStyles();
  const cart = useCart();
  const add = useAddToCart();
  const announce = useAnnounce();
  const [over, setOver] = useState(false);

  const accepts = (event: DragEvent) => event.dataTransfer.types.includes(productDragType);

  const onDragOver = (event: DragEvent) => {
    if (!accepts(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
    setOver(true);
  };

  const onDrop = (event: DragEvent) => {
    setOver(false);
    const product = readDraggedProduct(event.dataTransfer);
    if (!product) return;
    event.preventDefault();
    add.mutate(
      { sku: product.sku, quantity: 1 },
      {
        onSuccess: () => announce(`${product.name} added to the cart.`),
        onError: (error) => announce(`${product.name} was not added. ${describeError(error).title}`, "assertive"),
      },
    );
  };

  const lines = cart.data?.cart.lines ?? [];
  return (
    <Card
      className={mergeClasses(styles.panel, over && styles.over)}
      focusMode="off"
      onDragOver={onDragOver}
      onDragEnter={onDragOver}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      role="region"
      aria-labelledby="cart-panel-title"
      data-testid="cart-drop-zone"
    >
      <h2 className={styles.h2} id="cart-panel-title">
        <CartRegular aria-hidden /> Products cart
        {add.isPending && <Spinner size="tiny" label="Adding…" />}
      </h2>
      <Text className={styles.hint}>Drop products here.</Text>
      {add.isError && <ErrorState error={add.error} />}
      {cart.isPending ? (
        <Spinner size="small" label="Loading the cart…" />
      ) : cart.isError ? (
        <ErrorState error={cart.error} onRetry={() => cart.refetch()} />
      ) : lines.length === 0 ? (
        <Text>The cart is empty.</Text>
      ) : (
        <>
          <ul className={styles.lines} aria-label="Cart lines">
            {lines.map((line) => (
              <li key={line.id} className={styles.line}>
                <span className={styles.lineName}>
                  {line.name} × {formatQuantity(line.quantity, line.unitPrecision)} {line.unit}
                </span>
                <span className={styles.lineAmount}>{formatMoney(line.lineTotal)}</span>
              </li>
            ))}
          </ul>
          <div className={styles.total}>
            <span>Total</span>
            <span data-testid="cart-panel-total">{formatMoney(cart.data.cart.total)}</span>
          </div>
          <Link to="/purchases/cart">Review the cart and create an order</Link>
        </>
      )}
    </Card>
  );
}
