import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
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
import { ArrowSwapRegular } from "@fluentui/react-icons";
import { useState } from "react";
import type { CartLine } from "../../lib/cart";
import { formatQuantity } from "../../lib/format";
import { useComparison } from "../../lib/products";
import { EmptyState, ErrorState, LoadingState, RowHeader, TableScroll, useDataTableStyles } from "../../lib/ui";

const useStyles = makeStyles({
  section: { display: "grid", gap: tokens.spacingVerticalS },
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  differs: { backgroundColor: tokens.colorPaletteYellowBackground1 },
  marker: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightRegular },
  missing: { color: tokens.colorNeutralForeground3 },
  swaps: { display: "grid", gap: tokens.spacingVerticalXS, justifyItems: "start" },
  inCart: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

/** A compared thing: a line of the cart, or a product found on the page. */
export interface Compared {
  sku: string;
  name: string;
  line?: CartLine;
}

/**
 * The cart's lines (and products found on the page) side by side, by characteristics and price. A compared line can
 * be swapped for another compared product in one step, keeping its quantity; the buyer confirms first.
 */
export function CartCompare({ compared, busy, onSwap, onClear }: {
  compared: Compared[];
  busy: boolean;
  onSwap: (line: CartLine, sku: string, name: string) => void;
  onClear: () => void;
}) {
  const styles = useStyles();
  const tableStyles = useDataTableStyles();
  const skus = [...new Set(compared.map((c) => c.sku))];
  const comparison = useComparison(skus);
  const [asked, setAsked] = useState<{ line: CartLine; sku: string; name: string } | null>(null);
  const lines = compared.filter((c) => c.line).map((c) => c.line!);

  return (
    <section className={styles.section} aria-labelledby="cart-compare-title">
      <h2 className={styles.h2} id="cart-compare-title">
        Compare
      </h2>
      <div>
        <Button onClick={onClear}>Stop comparing</Button>
      </div>
      {skus.length < 2 ? (
        <EmptyState>Choose one more product or cart line to compare.</EmptyState>
      ) : comparison.isPending ? (
        <LoadingState label="Comparing…" />
      ) : comparison.isError ? (
        <ErrorState error={comparison.error} onRetry={() => comparison.refetch()} />
      ) : (
        <TableScroll label="Comparison">
          <Table aria-label="Comparison of cart lines and products" className={tableStyles.table}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Characteristic</TableHeaderCell>
                {comparison.data.products.map((p) => (
                  <TableHeaderCell key={p.sku}>
                    <div>
                      {p.name}
                      <div className={styles.inCart}>
                        {p.sku}
                        {lines.some((l) => l.sku === p.sku) ? " · in the cart" : ""}
                      </div>
                    </div>
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {comparison.data.rows.map((row) => (
                <TableRow key={row.name} className={mergeClasses(row.differs && styles.differs)}>
                  <RowHeader>
                    {row.name}
                    {/* Colour alone must not carry the meaning (WCAG 1.4.1), so differing rows also say so. */}
                    {row.differs && <span className={styles.marker}> (differs)</span>}
                  </RowHeader>
                  {row.values.map((value, i) => (
                    <TableCell key={comparison.data.products[i]?.sku ?? i}>{value ?? <span className={styles.missing}>—</span>}</TableCell>
                  ))}
                </TableRow>
              ))}
              <TableRow>
                <RowHeader>Swap</RowHeader>
                {comparison.data.products.map((p) => (
                  <TableCell key={p.sku}>
                    <div className={styles.swaps}>
                      {lines
                        .filter((line) => line.sku !== p.sku)
                        .map((line) => (
                          <Button key={line.id} icon={<ArrowSwapRegular />} disabled={busy} onClick={() => setAsked({ line, sku: p.sku, name: p.name })}>
                            Put {p.name} instead of {line.name}
                          </Button>
                        ))}
                    </div>
                  </TableCell>
                ))}
              </TableRow>
            </TableBody>
          </Table>
        </TableScroll>
      )}
      <Dialog open={asked !== null} modalType="alert" onOpenChange={(_, data) => !data.open && setAsked(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Swap the cart line?</DialogTitle>
            <DialogContent>
              {asked &&
                `${formatQuantity(asked.line.quantity, asked.line.unitPrecision)} ${asked.line.unit} of ${asked.line.name} become ` +
                  `${formatQuantity(asked.line.quantity, asked.line.unitPrecision)} of ${asked.name}, at its price.`}
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => {
                  if (asked) onSwap(asked.line, asked.sku, asked.name);
                  setAsked(null);
                }}
              >
                Swap
              </Button>
              <Button onClick={() => setAsked(null)}>Keep the line</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
