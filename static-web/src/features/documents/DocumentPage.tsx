import {
  Button,
  Field,
  Textarea,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownloadRegular, ArrowUndoRegular, CartRegular, PrintRegular } from "@fluentui/react-icons";
import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent, type ReactNode } from "react";
import { useNavigate, useParams } from "react-router";
import { useFillCartForReview } from "../../lib/cart";
import { SupportForThis, linkedSupportKey } from "../../lib/support";
import { describeFileType, formatDate, formatDateTime, formatFileSize, formatMoney, formatQuantity } from "../../lib/format";
import { useAnnounce } from "../../lib/live";
import { fieldError } from "../../lib/problems";
import { DetailPage, ErrorState, Notice, PageHeader, TableScroll, useDataTableStyles } from "../../lib/ui";
import { documentFilePath, useDocument, useRespondToStatement, type DocumentDetail, type DocumentType, type RelatedDocument } from "./api";
import { DocumentStatusBadge, RelatedLink, documentTypes, type DocumentTypeInfo } from "./documentTypes";

const useStyles = makeStyles({
  stack: { display: "grid", gap: tokens.spacingVerticalL },
  facts: { display: "flex", flexWrap: "wrap", gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXXL}`, margin: 0 },
  term: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  dd: { margin: 0 },
  notes: { margin: 0, whiteSpace: "pre-line" },
  totals: {
    display: "grid",
    gridTemplateColumns: "auto auto",
    justifyContent: "end",
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    margin: 0,
    textAlign: "right",
  },
  total: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase500 },
  h2: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: `0 0 ${tokens.spacingVerticalS}` },
  links: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  sections: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXXXL },
  answer: { display: "grid", gap: tokens.spacingVerticalM, maxWidth: "60ch", "@media print": { display: "none" } },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** One document of any type: header, lines, totals, what it names and what names it, its file, Print. */
export function DocumentPage({ type }: { type: DocumentType }) {
  const { id = "" } = useParams();
  const info = documentTypes[type];
  return (
    <DetailPage
      back={{ to: `/documents/${type}`, label: `Back to ${info.title.toLowerCase()}` }}
      noun={info.singular.toLowerCase()}
      query={useDocument(type, id)}
    >
      {(document) => <DocumentView info={info} document={document} />}
    </DetailPage>
  );
}

function DocumentView({ info, document }: { info: DocumentTypeInfo; document: DocumentDetail }) {
  const styles = { ...useStyles(), ...useDataTableStyles() };
  const fill = useFillCartForReview();
  const title = `${info.singular} ${document.number}`;
  const navigate = useNavigate();
  const returnPath = `/returns/rma-requests/new?invoice=${encodeURIComponent(document.id)}`;

  // Create order: the quotation's lines go into the cart for review first, as the seed describes.
  const createOrder = () => fill.start({ kind: "quotation", id: document.id, source: `quotation ${document.number}` });

  return (
    <div className={styles.stack}>
      <PageHeader
        title={title}
        actions={
          <>
            {info.validity && (
              <Button appearance="primary" icon={<CartRegular />} onClick={createOrder} disabled={fill.isPending || !document.orderable}>
                {fill.isPending ? "Adding to the cart…" : "Create order"}
              </Button>
            )}
            {document.file && (
              // A plain link: the API answers with a short-lived link that saves the file under the document's number.
              <Button as="a" href={documentFilePath(info.type, document.id)} download icon={<ArrowDownloadRegular />}>
                Download
              </Button>
            )}
            {info.type === "invoices" && document.status !== "canceled" && (
              // Purchase returns: the create page with this invoice chosen (a plain address, no code shared).
              <Button
                as="a"
                icon={<ArrowUndoRegular />}
                href={returnPath}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(returnPath);
                }}
              >
                Return goods from this invoice
              </Button>
            )}
            {/* The print styles leave only the document: no menu, header or buttons. */}
            <Button icon={<PrintRegular />} onClick={() => window.print()}>
              Print
            </Button>
          </>
        }
      />
      {info.validity && !document.orderable && (
        <Notice intent="warning" title={document.expired ? "This quotation has expired." : "This quotation cannot be ordered."}>
          {document.expired
            ? "Its prices no longer apply. Ask your supplier for a new quotation, or order from the catalog."
            : "Your supplier has withdrawn it. Ask them for a new quotation, or order from the catalog."}
        </Notice>
      )}
      {fill.isError && <ErrorState error={fill.error} />}
      {info.period && <StatementAnswer document={document} />}
      <dl className={styles.facts}>
        <Fact term="Status">
          <DocumentStatusBadge status={document.status} overdue={document.overdue} />
        </Fact>
        <Fact term="Date">{formatDate(document.date)}</Fact>
        {document.dueDate && <Fact term="Due date">{formatDate(document.dueDate)}</Fact>}
        {document.validUntil && (
          <Fact term="Valid until">
            {formatDate(document.validUntil)}
            {document.expired && " (expired)"}
          </Fact>
        )}
        {(document.periodFrom || document.periodTo) && (
          <Fact term="Period">
            {formatDate(document.periodFrom)} – {formatDate(document.periodTo)}
          </Fact>
        )}
        {document.file && (
          <Fact term="File">
            {document.file.fileName} ({describeFileType(document.file.contentType, document.file.fileName)},{" "}
            {formatFileSize(document.file.size)}, added {formatDateTime(document.file.uploadedAt)})
          </Fact>
        )}
      </dl>
      {document.notes && (
        <section aria-labelledby="document-notes">
          <h2 id="document-notes" className={styles.h2}>
            Notes
          </h2>
          <p className={styles.notes}>{document.notes}</p>
        </section>
      )}
      <section aria-labelledby="document-lines">
        <h2 id="document-lines" className={styles.h2}>
          Lines
        </h2>
        {document.lines.length === 0 ? (
          <p>This document has no lines.</p>
        ) : (
          <TableScroll label={`Lines of ${title}`}>
            <Table aria-label="Document lines" className={styles.table}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>SKU</TableHeaderCell>
                  <TableHeaderCell>Name</TableHeaderCell>
                  <TableHeaderCell className={styles.number}>Quantity</TableHeaderCell>
                  <TableHeaderCell>Unit</TableHeaderCell>
                  <TableHeaderCell className={styles.number}>Unit price</TableHeaderCell>
                  <TableHeaderCell className={styles.number}>Line total</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {document.lines.map((line, index) => (
                  <TableRow key={index}>
                    <TableCell className={styles.nowrap}>{line.sku}</TableCell>
                    <TableCell className={styles.text}>{line.name}</TableCell>
                    <TableCell className={styles.number}>{formatQuantity(line.quantity)}</TableCell>
                    <TableCell>{line.unit}</TableCell>
                    <TableCell className={styles.number}>{formatMoney(line.unitPrice)}</TableCell>
                    <TableCell className={styles.number}>{formatMoney(line.lineTotal)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableScroll>
        )}
      </section>
      <dl className={styles.totals}>
        {document.taxTotal && (
          <>
            <dt>Tax</dt>
            <dd className={styles.dd}>{formatMoney(document.taxTotal)}</dd>
          </>
        )}
        <dt className={styles.total}>Total</dt>
        <dd className={mergeClasses(styles.dd, styles.total)}>{formatMoney(document.total)}</dd>
      </dl>
      <div className={styles.sections}>
        <RelatedList id="related-documents" title="Related documents" items={document.related} />
        <RelatedList id="referenced-by" title="Referenced by" items={document.referencedBy} />
      </div>
      <SupportForThis link={{ type: info.type, id: document.id, label: title }} />
    </div>
  );
}

/** A reconciliation statement asks the customer to confirm the balance, or to dispute it saying what does not agree. */
function StatementAnswer({ document }: { document: DocumentDetail }) {
  const styles = useStyles();
  const respond = useRespondToStatement(document.id);
  const announce = useAnnounce();
  const queryClient = useQueryClient();
  const [disputing, setDisputing] = useState(false);
  const [comment, setComment] = useState("");
  const [checked, setChecked] = useState(false);
  const response = document.response;
  if (response) {
    return (
      <Notice
        intent={response.status === "confirmed" ? "success" : "warning"}
        title={response.status === "confirmed" ? "You confirmed this statement." : "You disputed this statement."}
      >
        {response.status === "confirmed" ? "Confirmed" : "Disputed"} by {response.by} on {formatDateTime(response.at)}.
        {response.comment && <> Your comment: “{response.comment}”. Your supplier will contact you about it.</>}
      </Notice>
    );
  }
  if (document.status !== "issued") return null;
  const missing = checked && comment.trim() === "" ? "Say what does not agree, e.g. a payment that is missing." : undefined;
  const submitDispute = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (comment.trim() === "") return;
    respond.mutate(
      { confirm: false, comment: comment.trim() },
      {
        onSuccess: () => {
          // The dispute opened a support request about this statement: show it under "Questions about this".
          void queryClient.invalidateQueries({ queryKey: linkedSupportKey("reconciliation-statements", document.id) });
          announce("The statement is disputed; a support request with your comment is open below, where your supplier answers.");
        },
      },
    );
  };
  return (
    <section aria-labelledby="statement-answer" className={styles.answer}>
      <h2 id="statement-answer" className={styles.h2}>
        Do these figures agree with your books?
      </h2>
      {!disputing ? (
        <div className={styles.buttons}>
          <Button
            appearance="primary"
            disabled={respond.isPending}
            onClick={() => respond.mutate({ confirm: true }, { onSuccess: () => announce("The statement is confirmed.") })}
          >
            Confirm
          </Button>
          <Button disabled={respond.isPending} onClick={() => setDisputing(true)}>
            Dispute
          </Button>
        </div>
      ) : (
        <form onSubmit={submitDispute} noValidate className={styles.answer} aria-labelledby="statement-answer">
          <Field label="What does not agree?" required validationMessage={missing ?? fieldError(respond.error, "comment")}>
            <Textarea value={comment} onChange={(_, data) => setComment(data.value)} maxLength={2000} />
          </Field>
          <div className={styles.buttons}>
            <Button type="submit" appearance="primary" disabled={respond.isPending}>
              {respond.isPending ? "Sending…" : "Send dispute"}
            </Button>
            <Button onClick={() => setDisputing(false)} disabled={respond.isPending}>
              Cancel
            </Button>
          </div>
        </form>
      )}
      {respond.isError && !fieldError(respond.error, "comment") && <ErrorState error={respond.error} />}
    </section>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <div>
      <dt className={styles.term}>{term}</dt>
      <dd className={styles.dd}>{children}</dd>
    </div>
  );
}

function RelatedList({ id, title, items }: { id: string; title: string; items: RelatedDocument[] }) {
  const styles = useStyles();
  if (items.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className={styles.h2}>
        {title}
      </h2>
      <ul className={styles.links}>
        {items.map((related) => (
          <li key={`${related.type}-${related.number}`}>
            <RelatedLink related={related} />
          </li>
        ))}
      </ul>
    </section>
  );
}
