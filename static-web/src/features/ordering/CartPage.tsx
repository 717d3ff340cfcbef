import {
  Button,
  Field,
  Checkbox,
  Input,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  mergeClasses,
  shorthands,
  tokens,
} from "@fluentui/react-components";
import { DeleteRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { Link, useLocation } from "react-router";
import { useAddToCart, useCart, type CartFillNotice, type CartLine } from "../../lib/cart";
import { useProductDropTarget } from "../../lib/dnd";
import { formatMoney, formatQuantity } from "../../lib/format";
import { useAnnounce } from "../../lib/live";
import { describeError } from "../../lib/problems";
import { useNarrowScreen } from "../../lib/list";
import { EmptyState, ErrorState, LoadingState, Notice, PageHeader, TableScroll, useDataTableStyles } from "../../lib/ui";
import { LineGoneError, useChangeCart, useWarehouses, type CartChange, type Checkout, type Warehouse } from "./api";
import { CartCompare, type Compared } from "./CartCompare";
import { CheckoutResult, CheckoutSection } from "./CheckoutSection";
import { ProductFinder } from "./ProductFinder";
import { QuickOrder } from "./QuickOrder";

const useStyles = makeStyles({
  stack: { display: "grid", gap: tokens.spacingVerticalL },
  // The finder beside the cart, so a product is dragged across rather than up a long page; one column on narrow screens.
  layout: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 2fr) minmax(0, 3fr)",
    gap: tokens.spacingHorizontalXL,
    alignItems: "start",
    "@media (max-width: 1023px)": { gridTemplateColumns: "minmax(0, 1fr)" },
  },
  side: { display: "grid", gap: tokens.spacingVerticalXXL, "@media (max-width: 1023px)": { order: 2 } },
  dropZone: {
    display: "grid",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusLarge,
    ...shorthands.border("2px", "dashed", tokens.colorNeutralStroke1),
  },
  over: { ...shorthands.borderColor(tokens.colorBrandStroke1), backgroundColor: tokens.colorBrandBackground2 },
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  compareLines: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center", margin: 0, padding: 0, border: "none" },
  legend: { fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalS, float: "left" },
  sku: { display: "block", color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  problem: { display: "block", color: tokens.colorPaletteDarkOrangeForeground1, fontSize: tokens.fontSizeBase200 },
  quantity: { width: "8em" },
  // The warehouse's name stays readable: the table sizes columns by content and scrolls rather than squeezing it.
  warehouse: { minWidth: "11em" },
  product: { minWidth: "12em" },
  number: { textAlign: "right", whiteSpace: "nowrap" },
  total: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, textAlign: "right" },
  error: { display: "block", color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
  // A phone: one card per line. The name wraps across the card's width; the warehouse gets a whole row, so its
  // name is never cut to a chevron; quantity (with its unit), price and amount share the next row and wrap
  // rather than overlap; Remove sits on its own row, inside the screen.
  cards: { listStyleType: "none", margin: 0, padding: 0, display: "grid", gap: tokens.spacingVerticalM },
  card: {
    display: "grid",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
    overflowWrap: "anywhere",
  },
  name: { fontWeight: tokens.fontWeightSemibold },
  figures: { display: "flex", flexWrap: "wrap", alignItems: "end", columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalS },
  figure: { margin: 0, display: "grid" },
  figureLabel: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  figureValue: { margin: 0, whiteSpace: "nowrap", lineHeight: tokens.lineHeightBase400 },
  remove: { justifySelf: "start" },
});

type LinesProps = {
  lines: CartLine[];
  warehouses: Warehouse[] | undefined;
  busy: boolean;
  onChange: (change: CartChange, done: string) => void;
};

/** The cart's lines to edit: a table on a wide screen, a card per line on a phone. */
function CartLines({ lines, ...rest }: LinesProps) {
  const styles = { ...useStyles(), ...useDataTableStyles() };
  const narrow = useNarrowScreen();
  if (narrow) {
    return (
      <ul className={styles.cards} role="list" aria-label="Cart lines">
        {lines.map((line) => (
          <CartRow key={line.id} line={line} layout="card" {...rest} />
        ))}
      </ul>
    );
  }
  return (
    <TableScroll label="Cart lines">
      <Table aria-label="Cart lines" className={styles.table}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Product</TableHeaderCell>
            <TableHeaderCell>Warehouse</TableHeaderCell>
            <TableHeaderCell>Quantity</TableHeaderCell>
            <TableHeaderCell className={styles.number}>Price</TableHeaderCell>
            <TableHeaderCell className={styles.number}>Amount</TableHeaderCell>
            <TableHeaderCell>
              <span className={styles.sku}>Actions</span>
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {lines.map((line) => (
            <CartRow key={line.id} line={line} layout="row" {...rest} />
          ))}
        </TableBody>
      </Table>
    </TableScroll>
  );
}

export function CartPage() {
  const styles = useStyles();
  const cart = useCart();
  const warehouses = useWarehouses();
  const change = useChangeCart();
  const announce = useAnnounce();
  const location = useLocation();
  const fill = (location.state as { fill?: CartFillNotice } | null)?.fill;
  const [conflict, setConflict] = useState<string | null>(null);
  const [finished, setFinished] = useState<Checkout | null>(null);
  const [compared, setCompared] = useState<Compared[]>([]);
  const add = useAddToCart();
  const drop = useProductDropTarget((product) =>
    add.mutate(
      { sku: product.sku, quantity: 1 },
      {
        onSuccess: () => announce(`${product.name} added to the cart.`),
        onError: (error) => announce(`${product.name} was not added. ${describeError(error).title}`, "assertive"),
      },
    ),
  );

  const apply = (next: CartChange, done: string) => {
    setConflict(null);
    change.mutate(next, {
      onSuccess: (result) => {
        if (result.reapplied) {
          const message = "The cart had been changed in another tab or window. Your change was made on the latest version.";
          setConflict(message);
          announce(`${message} ${done}`);
        } else {
          announce(done);
        }
      },
      onError: (error) => {
        const message = error instanceof LineGoneError ? `${error.message} The cart now shows the latest version.` : describeError(error).title;
        if (error instanceof LineGoneError) setConflict(message);
        announce(message, "assertive");
      },
    });
  };

  const lines = cart.data?.cart.lines ?? [];
  // Compared cart lines follow the cart: a line removed or swapped meanwhile drops out.
  const comparing: Compared[] = compared.flatMap((c) => {
    if (!c.line) return [c];
    const line = lines.find((l) => l.id === c.line!.id);
    return line ? [{ sku: line.sku, name: line.name, line }] : [];
  });
  const toggleLine = (line: CartLine) =>
    setCompared((current) =>
      current.some((c) => c.line?.id === line.id) ? current.filter((c) => c.line?.id !== line.id) : [...current, { sku: line.sku, name: line.name, line }],
    );
  const toggleProduct = (product: { sku: string; name: string }) =>
    setCompared((current) =>
      current.some((c) => !c.line && c.sku === product.sku)
        ? current.filter((c) => c.line || c.sku !== product.sku)
        : [...current, { sku: product.sku, name: product.name }],
    );
  return (
    <>
      <PageHeader
        title="Products cart"
        actions={
          lines.length > 0 && (
            <Button onClick={() => apply({ kind: "clear" }, "The cart is empty now.")} disabled={change.isPending}>
              Empty the cart
            </Button>
          )
        }
      />
      <div className={styles.stack}>
        {finished && <CheckoutResult checkout={finished} />}
        {fill && !finished && <FillNotice fill={fill} />}
        {conflict && <Notice intent="warning" title={conflict} />}
        {change.isError && !(change.error instanceof LineGoneError) && <ErrorState error={change.error} />}
        <div className={styles.layout}>
          <div className={styles.side}>
            <ProductFinder compared={comparing.filter((c) => !c.line).map((c) => c.sku)} onToggleCompare={toggleProduct} />
            <QuickOrder />
          </div>
          <section
            className={mergeClasses(styles.dropZone, drop.over && styles.over)}
            aria-labelledby="cart-lines-title"
            data-testid="cart-drop-zone"
            {...drop.handlers}
          >
            <h2 className={styles.h2} id="cart-lines-title">
              In the cart
            </h2>
            <span className={styles.sku}>Drop products here.</span>
            {add.isError && <ErrorState error={add.error} />}
            {cart.isPending ? (
              <LoadingState label="Loading the cart…" />
            ) : cart.isError ? (
              <ErrorState error={cart.error} onRetry={() => cart.refetch()} />
            ) : lines.length === 0 ? (
              !finished && <EmptyState>
                The cart is empty. Drag products here from the finder, paste a quick order, or add them from the{" "}
                <Link to="/purchases/catalog">catalog</Link>, a <Link to="/documents/quotations">quotation</Link> or an earlier{" "}
                <Link to="/purchases/orders">order</Link>.
              </EmptyState>
            ) : (
              <>
                <CartLines lines={lines} warehouses={warehouses.data?.items} busy={change.isPending} onChange={apply} />
                <fieldset className={styles.compareLines}>
                  <legend className={styles.legend}>Compare lines:</legend>
                  {lines.map((line) => (
                    <Checkbox
                      key={line.id}
                      label={line.name}
                      checked={comparing.some((c) => c.line?.id === line.id)}
                      onChange={() => toggleLine(line)}
                    />
                  ))}
                </fieldset>
                <div className={styles.total} data-testid="cart-total">
                  Total: {formatMoney(cart.data.cart.total)}
                </div>
                <CheckoutSection hasProblems={lines.some((l) => l.problem)} onStart={() => setFinished(null)} onFinished={setFinished} />
              </>
            )}
          </section>
        </div>
        {/* Below the finder and the cart, so ticking Compare never moves what the pointer is on. */}
        {comparing.length > 0 && (
          <CartCompare
            compared={comparing}
            busy={change.isPending}
            onClear={() => setCompared([])}
            onSwap={(line, sku, name) => apply({ kind: "swap", lineId: line.id, sku }, `${line.name} swapped for ${name}.`)}
          />
        )}
      </div>
    </>
  );
}

function FillNotice({ fill }: { fill: CartFillNotice }) {
  const count = fill.added.length;
  return (
    <Notice
      intent={fill.unavailable.length > 0 || (fill.moved?.length ?? 0) > 0 ? "warning" : "success"}
      title={`${count} ${count === 1 ? "product was" : "products were"} added from ${fill.source}. Review the cart, then create the order.`}
    >
      {(fill.moved?.length ?? 0) > 0 && (
        <>
          Ships from another warehouse now:
          <ul>
            {fill.moved!.map((m) => (
              <li key={m.sku}>
                {m.name} ({m.sku}): {m.fromWarehouseName} → {m.toWarehouseName}, because {m.fromWarehouseName} no longer stocks it
              </li>
            ))}
          </ul>
        </>
      )}
      {fill.unavailable.length > 0 && (
        <>
          Not added:
          <ul>
            {fill.unavailable.map((u) => (
              <li key={u.sku}>
                {u.name} ({u.sku}): {u.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </Notice>
  );
}

function CartRow(props: Omit<LinesProps, "lines"> & { line: CartLine; layout: "row" | "card" }) {
  const { line, onChange } = props;
  const styles = useStyles();
  const [quantity, setQuantity] = useState(String(line.quantity));
  const [savedQuantity, setSavedQuantity] = useState(line.quantity);
  const [invalid, setInvalid] = useState<string | null>(null);
  const nameId = `cart-line-${line.id}`;

  // The server's quantity wins after every save (or after another tab changed it). Adjusted while rendering
  // rather than in an effect, so the field never shows the old value for one frame.
  if (savedQuantity !== line.quantity) {
    setSavedQuantity(line.quantity);
    setQuantity(String(line.quantity));
  }

  const commitQuantity = () => {
    const value = Number(quantity.replace(",", "."));
    const message = quantityProblem(quantity, value, line.unitPrecision);
    setInvalid(message);
    if (message || value === line.quantity) return;
    onChange(
      { kind: "update", lineId: line.id, quantity: value },
      `${line.name}: quantity ${formatQuantity(value, line.unitPrecision)} ${line.unit}.`,
    );
  };

  const options = props.warehouses ?? [{ id: line.warehouseId, name: line.warehouseName }];
  const product = (
    <>
      <span id={nameId} className={props.layout === "card" ? styles.name : undefined}>
        {line.name}
      </span>
      <span className={styles.sku}>{line.sku}</span>
      {line.quotationNumber && <span className={styles.sku}>quoted in {line.quotationNumber}</span>}
      {line.problem && <span className={styles.problem}>{line.problem}</span>}
    </>
  );
  const warehouse = line.kind === "service" ? (
    <span className={styles.sku}>Service · no warehouse</span>
  ) : (
    <Select
      className={styles.warehouse}
      aria-label={`Warehouse for ${line.name}`}
      value={line.warehouseId}
      disabled={props.busy}
      onChange={(_, data) => {
        const name = options.find((w) => w.id === data.value)?.name ?? data.value;
        onChange({ kind: "update", lineId: line.id, warehouseId: data.value }, `${line.name} now ships from ${name}.`);
      }}
    >
      {options.map((w) => (
        <option key={w.id} value={w.id}>
          {w.name}
        </option>
      ))}
    </Select>
  );
  const quantityField = (
    <>
      <Input
        className={styles.quantity}
        aria-label={`Quantity of ${line.name} (${line.unit})`}
        aria-invalid={invalid !== null}
        aria-describedby={invalid ? `${nameId}-error` : undefined}
        type="number"
        inputMode="decimal"
        min="0"
        step={line.unitPrecision > 0 ? String(10 ** -line.unitPrecision) : "1"}
        value={quantity}
        onChange={(_, data) => setQuantity(data.value)}
        onBlur={commitQuantity}
        onKeyDown={(event) => event.key === "Enter" && commitQuantity()}
        contentAfter={<span aria-hidden>{line.unit}</span>}
      />
      {invalid && (
        <span className={styles.error} id={`${nameId}-error`}>
          {invalid}
        </span>
      )}
    </>
  );
  const remove = (
    <Button
      className={props.layout === "card" ? styles.remove : undefined}
      icon={<DeleteRegular />}
      appearance="subtle"
      aria-describedby={nameId}
      disabled={props.busy}
      onClick={() => onChange({ kind: "remove", lineId: line.id }, `${line.name} removed from the cart.`)}
    >
      Remove
    </Button>
  );

  if (props.layout === "card") {
    return (
      <li className={styles.card}>
        <div>{product}</div>
        {/* The accessible name starts with the visible label and adds which product it is for. */}
        {line.kind === "service" ? <div>{warehouse}</div> : <Field label="Warehouse">{warehouse}</Field>}
        <div className={styles.figures}>
          <Field label="Quantity">{quantityField}</Field>
          <dl className={styles.figure}>
            <dt className={styles.figureLabel}>Price</dt>
            <dd className={styles.figureValue}>{formatMoney(line.unitPrice)}</dd>
          </dl>
          <dl className={styles.figure}>
            <dt className={styles.figureLabel}>Amount</dt>
            <dd className={styles.figureValue}>{formatMoney(line.lineTotal)}</dd>
          </dl>
        </div>
        {remove}
      </li>
    );
  }
  return (
    <TableRow>
      <TableCell className={styles.product}>{product}</TableCell>
      <TableCell>{warehouse}</TableCell>
      <TableCell>{quantityField}</TableCell>
      <TableCell className={styles.number}>{formatMoney(line.unitPrice)}</TableCell>
      <TableCell className={styles.number}>{formatMoney(line.lineTotal)}</TableCell>
      <TableCell>{remove}</TableCell>
    </TableRow>
  );
}

/** Quantities must be positive and use no more decimals than the unit allows (pieces: none). */
export function quantityProblem(text: string, value: number, precision: number): string | null {
  if (text.trim() === "" || !Number.isFinite(value) || value <= 0) return "Enter a quantity above zero.";
  const decimals = text.includes(".") || text.includes(",") ? text.split(/[.,]/)[1]!.length : 0;
  if (decimals > precision) {
    return precision === 0 ? "Enter a whole number." : `Use at most ${precision} decimal places.`;
  }
  return null;
}
