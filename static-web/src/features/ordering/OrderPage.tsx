import {
  Button,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowRepeatAllRegular } from "@fluentui/react-icons";
import { Link, useParams } from "react-router";
import { useFillCartForReview } from "../../lib/cart";
import { SupportForThis } from "../../lib/support";
import { formatDate, formatDateTime, formatQuantity } from "../../lib/format";
import { DetailPage, ErrorState, PageHeader } from "../../lib/ui";
import { useOrder, type Order } from "./api";
import { statusInfo } from "./orderStatus";
import { OrderFacts, OrderLines } from "./OrderLines";

const useStyles = makeStyles({
  h2: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  history: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export function OrderPage() {
  const { id = "" } = useParams();
  return (
    <DetailPage back={{ to: "/purchases/orders", label: "Back to orders" }} noun="order" query={useOrder(id)}>
      {(order) => <OrderDetail order={order} />}
    </DetailPage>
  );
}

function OrderDetail({ order }: { order: Order }) {
  const styles = useStyles();
  const fill = useFillCartForReview();

  // Repeat order: the lines go into the cart for review first, as the seed describes; nothing is ordered yet.
  const repeat = () => fill.start({ kind: "order", id: order.id, source: `order ${order.number}` });

  return (
    <>
      <PageHeader
        title={`Order ${order.number}`}
        actions={
          <Button appearance="primary" icon={<ArrowRepeatAllRegular />} onClick={repeat} disabled={fill.isPending}>
            {fill.isPending ? "Adding to the cart…" : "Repeat order"}
          </Button>
        }
      />
      {fill.isError && <ErrorState error={fill.error} />}
      <OrderFacts order={order} viewer="customer" />
      <OrderLines order={order} />
      {order.shipments.length > 0 && <Shipments order={order} />}
      {order.history.length > 0 && (
        <>
          <h2 className={styles.h2}>History</h2>
          <ol className={styles.history}>
            {order.history.map((h) => (
              <li key={`${h.status}-${h.at}`}>
                {statusInfo(h.status).label} — {formatDateTime(h.at)}
                {h.reason ? `: ${h.reason}` : ""}
              </li>
            ))}
          </ol>
        </>
      )}
      <SupportForThis link={{ type: "orders", id: order.id, label: `Order ${order.number}` }} />
    </>
  );
}

/** Each shipment is a Goods delivery document from the supplier; the order links to it. */
function Shipments({ order }: { order: Order }) {
  const styles = useStyles();
  const lineBySku = new Map(order.lines.map((line) => [line.sku, line]));
  return (
    <>
      <h2 className={styles.h2}>Shipments</h2>
      <ul className={styles.history}>
        {order.shipments.map((shipment) => (
          <li key={shipment.number}>
            <Link to={`/documents/goods-issues/${encodeURIComponent(shipment.documentId)}`}>Goods delivery {shipment.number}</Link>,{" "}
            {formatDate(shipment.date)}:{" "}
            {shipment.lines
              .map((shipped) => {
                const line = shipped.sku ? lineBySku.get(shipped.sku) : undefined;
                return `${line?.name ?? shipped.sku} × ${formatQuantity(shipped.quantity ?? 0)}${line ? ` ${line.unit}` : ""}`;
              })
              .join(", ")}
          </li>
        ))}
      </ul>
    </>
  );
}
