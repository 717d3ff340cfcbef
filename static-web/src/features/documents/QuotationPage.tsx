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
import { CartRegular } from "@fluentui/react-icons";
import { useParams } from "react-router";
import { useFillCartForReview } from "../../lib/cart";
import { formatDate, formatMoney, formatQuantity } from "../../lib/format";
import { DetailPage, ErrorState, Notice, PageHeader, TableScroll } from "../../lib/ui";
import { useQuotation, type DocumentDetail } from "./api";

const useStyles = makeStyles({
  number: { textAlign: "right" },
  total: { textAlign: "right", fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase500 },
  stack: { display: "grid", gap: tokens.spacingVerticalM },
});

export function QuotationPage() {
  const { id = "" } = useParams();
  return (
    <DetailPage back={{ to: "/documents/quotations", label: "Back to quotations" }} noun="quotation" query={useQuotation(id)}>
      {(quotation) => <QuotationDetail quotation={quotation} />}
    </DetailPage>
  );
}

function QuotationDetail({ quotation }: { quotation: DocumentDetail }) {
  const styles = useStyles();
  const fill = useFillCartForReview();

  // Create order: the quotation's lines go into the cart for review first, as the seed describes.
  const createOrder = () => fill.start({ kind: "quotation", id: quotation.id, source: `quotation ${quotation.number}` });

  return (
    <div className={styles.stack}>
      <PageHeader
        title={`Quotation ${quotation.number}`}
        subtitle={`${formatDate(quotation.date)} · valid until ${formatDate(quotation.validUntil)}`}
        actions={
          <Button appearance="primary" icon={<CartRegular />} onClick={createOrder} disabled={fill.isPending || !quotation.orderable}>
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
              <TableRow key={`${line.sku}-${line.name}`}>
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
