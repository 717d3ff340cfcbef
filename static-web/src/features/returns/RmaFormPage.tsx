import {
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
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { SendRegular, SaveRegular } from "@fluentui/react-icons";
import { useMemo, useState, type FormEvent } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { formatDate, formatMoney, formatQuantity } from "../../lib/format";
import { useAnnounce } from "../../lib/live";
import { fieldError } from "../../lib/problems";
import { DetailPage, ErrorState, LoadingState, Notice, PageHeader, TableScroll } from "../../lib/ui";
import { newIdempotencyKey } from "../../lib/api";
import {
  chosenLines,
  reasons,
  resolutions,
  useInvoices,
  useReturnableInvoice,
  useRmaRequest,
  useSaveRma,
  type RmaDetail,
  type RmaReason,
  type RmaResolution,
} from "./api";

const useStyles = makeStyles({
  form: { display: "grid", gap: tokens.spacingVerticalL, maxWidth: "960px" },
  fields: {
    display: "grid",
    gap: tokens.spacingVerticalM,
    columnGap: tokens.spacingHorizontalL,
    gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 16rem), 1fr))",
    alignItems: "start",
  },
  h2: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  number: { textAlign: "right" },
  quantity: { width: "8rem" },
  hint: { color: tokens.colorNeutralForeground2, margin: 0 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** Purchase returns → RMA requests → Create: from the list, or straight from an invoice (?invoice=…). */
export function RmaCreatePage() {
  const [params] = useSearchParams();
  return (
    <>
      <Link to="/returns/rma-requests">Back to RMA requests</Link>
      <PageHeader title="Create an RMA request" subtitle="Choose the invoice, what to return and what is wrong." />
      <RmaForm invoiceId={params.get("invoice") ?? ""} />
    </>
  );
}

/** Changing a draft; a sent request is read-only. */
export function RmaEditPage() {
  const { id = "" } = useParams();
  return (
    <DetailPage back={{ to: `/returns/rma-requests/${encodeURIComponent(id)}`, label: "Back to the RMA request" }} noun="RMA request" query={useRmaRequest(id)}>
      {(rma) => (
        <>
          <PageHeader title={`Change RMA request ${rma.number}`} />
          {rma.status === "draft" ? (
            <RmaForm invoiceId={rma.invoiceId} existing={rma} />
          ) : (
            <Notice intent="info" title="This request was sent and is read-only." />
          )}
        </>
      )}
    </DetailPage>
  );
}

function RmaForm({ invoiceId: initialInvoice, existing }: { invoiceId: string; existing?: RmaDetail }) {
  const styles = useStyles();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const save = useSaveRma();
  const invoices = useInvoices();
  const [invoiceId, setInvoiceId] = useState(initialInvoice);
  const invoice = useReturnableInvoice(invoiceId);
  const [quantities, setQuantities] = useState<Record<number, string>>(() =>
    Object.fromEntries((existing?.lines ?? []).map((l) => [l.lineNumber, String(l.quantity)])),
  );
  const [reason, setReason] = useState<RmaReason>(existing?.reason ?? "defective");
  const [description, setDescription] = useState(existing?.description ?? "");
  const [preferred, setPreferred] = useState<RmaResolution | "">(existing?.preferredResolution ?? "");
  const [key] = useState(newIdempotencyKey);
  const [sentLines, setSentLines] = useState<number[]>([]);
  // Once saved (a send that was then refused), the form goes on changing that draft.
  const [draft, setDraft] = useState<RmaDetail | undefined>(existing);

  const invoiceOptions = useMemo(() => {
    const options = (invoices.data?.items ?? []).map((i) => ({ id: i.id, label: `${i.number} — ${formatDate(i.date)}` }));
    if (invoiceId && !options.some((o) => o.id === invoiceId)) {
      options.unshift({ id: invoiceId, label: invoice.data ? `${invoice.data.invoiceNumber} — ${formatDate(invoice.data.date)}` : "The chosen invoice" });
    }
    return options;
  }, [invoices.data, invoiceId, invoice.data]);

  // The API names a line's problem by its position in what was sent; show it at that invoice line.
  const lineError = (lineNumber: number) => {
    const index = sentLines.indexOf(lineNumber);
    return index < 0 ? undefined : (fieldError(save.error, `lines[${index}].quantity`) ?? fieldError(save.error, `lines[${index}].lineNumber`));
  };

  const submit = (send: boolean) => (event?: FormEvent) => {
    event?.preventDefault();
    const lines = chosenLines(quantities);
    setSentLines(lines.map((l) => l.lineNumber));
    save.mutate(
      {
        existing: draft ? { id: draft.id, version: draft.version } : undefined,
        body: { invoiceId, lines, reason, description, preferredResolution: preferred === "" ? null : preferred },
        send,
        idempotencyKey: key,
        onSaved: setDraft,
      },
      {
        onSuccess: (rma) => {
          announce(send ? `RMA request ${rma.number} sent.` : `RMA request ${rma.number} saved as a draft.`);
          navigate(`/returns/rma-requests/${encodeURIComponent(rma.id)}`);
        },
      },
    );
  };

  return (
    <form className={styles.form} onSubmit={submit(false)} noValidate>
      <Field label="Invoice" required validationMessage={fieldError(save.error, "invoiceId")}>
        <Select
          value={invoiceId}
          onChange={(_, d) => {
            // Line numbers belong to an invoice: another invoice starts with nothing chosen.
            setInvoiceId(d.value);
            setQuantities({});
          }}
          disabled={invoices.isPending}
        >
          <option value="">Choose an invoice</option>
          {invoiceOptions.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </Select>
      </Field>
      {invoiceId === "" ? (
        <p className={styles.hint}>You can return goods you have an invoice for. Choose the invoice first.</p>
      ) : invoice.isPending ? (
        <LoadingState label="Loading the invoice…" />
      ) : invoice.isError ? (
        <ErrorState error={invoice.error} onRetry={() => invoice.refetch()} />
      ) : (
        <section aria-labelledby="rma-lines">
          <h2 id="rma-lines" className={styles.h2}>
            What to return from invoice {invoice.data.invoiceNumber}
          </h2>
          <p className={styles.hint}>
            "Can be returned" is what was invoiced less what your company's sent RMA requests already claim. A draft reserves nothing; the
            quantities are checked again when you send it.
          </p>
          <TableScroll label="Invoice lines">
            <Table aria-label="Invoice lines to return">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Product</TableHeaderCell>
                  <TableHeaderCell className={styles.number}>Invoiced</TableHeaderCell>
                  <TableHeaderCell className={styles.number}>Price</TableHeaderCell>
                  <TableHeaderCell className={styles.number}>Can be returned</TableHeaderCell>
                  <TableHeaderCell>Return</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {invoice.data.lines.map((line) => (
                  <TableRow key={line.lineNumber}>
                    <TableCell>
                      {line.name} {line.sku && <span className={styles.hint}>{line.sku}</span>}
                    </TableCell>
                    <TableCell className={styles.number}>
                      {formatQuantity(line.invoiced)} {line.unit}
                    </TableCell>
                    <TableCell className={styles.number}>{formatMoney(line.unitPrice)}</TableCell>
                    <TableCell className={styles.number}>
                      {formatQuantity(line.returnable)} {line.unit}
                    </TableCell>
                    <TableCell>
                      <Field validationMessage={lineError(line.lineNumber)}>
                        <Input
                          className={styles.quantity}
                          type="number"
                          inputMode="decimal"
                          min={0}
                          max={line.returnable}
                          step={line.unitPrecision === 0 ? 1 : 1 / 10 ** line.unitPrecision}
                          value={quantities[line.lineNumber] ?? ""}
                          disabled={line.returnable <= 0}
                          aria-label={`Quantity of ${line.name} to return`}
                          contentAfter={line.unit ?? undefined}
                          onChange={(_, d) => setQuantities((q) => ({ ...q, [line.lineNumber]: d.value }))}
                        />
                      </Field>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableScroll>
        </section>
      )}
      <div className={styles.fields}>
        <Field label="Reason" required validationMessage={fieldError(save.error, "reason")}>
          <Select value={reason} onChange={(_, d) => setReason(d.value as RmaReason)}>
            {reasons.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="What would you like?" validationMessage={fieldError(save.error, "preferredResolution")}>
          <Select value={preferred} onChange={(_, d) => setPreferred(d.value as RmaResolution | "")}>
            <option value="">Leave it to the supplier</option>
            {resolutions
              .filter((r) => r.value !== "none")
              .map((r) => (
                <option key={r.value} value={r.value}>
                  {r.label}
                </option>
              ))}
          </Select>
        </Field>
      </div>
      <Field label="Describe the problem" required validationMessage={fieldError(save.error, "description")}>
        <Textarea value={description} onChange={(_, d) => setDescription(d.value)} rows={4} maxLength={2000} resize="vertical" />
      </Field>
      <p className={styles.hint}>Photos and PDF files (up to 5, 10 MB each) are added on the request's page after saving the draft.</p>
      {draft && !existing && (
        <Notice intent="info" title={`Saved as draft ${draft.number}.`}>
          It was not sent. Correct what is listed below and send it again, or find it later under Drafts.
        </Notice>
      )}
      {save.isError && <ErrorState error={save.error} />}
      <div className={styles.actions}>
        <Button type="submit" icon={<SaveRegular />} disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save draft"}
        </Button>
        <Button appearance="primary" icon={<SendRegular />} onClick={submit(true)} disabled={save.isPending}>
          Send
        </Button>
      </div>
    </form>
  );
}
