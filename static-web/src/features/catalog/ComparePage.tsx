import {
  Button,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { CartRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useAddToCart } from "../../lib/cart";
import { formatMoney, type Money } from "../../lib/format";
import { useAnnounce } from "../../lib/live";
import { describeError } from "../../lib/problems";
import { EmptyState, ErrorState, LoadingState, PageHeader, RowHeader, TableScroll } from "../../lib/ui";
import { useComparison } from "./api";

const useStyles = makeStyles({
  differs: { backgroundColor: tokens.colorPaletteYellowBackground1 },
  marker: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorPaletteDarkOrangeForeground1 },
  toolbar: { marginBottom: tokens.spacingVerticalM },
  productHead: { minWidth: "160px", verticalAlign: "top" },
  missing: { color: tokens.colorNeutralForeground3 },
});

/** Parses ?skus=A,B,C: unique, non-empty, at most 10 (the API's limit). */
export function parseSkus(value: string | null): string[] {
  return [...new Set((value ?? "").split(",").map((s) => s.trim()).filter(Boolean))].slice(0, 10);
}

export function ComparePage() {
  const styles = useStyles();
  const [params] = useSearchParams();
  const skus = parseSkus(params.get("skus"));
  const [onlyDifferences, setOnlyDifferences] = useState(false);
  const comparison = useComparison(skus);

  const header = <PageHeader title="Compare products" subtitle="Rows where the products differ are highlighted." />;
  if (skus.length < 2) {
    return (
      <>
        {header}
        <EmptyState>
          Choose 2 to 10 products with their Compare box in the <Link to="/purchases/catalog">catalog</Link>.
        </EmptyState>
      </>
    );
  }
  if (comparison.isPending) return <>{header}<LoadingState label="Comparing…" /></>;
  if (comparison.isError) return <>{header}<ErrorState error={comparison.error} onRetry={() => comparison.refetch()} /></>;

  const { products, rows } = comparison.data;
  const shown = onlyDifferences ? rows.filter((r) => r.differs) : rows;
  return (
    <>
      {header}
      <div className={styles.toolbar}>
        <Switch label="Show only the rows that differ" checked={onlyDifferences} onChange={(_, d) => setOnlyDifferences(d.checked)} />
      </div>
      <TableScroll label="Comparison">
        <Table aria-label="Product comparison">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Characteristic</TableHeaderCell>
              {products.map((p) => (
                <TableHeaderCell key={p.sku} className={styles.productHead}>
                  <div>
                    <Link to={`/purchases/catalog/${encodeURIComponent(p.sku)}`}>{p.name}</Link>
                    <div>{p.sku}</div>
                  </div>
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.map((row) => (
              <TableRow key={row.name} className={mergeClasses(row.differs && styles.differs)} data-differs={row.differs}>
                <RowHeader>
                  {row.name}
                  {/* Colour alone must not carry the meaning (WCAG 1.4.1), so differing rows also say so. */}
                  {row.differs && <span className={styles.marker}> (differs)</span>}
                </RowHeader>
                {row.values.map((value, i) => (
                  <TableCell key={products[i]?.sku ?? i}>{value ?? <span className={styles.missing}>—</span>}</TableCell>
                ))}
              </TableRow>
            ))}
            <TableRow>
              <RowHeader>
                Add to cart
              </RowHeader>
              {products.map((p) => (
                <TableCell key={p.sku}>
                  <AddButton sku={p.sku} name={p.name} price={p.price} unit={p.unit} />
                </TableCell>
              ))}
            </TableRow>
          </TableBody>
        </Table>
      </TableScroll>
    </>
  );
}

function AddButton({ sku, name, price, unit }: { sku: string; name: string; price: Money; unit: string }) {
  const add = useAddToCart();
  const announce = useAnnounce();
  return (
    <Button
      icon={<CartRegular />}
      disabled={add.isPending}
      title={`${formatMoney(price)} per ${unit}`}
      aria-label={`Add to cart: ${name}`}
      onClick={() =>
        add.mutate(
          { sku, quantity: 1 },
          {
            onSuccess: () => announce(`${name} added to the cart.`),
            onError: (error) => announce(`${name} was not added. ${describeError(error).title}`, "assertive"),
          },
        )
      }
    >
      Add to cart
    </Button>
  );
}
