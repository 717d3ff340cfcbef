// A product to pick: draggable onto the cart, with the keyboard path beside the drag (its Add to cart button, WCAG 2.2,
// 2.5.7), the favourite star and room for a page's own actions (Compare). The catalog and the cart page's finder both
// list products with it.
import { Badge, Button, Card, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { CartRegular, ReOrderDotsVerticalRegular } from "@fluentui/react-icons";
import { useState, type ReactNode } from "react";
import { Link } from "react-router";
import { useAddToCart } from "./cart";
import { startProductDrag } from "./dnd";
import { FavouriteButton } from "./favourites";
import { formatMoney, formatQuantity } from "./format";
import { useAnnounce } from "./live";
import { describeError } from "./problems";
import { isService, type ProductSummary } from "./products";

const useStyles = makeStyles({
  card: { height: "100%", cursor: "grab" },
  cardHead: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "start" },
  grip: { color: tokens.colorNeutralForeground3, flexShrink: 0, marginTop: "2px" },
  title: { flexGrow: 1, minWidth: 0 },
  name: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400, margin: 0, overflowWrap: "anywhere" },
  nameLink: { textDecorationLine: "none", ":hover": { textDecorationLine: "underline" } },
  meta: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  price: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center", marginTop: "auto" },
  // Shown by an outline rather than transparency, which would drop the card's text below readable contrast.
  dragging: { outline: `2px dashed ${tokens.colorBrandStroke1}`, outlineOffset: "2px" },
});

export function ProductCard({ product, headingLevel = 2, children }: { product: ProductSummary; headingLevel?: 2 | 3; children?: ReactNode }) {
  const styles = useStyles();
  const add = useAddToCart();
  const announce = useAnnounce();
  const [dragging, setDragging] = useState(false);
  const nameId = `product-${product.sku}`;
  const Heading = headingLevel === 2 ? "h2" : "h3";

  const addOne = () =>
    add.mutate(
      { sku: product.sku, quantity: 1 },
      {
        onSuccess: () => announce(`${product.name} added to the cart.`),
        onError: (error) => announce(`${product.name} was not added. ${describeError(error).title}`, "assertive"),
      },
    );

  return (
    <Card
      className={mergeClasses(styles.card, dragging && styles.dragging)}
      // Drag handlers would make Fluent treat the card as one focusable group; its link and buttons are
      // what keyboard users need, so the card itself stays out of the tab order.
      focusMode="off"
      draggable
      onDragStart={(event) => {
        startProductDrag(event, { sku: product.sku, name: product.name });
        setDragging(true);
      }}
      onDragEnd={() => setDragging(false)}
      data-sku={product.sku}
    >
      <div className={styles.cardHead}>
        <ReOrderDotsVerticalRegular className={styles.grip} aria-hidden />
        <div className={styles.title}>
          <Heading className={styles.name} id={nameId}>
            <Link to={`/purchases/catalog/${encodeURIComponent(product.sku)}`} draggable={false} className={styles.nameLink}>
              {product.name}
            </Link>
          </Heading>
          <div className={styles.meta}>
            {product.sku} · {product.categoryName}
          </div>
        </div>
      </div>
      <div>
        <span className={styles.price}>{formatMoney(product.price)}</span> <span className={styles.meta}>per {product.unit}</span>
      </div>
      <div>
        {isService(product) ? (
          <Badge appearance="tint" color="informative">
            Service · no warehouse
          </Badge>
        ) : product.availableQuantity > 0 ? (
          <Badge appearance="tint" color="success">
            {formatQuantity(product.availableQuantity)} {product.unit} available
          </Badge>
        ) : (
          <Badge appearance="tint" color="warning">
            Out of stock
          </Badge>
        )}
      </div>
      <div className={styles.actions}>
        <Button icon={<CartRegular />} appearance="primary" onClick={addOne} disabled={add.isPending} aria-describedby={nameId}>
          {add.isPending ? "Adding…" : "Add to cart"}
        </Button>
        {/* After Add to cart, so Tab from the product's name reaches the button that puts it into the cart first. */}
        <FavouriteButton sku={product.sku} name={product.name} />
        {children}
      </div>
    </Card>
  );
}
