import {
  Button,
  Card,
  Field,
  Input,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { CartRegular } from "@fluentui/react-icons";
import { useState, type FormEvent } from "react";
import { Link, useParams } from "react-router";
import { useAddToCart } from "../../lib/cart";
import { FavouriteButton } from "../../lib/favourites";
import { isService } from "../../lib/products";
import { formatMoney, formatQuantity } from "../../lib/format";
import { useAnnounce } from "../../lib/live";
import { describeError, fieldError } from "../../lib/problems";
import { DetailPage, EmptyState, ErrorState, Notice, PageHeader, RowHeader, TableScroll } from "../../lib/ui";
import { useProduct, type ProductDetail } from "./api";

const useStyles = makeStyles({
  layout: { display: "grid", gap: tokens.spacingHorizontalXL, gridTemplateColumns: "repeat(auto-fit, minmax(300px, 1fr))", alignItems: "start" },
  h2: { margin: `0 0 ${tokens.spacingVerticalS}`, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  price: { fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold },
  form: { display: "grid", gap: tokens.spacingVerticalM },
});

export function ProductPage() {
  const { sku = "" } = useParams();
  return (
    <DetailPage back={{ to: "/purchases/catalog", label: "Back to the catalog" }} noun="product" query={useProduct(sku)}>
      {(product) => <Product product={product} />}
    </DetailPage>
  );
}

function Product({ product }: { product: ProductDetail }) {
  const styles = useStyles();
  return (
    <>
      <PageHeader
        title={product.name}
        subtitle={`${product.sku} · ${product.categoryName}${isService(product) ? " · a service" : ""}`}
        actions={<FavouriteButton sku={product.sku} name={product.name} />}
      />
      <div className={styles.layout}>
        <div>
          {product.description && <p>{product.description}</p>}
          <h2 className={styles.h2}>Characteristics</h2>
          {product.characteristics.length === 0 ? (
            <EmptyState>No characteristics are recorded for this product.</EmptyState>
          ) : (
            <Table size="small" aria-label="Characteristics">
              <TableBody>
                {product.characteristics.map((c) => (
                  <TableRow key={c.name}>
                    <RowHeader>
                      {c.name}
                    </RowHeader>
                    <TableCell>{c.value}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </div>
        <div>
          <Card>
            <div>
              <span className={styles.price}>{formatMoney(product.price)}</span> per {product.unit}
            </div>
            <AddToCartForm product={product} />
          </Card>
          <h2 className={styles.h2}>Availability</h2>
          {isService(product) ? (
            <p>A service: it is performed for you, not shipped from a warehouse.</p>
          ) : product.availability.length === 0 ? (
            <EmptyState>Not in stock in any warehouse at the moment.</EmptyState>
          ) : (
            <TableScroll label="Availability by warehouse">
              <Table size="small">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Warehouse</TableHeaderCell>
                    <TableHeaderCell>Available</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {product.availability.map((a) => (
                    <TableRow key={a.warehouseId}>
                      <TableCell>{a.warehouseName}</TableCell>
                      <TableCell>
                        {formatQuantity(a.quantity, product.unitPrecision)} {product.unit}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableScroll>
          )}
        </div>
      </div>
    </>
  );
}

function AddToCartForm({ product }: { product: ProductDetail }) {
  const styles = useStyles();
  const add = useAddToCart();
  const announce = useAnnounce();
  const [quantity, setQuantity] = useState("1");
  const service = isService(product);
  const [warehouseId, setWarehouseId] = useState(product.defaultWarehouseId);
  const [added, setAdded] = useState<string | null>(null);
  const step = product.unitPrecision > 0 ? String(10 ** -product.unitPrecision) : "1";

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAdded(null);
    add.mutate(
      { sku: product.sku, quantity: Number(quantity), warehouseId: service ? undefined : warehouseId },
      {
        onSuccess: () => {
          const message = `${formatQuantity(Number(quantity), product.unitPrecision)} ${product.unit} of ${product.name} added to the cart.`;
          setAdded(message);
          announce(message);
        },
        onError: (error) => announce(describeError(error).title, "assertive"),
      },
    );
  };

  return (
    <form className={styles.form} onSubmit={submit} aria-label="Add to cart">
      {added && (
        <Notice intent="success" title={added}>
          <Link to="/purchases/cart">Open the cart</Link>
        </Notice>
      )}
      {add.isError && !fieldError(add.error, "quantity") && <ErrorState error={add.error} />}
      <Field label={`Quantity (${product.unit})`} validationMessage={fieldError(add.error, "quantity")}>
        <Input type="number" inputMode="decimal" min={step} step={step} value={quantity} onChange={(_, d) => setQuantity(d.value)} />
      </Field>
      {!service && (
        <Field label="Ship from warehouse">
          <Select value={warehouseId} onChange={(_, d) => setWarehouseId(d.value)}>
            {product.availability.map((a) => (
              <option key={a.warehouseId} value={a.warehouseId}>
                {a.warehouseName} ({formatQuantity(a.quantity, product.unitPrecision)} available)
              </option>
            ))}
          </Select>
        </Field>
      )}
      <div>
        <Button type="submit" appearance="primary" icon={<CartRegular />} disabled={add.isPending}>
          {add.isPending ? "Adding…" : "Add to cart"}
        </Button>
      </div>
    </form>
  );
}
