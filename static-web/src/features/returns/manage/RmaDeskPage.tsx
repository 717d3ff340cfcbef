import { Field, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from "@fluentui/react-components";
import { Link, useSearchParams } from "react-router";
import { formatDate, formatDateTime } from "../../../lib/format";
import { EmptyState, ErrorState, LoadingState, PageHeader, TableScroll } from "../../../lib/ui";
import { processingLabels, reasonLabel, resolutionLabel, rmaStatuses, type RmaStatus } from "../api";
import { RmaStatusBadge } from "../rmaStatus";
import { useDesk } from "./api";

const useStyles = makeStyles({
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, marginBottom: tokens.spacingVerticalL },
});

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
        <TableScroll label="RMA requests">
          <Table aria-label="RMA requests">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Number</TableHeaderCell>
                <TableHeaderCell>Customer</TableHeaderCell>
                <TableHeaderCell>Sent</TableHeaderCell>
                <TableHeaderCell>Invoice</TableHeaderCell>
                <TableHeaderCell>Lifecycle status</TableHeaderCell>
                <TableHeaderCell>Processing status</TableHeaderCell>
                <TableHeaderCell>Problem</TableHeaderCell>
                <TableHeaderCell>Resolution</TableHeaderCell>
                <TableHeaderCell>Expected date</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map(({ counterpartyId, counterpartyName, rma }) => (
                <TableRow key={`${counterpartyId}-${rma.id}`}>
                  <TableCell>
                    <Link to={`/manage/rma-requests/${encodeURIComponent(counterpartyId)}/${encodeURIComponent(rma.id)}`}>{rma.number}</Link>
                  </TableCell>
                  <TableCell>{counterpartyName}</TableCell>
                  <TableCell>{formatDateTime(rma.sentAt)}</TableCell>
                  <TableCell>{rma.invoiceNumber}</TableCell>
                  <TableCell>
                    <RmaStatusBadge status={rma.status} />
                  </TableCell>
                  <TableCell>{processingLabels[rma.processing]}</TableCell>
                  <TableCell>{reasonLabel(rma.reason)}</TableCell>
                  <TableCell>{resolutionLabel(rma.resolution)}</TableCell>
                  <TableCell>{rma.expectedDate ? formatDate(rma.expectedDate) : ""}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableScroll>
      )}
    </>
  );
}
