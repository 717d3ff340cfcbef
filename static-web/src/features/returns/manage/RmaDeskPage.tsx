import { Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import { Link, useSearchParams } from "react-router";
import { formatDate, formatDateTime } from "../../../lib/format";
import { DataList, type ListColumn } from "../../../lib/list";
import { EmptyState, ErrorState, LoadingState, PageHeader } from "../../../lib/ui";
import { processingLabels, reasonLabel, resolutionLabel, rmaStatuses, type RmaStatus } from "../api";
import { RmaStatusBadge } from "../rmaStatus";
import { useDesk, type StaffRma } from "./api";

const useStyles = makeStyles({
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, marginBottom: tokens.spacingVerticalL },
});

// On a phone each request is a card: number, then status, customer and when it was sent; the handling below.
const columns: ListColumn<StaffRma>[] = [
  {
    header: "Number",
    card: "title",
    kind: "nowrap",
    cell: ({ counterpartyId, rma }) => <Link to={`/manage/rma-requests/${encodeURIComponent(counterpartyId)}/${encodeURIComponent(rma.id)}`}>{rma.number}</Link>,
  },
  { header: "Customer", card: "primary", cell: ({ counterpartyName }) => counterpartyName },
  { header: "Sent", card: "primary", kind: "nowrap", cell: ({ rma }) => formatDateTime(rma.sentAt) },
  { header: "Invoice", kind: "nowrap", cell: ({ rma }) => rma.invoiceNumber },
  { header: "Lifecycle status", card: "primary", kind: "nowrap", cell: ({ rma }) => <RmaStatusBadge status={rma.status} /> },
  { header: "Processing status", cell: ({ rma }) => processingLabels[rma.processing] },
  { header: "Problem", cell: ({ rma }) => reasonLabel(rma.reason) },
  { header: "Resolution", cell: ({ rma }) => resolutionLabel(rma.resolution) },
  { header: "Expected date", kind: "nowrap", cell: ({ rma }) => (rma.expectedDate ? formatDate(rma.expectedDate) : "") },
];

/** Service → RMA desk: requests waiting for a decision on top, then those in progress, then closed ones. */
export function RmaDeskPage() {
  const styles = useStyles();
  const [params, setParams] = useSearchParams();
  const status = (params.get("status") ?? "") as RmaStatus | "";
  const desk = useDesk(status);
  const items = desk.data?.items ?? [];

  return (
    <>
      <PageHeader title="RMA desk" subtitle="Customers' return requests: accept them with a resolution and a date, or reject them, and publish the documents." />
      <div className={styles.filters} role="search" aria-label="Filter RMA requests">
        <Field label="Lifecycle status">
          <Select value={status} onChange={(_, d) => setParams(d.value ? { status: d.value } : {}, { replace: true })}>
            <option value="">All sent requests</option>
            {rmaStatuses
              .filter((s) => s.value !== "draft")
              .map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
          </Select>
        </Field>
      </div>
      {desk.isPending ? (
        <LoadingState label="Loading RMA requests…" />
      ) : desk.isError ? (
        <ErrorState error={desk.error} onRetry={() => desk.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState>No RMA requests {status ? "in this status" : "have been sent"}.</EmptyState>
      ) : (
        <DataList label="RMA requests" items={items} rowKey={({ counterpartyId, rma }) => `${counterpartyId}-${rma.id}`} columns={columns} />
      )}
    </>
  );
}
