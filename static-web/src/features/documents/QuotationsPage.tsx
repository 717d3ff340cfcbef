import {
  Badge,
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { Link } from "react-router";
import { formatDate, formatMoney } from "../../lib/format";
import { EmptyState, ErrorState, LoadingState, PageHeader, TableScroll } from "../../lib/ui";
import { useQuotations } from "./api";

const useStyles = makeStyles({
  number: { textAlign: "right" },
  more: { display: "flex", justifyContent: "center", padding: tokens.spacingVerticalL },
});

export function QuotationsPage() {
  const styles = useStyles();
  const quotations = useQuotations();
  const items = quotations.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader title="Quotations" subtitle="Offers from your supplier. Open one to order from it." />
      {quotations.isPending ? (
        <LoadingState label="Loading quotations…" />
      ) : quotations.isError ? (
        <ErrorState error={quotations.error} onRetry={() => quotations.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState>Your supplier has not sent you any quotations yet.</EmptyState>
      ) : (
        <>
          <TableScroll label="Quotations">
            <Table aria-label="Quotations">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Number</TableHeaderCell>
                  <TableHeaderCell>Date</TableHeaderCell>
                  <TableHeaderCell>Valid until</TableHeaderCell>
                  <TableHeaderCell className={styles.number}>Lines</TableHeaderCell>
                  <TableHeaderCell className={styles.number}>Total</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {items.map((q) => (
                  <TableRow key={q.id}>
                    <TableCell>
                      <Link to={`/documents/quotations/${encodeURIComponent(q.id)}`}>{q.number}</Link>
                    </TableCell>
                    <TableCell>{formatDate(q.date)}</TableCell>
                    <TableCell>
                      {formatDate(q.validUntil)}{" "}
                      {q.expired && (
                        <Badge appearance="tint" color="danger">
                          Expired
                        </Badge>
                      )}
                    </TableCell>
                    <TableCell className={styles.number}>{q.lineCount}</TableCell>
                    <TableCell className={styles.number}>{formatMoney(q.total)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableScroll>
          {quotations.hasNextPage && (
            <div className={styles.more}>
              <Button onClick={() => quotations.fetchNextPage()} disabled={quotations.isFetchingNextPage}>
                {quotations.isFetchingNextPage ? "Loading…" : "Show more quotations"}
              </Button>
            </div>
          )}
        </>
      )}
    </>
  );
}
