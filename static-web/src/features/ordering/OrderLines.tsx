// An order's lines as the customer and the supplier's clerk both see them: a table on a wide screen, a card per line
// on a phone (what was ordered, shipped and is still pending, then price and amount), with the order's total below.
import { makeStyles, tokens } from "@fluentui/react-components";
import { formatMoney, formatQuantity } from "../../lib/format";
import { DataList, type ListColumn } from "../../lib/list";
import type { Order } from "./api";

type Line = Order["lines"][number];

const useStyles = makeStyles({
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
