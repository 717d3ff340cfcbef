// An order as the customer and the supplier's clerk both see it: its facts (date, status, warehouse, reference,
// comment) and its lines — a table on a wide screen, a card per line on a phone (what was ordered, shipped and is
// still pending, then price and amount) — with the total below. Only the words for whose reference it is differ.
import { makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { formatDate, formatDateTime, formatMoney, formatQuantity } from "../../lib/format";
import { DataList, type ListColumn } from "../../lib/list";
import type { Order } from "./api";
import { StatusBadge } from "./orderStatus";

type Line = Order["lines"][number];

const useStyles = makeStyles({
  facts: { display: "flex", flexWrap: "wrap", gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXXL}`, margin: `0 0 ${tokens.spacingVerticalL}` },
  term: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  dd: { margin: 0 },
  sku: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  total: { textAlign: "right", fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase500, margin: `${tokens.spacingVerticalM} 0` },
  quoted: { display: "block", color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightRegular },
});

export function OrderLines({ order }: { order: Order }) {
  const styles = useStyles();
  const columns: ListColumn<Line>[] = [
    {
      header: "Product",
      card: "title",
      kind: "text",
      cell: (line) => (
        <>
          {line.name} <span className={styles.sku}>{line.sku}</span>
          {line.quotationNumber && <span className={styles.quoted}>quoted in {line.quotationNumber}</span>}
        </>
      ),
    },
    { header: "Ordered", card: "primary", kind: "number", cell: (line) => `${formatQuantity(line.ordered)} ${line.unit}` },
    { header: "Shipped", card: "primary", kind: "number", cell: (line) => formatQuantity(line.shipped) },
    { header: "Pending", card: "primary", kind: "number", cell: (line) => formatQuantity(line.pending) },
    { header: "Price", kind: "number", cell: (line) => formatMoney(line.unitPrice) },
    { header: "Amount", kind: "number", cell: (line) => formatMoney(line.lineTotal) },
  ];
  return (
    <>
      <DataList
      label="Order lines"
      items={order.lines}
      // A services order or a repeated line may hold one product twice; the position keeps the keys apart.
      rowKey={(line) => `${order.lines.indexOf(line)}-${line.sku}`}
      columns={columns}
    />
      <p className={styles.total}>Total: {formatMoney(order.total)}</p>
    </>
  );
}

/** The order's facts; `staff` names the reference as the customer's and shows the time it was placed. */
export function OrderFacts({ order, viewer }: { order: Order; viewer: "customer" | "staff" }) {
  const styles = useStyles();
  const fact = (term: string, value: ReactNode) => (
    <div>
      <dt className={styles.term}>{term}</dt>
      <dd className={styles.dd}>{value}</dd>
    </div>
  );
  return (
    <dl className={styles.facts}>
      {viewer === "staff" ? fact("Placed", formatDateTime(order.date)) : fact("Date", formatDate(order.date))}
      {fact("Lifecycle status", <StatusBadge status={order.status} />)}
      {fact("Warehouse", order.warehouseName)}
      {order.customerReference && fact(viewer === "staff" ? "Customer's reference" : "Your reference", order.customerReference)}
      {order.comment && fact(viewer === "staff" ? "Comment" : "Your comment", order.comment)}
    </dl>
  );
}
