import {
  Badge,
  Button,
  Field,
  Select,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { Link } from "react-router";
import { useUrlFilters } from "../../../lib/urlFilters";
import { formatDateTime } from "../../../lib/format";
import { SupportStatusBadge, supportStatuses } from "../../../lib/support";
import { DataList, type ListColumn } from "../../../lib/list";
import { EmptyState, ErrorState, LoadingState, PageHeader } from "../../../lib/ui";
import { categoryLabel, supportCategories } from "../api";
import { useAssignees, useCounterparties, useDesk, type DeskFilters, type DeskItem } from "./api";

const useStyles = makeStyles({
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "end", marginBottom: tokens.spacingVerticalL },
  more: { display: "flex", justifyContent: "center", padding: tokens.spacingVerticalL },
  subject: { display: "inline-flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

/** What a request can be about, for the desk's "About" filter. */
const linkedTypes = [
  { value: "invoices", label: "Invoices" },
  { value: "quotations", label: "Quotations" },
  { value: "tax-invoices", label: "Tax invoices" },
  { value: "goods-issues", label: "Goods deliveries" },
  { value: "goods-returns", label: "Goods returns" },
  { value: "credit-notes", label: "Credit notes" },
  { value: "reconciliation-statements", label: "Reconciliation statements" },
  { value: "orders", label: "Orders" },
  { value: "rma-requests", label: "RMA requests" },
];

const filterNames: (keyof DeskFilters)[] = ["status", "counterpartyId", "category", "linkedType", "assignedTo"];

/** The support desk: every customer's requests, those awaiting an answer first. */
export function SupportDeskPage() {
  const styles = useStyles();
  const { filters, filtered, setFilter, clear } = useUrlFilters(filterNames);
  const desk = useDesk(filters);
  const assignees = useAssignees();
  const counterparties = useCounterparties();
  const items = desk.data?.pages.flatMap((p) => p.items) ?? [];
  // On a phone each request is a card: number, subject, then status, customer and the last message.
  const columns: ListColumn<DeskItem>[] = [
    {
      header: "Number",
      card: "title",
      kind: "nowrap",
      cell: (r) => <Link to={`/manage/support/${encodeURIComponent(r.counterpartyId)}/${encodeURIComponent(r.id)}`}>{r.number}</Link>,
    },
    {
      header: "Subject",
      card: "plain",
      kind: "text",
      cell: (r) => (
        <span className={styles.subject}>
          {r.subject}
          {r.awaitingAnswer && (
            <Badge appearance="filled" color="danger">
              Awaiting answer
            </Badge>
          )}
        </span>
      ),
    },
    { header: "Counterparty", card: "primary", cell: (r) => r.counterpartyName },
    { header: "Status", card: "primary", kind: "nowrap", cell: (r) => <SupportStatusBadge status={r.status} /> },
    { header: "Category", cell: (r) => categoryLabel(r.category) },
    { header: "About", cell: (r) => r.link?.label ?? "—" },
    { header: "Assigned to", cell: (r) => r.assignedTo ?? "Nobody" },
    {
      header: "Last message",
      card: "primary",
      cell: (r) => (
        <>
          {formatDateTime(r.lastMessageAt)}, {r.lastMessageBy}
        </>
      ),
    },
  ];


  return (
    <>
      <PageHeader title="Support desk" subtitle="Customers' requests from every company. Requests awaiting your answer come first." />
      <div className={styles.filters} role="search" aria-label="Filter support requests">
        <Field label="Status">
          <Select value={filters.status} onChange={(_, d) => setFilter("status", d.value)}>
            <option value="">All</option>
            {supportStatuses.map((s) => (
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
        <Field label="Category">
          <Select value={filters.category} onChange={(_, d) => setFilter("category", d.value)}>
            <option value="">All</option>
            {supportCategories.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="About">
          <Select value={filters.linkedType} onChange={(_, d) => setFilter("linkedType", d.value)}>
            <option value="">Anything</option>
            {linkedTypes.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Assigned to">
          <Select value={filters.assignedTo} onChange={(_, d) => setFilter("assignedTo", d.value)}>
            <option value="">Anyone</option>
            <option value="none">Nobody</option>
            {(assignees.data?.items ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {u.displayName}
              </option>
            ))}
          </Select>
        </Field>
        {filtered && <Button onClick={clear}>Clear filters</Button>}
      </div>
      {desk.isPending ? (
        <LoadingState label="Loading support requests…" />
      ) : desk.isError ? (
        <ErrorState error={desk.error} onRetry={() => desk.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState>{filtered ? "No requests match these filters." : "No support requests yet."}</EmptyState>
      ) : (
        <>
          <DataList label="Support requests" items={items} rowKey={(r) => `${r.counterpartyId}/${r.id}`} columns={columns} />
          {desk.hasNextPage && (
            <div className={styles.more}>
              <Button onClick={() => desk.fetchNextPage()} disabled={desk.isFetchingNextPage}>
                {desk.isFetchingNextPage ? "Loading…" : "Show more requests"}
              </Button>
            </div>
          )}
        </>
      )}
    </>
  );
}
