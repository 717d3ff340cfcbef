import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-components";
import { formatDate, formatDateTime } from "../../../lib/format";
import { EmptyState, ErrorState, LoadingState, PageHeader, TableScroll, useDataTableStyles } from "../../../lib/ui";
import { useReconciliationDisputes } from "./api";

/** Staff: reconciliation statements customers disputed, newest first, with what they said does not agree. */
export function DisputedStatementsPage() {
  const styles = useDataTableStyles();
  const disputes = useReconciliationDisputes();
  return (
    <>
      <PageHeader title="Disputed reconciliation statements" subtitle="What customers say does not agree with their books." />
      {disputes.isPending ? (
        <LoadingState label="Loading the disputes…" />
      ) : disputes.isError ? (
        <ErrorState error={disputes.error} onRetry={() => disputes.refetch()} />
      ) : disputes.data.items.length === 0 ? (
        <EmptyState>No customer has disputed a reconciliation statement.</EmptyState>
      ) : (
        <TableScroll label="Disputed reconciliation statements">
          <Table aria-label="Disputed reconciliation statements" className={styles.table}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Customer</TableHeaderCell>
                <TableHeaderCell>Statement</TableHeaderCell>
                <TableHeaderCell>Period</TableHeaderCell>
                <TableHeaderCell>Comment</TableHeaderCell>
                <TableHeaderCell>Disputed by</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {disputes.data.items.map((d) => (
                <TableRow key={`${d.counterpartyId}-${d.documentId}`}>
                  <TableCell className={styles.nowrap}>{d.counterpartyName}</TableCell>
                  <TableCell className={styles.nowrap}>{d.number}</TableCell>
                  <TableCell className={styles.nowrap}>
                    {formatDate(d.periodFrom)} – {formatDate(d.periodTo)}
                  </TableCell>
                  <TableCell className={styles.text}>{d.comment}</TableCell>
                  <TableCell className={styles.nowrap}>
                    {d.by}, {formatDateTime(d.at)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableScroll>
      )}
    </>
  );
}
