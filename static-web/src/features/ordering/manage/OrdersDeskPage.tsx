import {
  Badge,
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
import { Link, useSearchParams } from "react-router";
import { formatDateTime, formatMoney } from "../../../lib/format";
import { EmptyState, ErrorState, LoadingState, PageHeader, TableScroll, useDataTableStyles } from "../../../lib/ui";
import { StatusBadge, orderStatuses } from "../orderStatus";
import { useDeskCounterparties, useOrderDesk, type OrderDeskFilters } from "./api";

const useStyles = makeStyles({
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "end", marginBottom: tokens.spacingVerticalL },
  more: { display: "flex", justifyContent: "center", padding: tokens.spacingVerticalL },
  number: { display: "inline-flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  amount: { textAlign: "right", whiteSpace: "nowrap" },
});

const filterNames: (keyof OrderDeskFilters)[] = ["status", "counterpartyId", "from", "to"];

/** Sales → Orders desk: every customer's orders, the Sent ones waiting for acceptance first, then newest first. */
export function OrdersDeskPage() {
  const styles = { ...useStyles(), ...useDataTableStyles() };
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(filterNames.map((n) => [n, params.get(n) ?? ""])) as unknown as OrderDeskFilters;
  const desk = useOrderDesk(filters);
  const counterparties = useDeskCounterparties();
  const names = new Map((counterparties.data?.items ?? []).map((c) => [c.id, c.name]));
  const items = desk.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = filterNames.some((n) => filters[n] !== "");

  const setFilter = (name: keyof OrderDeskFilters, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );

  return (
    <>
      <PageHeader title="Orders desk" subtitle="Every customer's orders. Sent orders waiting for acceptance come first, then the newest." />
      <div className={styles.filters} role="search" aria-label="Filter orders">
        <Field label="Status">
          <Select value={filters.status} onChange={(_, d) => setFilter("status", d.value)}>
            <option value="">All</option>
            {orderStatuses.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Counterparty">
          <Select value={filters.counterpartyId} onChange={(_, d) => setFilter("counterpartyId", d.value)}>
            <option value="">All</option>
            {(counterparties.data?.items ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Placed from">
          <Input type="date" value={filters.from} max={filters.to || undefined} onChange={(_, d) => setFilter("from", d.value)} />
        </Field>
        <Field label="Placed to">
          <Input type="date" value={filters.to} min={filters.from || undefined} onChange={(_, d) => setFilter("to", d.value)} />
        </Field>
        {filtered && <Button onClick={() => setParams({}, { replace: true })}>Clear filters</Button>}
      </div>
      {desk.isPending ? (
        <LoadingState label="Loading orders…" />
      ) : desk.isError ? (
        <ErrorState error={desk.error} onRetry={() => desk.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState>{filtered ? "No orders match these filters." : "No orders yet."}</EmptyState>
      ) : (
        <>
          <TableScroll label="Orders">
            <Table aria-label="Orders">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Number</TableHeaderCell>
                  <TableHeaderCell>Counterparty</TableHeaderCell>
                  <TableHeaderCell>Placed</TableHeaderCell>
                  <TableHeaderCell>Status</TableHeaderCell>
                  <TableHeaderCell>Warehouse</TableHeaderCell>
                  <TableHeaderCell>Reference</TableHeaderCell>
                  <TableHeaderCell className={styles.amount}>Total</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {items.map(({ counterpartyId, order }) => (
                  <TableRow key={`${counterpartyId}/${order.id}`}>
                    <TableCell className={styles.nowrap}>
                      <span className={styles.number}>
                        <Link to={`/manage/orders/${encodeURIComponent(counterpartyId)}/${encodeURIComponent(order.id)}`}>{order.number}</Link>
                        {order.status === "sent" && (
                          <Badge appearance="filled" color="danger">
                            To accept
                          </Badge>
                        )}
                      </span>
                    </TableCell>
                    <TableCell>{names.get(counterpartyId) ?? counterpartyId}</TableCell>
                    <TableCell className={styles.nowrap}>{formatDateTime(order.date)}</TableCell>
                    <TableCell className={styles.nowrap}>
                      <StatusBadge status={order.status} />
                    </TableCell>
                    <TableCell>{order.warehouseName}</TableCell>
                    <TableCell>{order.customerReference ?? "—"}</TableCell>
                    <TableCell className={styles.amount}>{formatMoney(order.total)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableScroll>
          {desk.hasNextPage && (
            <div className={styles.more}>
              <Button onClick={() => desk.fetchNextPage()} disabled={desk.isFetchingNextPage}>
                {desk.isFetchingNextPage ? "Loading…" : "Show more orders"}
              </Button>
            </div>
          )}
        </>
      )}
    </>
  );
}
