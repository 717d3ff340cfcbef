// What the customer's RMA page and the staff's RMA desk page both show of a request: its facts as a definition list,
// the goods to return and its history. Each page adds what only it has (files, actions, documents).
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { formatDateTime, formatMoney, formatQuantity } from "../../lib/format";
import { TableScroll } from "../../lib/ui";
import { statusLabel, type RmaDetail } from "./api";

const useStyles = makeStyles({
  facts: { display: "flex", flexWrap: "wrap", gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXXL}`, margin: 0 },
  term: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  dd: { margin: 0 },
  h2: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: `0 0 ${tokens.spacingVerticalS}` },
  number: { textAlign: "right" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "grid", gap: tokens.spacingVerticalXS },
  hint: { color: tokens.colorNeutralForeground2 },
});

/** The request's facts (lifecycle status, invoice, resolution…), one `Fact` each. */
export function Facts({ children }: { children: ReactNode }) {
  return <dl className={useStyles().facts}>{children}</dl>;
}

export function Fact({ term, children }: { term: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <div>
      <dt className={styles.term}>{term}</dt>
      <dd className={styles.dd}>{children}</dd>
    </div>
  );
}

/** The invoice lines to return, with quantities in their units and the invoiced price. */
export function RmaLinesTable({ rma }: { rma: RmaDetail }) {
  const styles = useStyles();
  return (
    <TableScroll label="Lines to return">
      <Table aria-label="Goods to return">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Invoice line</TableHeaderCell>
            <TableHeaderCell>Product</TableHeaderCell>
            <TableHeaderCell className={styles.number}>Quantity</TableHeaderCell>
            <TableHeaderCell className={styles.number}>Price</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rma.lines.map((line) => (
            <TableRow key={line.lineNumber}>
              <TableCell>{line.lineNumber}</TableCell>
              <TableCell>
                {line.name} {line.sku && <span className={styles.hint}>{line.sku}</span>}
              </TableCell>
              <TableCell className={styles.number}>
                {formatQuantity(line.quantity)} {line.unit}
              </TableCell>
              <TableCell className={styles.number}>{formatMoney(line.unitPrice)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableScroll>
  );
}

/** Every status the request went through: when, by whom, and the note given with it. */
export function RmaHistory({ rma, headingId }: { rma: RmaDetail; headingId: string }) {
  const styles = useStyles();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.h2}>
        History
      </h2>
      <ol className={styles.list}>
        {rma.history.map((h, i) => (
          <li key={`${h.status}-${h.at}-${i}`}>
            {statusLabel(h.status)} — {formatDateTime(h.at)}, {h.by}
            {h.note && `: ${h.note}`}
          </li>
        ))}
      </ol>
    </section>
  );
}
