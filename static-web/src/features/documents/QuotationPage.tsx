import {
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
import { ArrowLeftRegular, CartRegular } from "@fluentui/react-icons";
import { Link, useNavigate, useParams } from "react-router";
import { useFillCart, type CartFillNotice } from "../../lib/cart";
import { formatDate, formatMoney, formatQuantity } from "../../lib/format";
import { useAnnounce } from "../../lib/live";
import { describeError, isNotFound } from "../../lib/problems";
import { ErrorState, LoadingState, Notice, PageHeader, TableScroll } from "../../lib/ui";
import { useQuotation, type Quotation } from "./api";

const useStyles = makeStyles({
  back: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXS, marginBottom: tokens.spacingVerticalM },
  number: { textAlign: "right" },
  total: { textAlign: "right", fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase500 },
  stack: { display: "grid", gap: tokens.spacingVerticalM },
});

export function QuotationPage() {
  const styles = useStyles();
  const { id = "" } = useParams();
  const quotation = useQuotation(id);
  return (
    <>
      <Link to="/documents/quotations" className={styles.back}>
        <ArrowLeftRegular aria-hidden /> Back to quotations
      </Link>
      {quotation.isPending ? (
        <>
          <PageHeader title="Quotation" />
          <LoadingState label="Loading the quotation…" />
        </>
      ) : quotation.isError ? (
        <>
          <PageHeader title={isNotFound(quotation.error) ? "Quotation not found" : "Quotation"} />
          <ErrorState error={quotation.error} onRetry={isNotFound(quotation.error) ? undefined : () => quotation.refetch()} />
        </>
      ) : (
        <QuotationDetail quotation={quotation.data} />
      )}
    </>
  );
}

function QuotationDetail({ quotation }: { quotation: Quotation }) {
  const styles = useStyles();
  const fill = useFillCart();
  const navigate = useNavigate();
  const announce = useAnnounce();

  // Create order: the quotation's lines go into the cart for review first, as the seed describes.
  const createOrder = () =>
    fill.mutate(
      { kind: "quotation", id: quotation.id },
      {
        onSuccess: ({ fill: result }) => {
          const notice: CartFillNotice = { source: `quotation ${quotation.number}`, added: result.added, unavailable: result.unavailable };
          navigate("/purchases/cart", { state: { fill: notice } });
        },
        onError: (error) => announce(describeError(error).title, "assertive"),
      },
    );

  return (
    <div className={styles.stack}>
      <PageHeader
        title={`Quotation ${quotation.number}`}
        subtitle={`${formatDate(quotation.date)} · valid until ${formatDate(quotation.validUntil)}`}
        actions={
          <Button appearance="primary" icon={<CartRegular />} onClick={createOrder} disabled={fill.isPending || quotation.expired}>
            {fill.isPending ? "Adding to the cart…" : "Create order"}
          </Button>
        }
      />
      {quotation.expired && (
        <Notice intent="warning" title="This quotation has expired.">
          Its prices no longer apply. Ask your supplier for a new quotation, or order from the catalog.
        </Notice>
      )}
      {fill.isError && <ErrorState error={fill.error} />}
      {quotation.notes && <p>{quotation.notes}</p>}
      <TableScroll label="Quotation lines">
        <Table aria-label="Quotation lines">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Product</TableHeaderCell>
              <TableHeaderCell className={styles.number}>Quantity</TableHeaderCell>
              <TableHeaderCell className={styles.number}>Price</TableHeaderCell>
              <TableHeaderCell className={styles.number}>Amount</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {quotation.lines.map((line) => (
              <TableRow key={line.sku}>
                <TableCell>
                  {line.name} ({line.sku})
                </TableCell>
                <TableCell className={styles.number}>
                  {formatQuantity(line.quantity)} {line.unit}
                </TableCell>
                <TableCell className={styles.number}>{formatMoney(line.unitPrice)}</TableCell>
                <TableCell className={styles.number}>{formatMoney(line.lineTotal)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableScroll>
      <p className={styles.total}>Total: {formatMoney(quotation.total)}</p>
    </div>
  );
}
