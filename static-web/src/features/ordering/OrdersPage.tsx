import {
  Button,
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
import { ArrowRepeatAllRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useFillCartForReview } from "../../lib/cart";
import { formatDate, formatMoney } from "../../lib/format";
import { EmptyState, ErrorState, LoadingState, PageHeader, TableScroll } from "../../lib/ui";
import { useOrders, type OrderFilters } from "./api";
import { StatusBadge, orderStatuses } from "./orderStatus";

const useStyles = makeStyles({
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "end", marginBottom: tokens.spacingVerticalL },
  number: { textAlign: "right" },
  more: { display: "flex", justifyContent: "center", padding: tokens.spacingVerticalL },
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clipPath: "inset(50%)", whiteSpace: "nowrap" },
});

export function OrdersPage() {
  const styles = useStyles();
  const [params, setParams] = useSearchParams();
  const filters: OrderFilters = { status: params.get("status") ?? "", from: params.get("from") ?? "", to: params.get("to") ?? "" };
  const orders = useOrders(filters);
  // Repeat order from the row, as on the order's page: the lines go into the cart for review first.
  const fill = useFillCartForReview();
  const [repeating, setRepeating] = useState<string | null>(null);
  const filtered = filters.status !== "" || filters.from !== "" || filters.to !== "";

  // Filters live in the address, so a filtered list can be bookmarked and Back returns to it.
  const setFilter = (name: keyof OrderFilters, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );

  const items = orders.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader title="Orders" />
      {fill.isError && <ErrorState error={fill.error} />}
      <div className={styles.filters} role="search" aria-label="Filter orders">
        <Field label="Lifecycle status">
          <Select value={filters.status} onChange={(_, d) => setFilter("status", d.value)}>
            <option value="">All</option>
            {orderStatuses.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="From">
          <Input type="date" value={filters.from} onChange={(_, d) => setFilter("from", d.value)} />
        </Field>
        <Field label="To">
          <Input type="date" value={filters.to} onChange={(_, d) => setFilter("to", d.value)} />
        </Field>
        {filtered && <Button onClick={() => setParams({}, { replace: true })}>Clear filters</Button>}
      </div>
      {orders.isPending ? (
        <LoadingState label="Loading orders…" />
      ) : orders.isError ? (
        <ErrorState error={orders.error} onRetry={() => orders.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState>
          {filtered ? "No orders match these filters." : <>You have no orders yet. Start in the <Link to="/purchases/catalog">catalog</Link>.</>}
        </EmptyState>
      ) : (
        <>
          <TableScroll label="Orders">
            <Table aria-label="Orders">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Number</TableHeaderCell>
                  <TableHeaderCell>Date</TableHeaderCell>
                  <TableHeaderCell>Lifecycle status</TableHeaderCell>
                  <TableHeaderCell>Warehouse</TableHeaderCell>
                  <TableHeaderCell>Your reference</TableHeaderCell>
                  <TableHeaderCell className={styles.number}>Lines</TableHeaderCell>
                  <TableHeaderCell className={styles.number}>Total</TableHeaderCell>
                  <TableHeaderCell>
                    <span className={styles.hidden}>Actions</span>
                  </TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {items.map((order) => (
                  <TableRow key={order.id}>
                    <TableCell>
                      <Link to={`/purchases/orders/${encodeURIComponent(order.id)}`}>{order.number}</Link>
                    </TableCell>
                    <TableCell>{formatDate(order.date)}</TableCell>
                    <TableCell>
                      <StatusBadge status={order.status} />
                    </TableCell>
                    <TableCell>{order.warehouseName}</TableCell>
                    <TableCell>{order.customerReference}</TableCell>
                    <TableCell className={styles.number}>{order.lineCount}</TableCell>
                    <TableCell className={styles.number}>{formatMoney(order.total)}</TableCell>
                    <TableCell>
                      <Button
                        icon={<ArrowRepeatAllRegular />}
                        disabled={fill.isPending}
                        aria-label={fill.isPending && repeating === order.id ? undefined : `Repeat order ${order.number}`}
                        onClick={() => {
                          setRepeating(order.id);
                          fill.start({ kind: "order", id: order.id, source: `order ${order.number}` });
                        }}
                      >
                        {fill.isPending && repeating === order.id ? "Adding…" : "Repeat order"}
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableScroll>
          {orders.hasNextPage && (
            <div className={styles.more}>
              <Button onClick={() => orders.fetchNextPage()} disabled={orders.isFetchingNextPage}>
                {orders.isFetchingNextPage ? "Loading…" : "Show more orders"}
              </Button>
            </div>
          )}
        </>
      )}
    </>
  );
}
