import {
  Button,
  Card,
  Field,
  Input,
  Select,
  Textarea,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { useState, type FormEvent } from "react";
import { ApiError } from "../../../lib/api";
import { formatDate, formatMoney } from "../../../lib/format";
import { useAnnounce } from "../../../lib/live";
import { fieldError } from "../../../lib/problems";
import { DataList } from "../../../lib/list";
import { EmptyState, ErrorState, LoadingState, Notice, PageHeader } from "../../../lib/ui";
import {
  emptyPayment,
  paymentProblems,
  useAllBalances,
  useCounterpartyChoices,
  useRecordPayment,
  type PaymentDraft,
  type PaymentView,
} from "./api";

const useStyles = makeStyles({
  stack: { display: "grid", gap: tokens.spacingVerticalXL },
  card: { display: "grid", gap: tokens.spacingVerticalM, maxWidth: "960px" },
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  fields: {
    display: "grid",
    gap: tokens.spacingVerticalM,
    columnGap: tokens.spacingHorizontalL,
    gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 13rem), 1fr))",
    alignItems: "start",
  },
  wide: { gridColumn: "1 / -1" },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  more: { justifySelf: "start" },
});

const today = () => new Date().toISOString().slice(0, 10);

/** Staff: every customer's balance, those with the oldest unpaid amounts first, and a payment recorded by hand. */
export function BalancesPage() {
  const styles = useStyles();
  const balances = useAllBalances();
  const rows = balances.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className={styles.stack}>
      <PageHeader title="Customer balances" subtitle="Every customer's balance, overdue first. Payments from the ERP appear here within seconds." />
      <RecordPayment />
      <section aria-labelledby="all-balances" className={styles.stack}>
        <h2 id="all-balances" className={styles.h2}>
          Balances
        </h2>
        {balances.isPending ? (
          <LoadingState label="Loading the balances…" />
        ) : balances.isError ? (
          <ErrorState error={balances.error} onRetry={() => balances.refetch()} />
        ) : rows.length === 0 ? (
          <EmptyState>No customer has invoices or payments yet.</EmptyState>
        ) : (
          <>
            <DataList
              label="Customer balances"
              items={rows}
              rowKey={(row) => row.counterpartyId}
              headingLevel={3}
              columns={[
                {
                  header: "Customer",
                  card: "title",
                  kind: "text",
                  cell: (row) => (
                    <>
                      {row.name} <span>({row.counterpartyId})</span>
                    </>
                  ),
                },
                {
                  header: "Overdue",
                  card: "primary",
                  kind: "number",
                  cell: (row) => <span className={mergeClasses(row.overdue.amount > 0 && styles.overdue)}>{formatMoney(row.overdue)}</span>,
                },
                { header: "Oldest due date", card: "primary", kind: "nowrap", cell: (row) => formatDate(row.oldestOpenDue) },
                { header: "Not yet due", kind: "number", cell: (row) => formatMoney(row.notYetDue) },
                { header: "Advances", kind: "number", cell: (row) => formatMoney(row.advances) },
                { header: "Net", card: "primary", kind: "number", cell: (row) => formatMoney(row.net) },
              ]}
            />
            {balances.hasNextPage && (
              <Button className={styles.more} onClick={() => balances.fetchNextPage()} disabled={balances.isFetchingNextPage}>
                {balances.isFetchingNextPage ? "Loading…" : "Show more customers"}
              </Button>
            )}
          </>
        )}
      </section>
    </div>
  );
}

function RecordPayment() {
  const styles = useStyles();
  const counterparties = useCounterpartyChoices();
  const record = useRecordPayment();
  const announce = useAnnounce();
  const [draft, setDraft] = useState<PaymentDraft>(() => emptyPayment(today()));
  const [checked, setChecked] = useState(false);
  const [saved, setSaved] = useState<PaymentView | null>(null);
  const problems = checked ? paymentProblems(draft) : {};
  const apiError = record.error instanceof ApiError ? record.error : null;
  const message = (field: keyof PaymentDraft, apiField = field as string) => problems[field] ?? fieldError(apiError, apiField);
  const set = (patch: Partial<PaymentDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    setSaved(null);
    if (Object.keys(paymentProblems(draft)).length > 0) {
      announce("Correct the highlighted fields.");
      return;
    }
    record.mutate(draft, {
      onSuccess: (payment) => {
        setSaved(payment);
        setChecked(false);
        setDraft(emptyPayment(draft.date));
        announce(`${payment.kind === "refund" ? "Refund" : "Payment"} ${payment.number} recorded.`);
      },
    });
  };

  return (
    <Card className={styles.card}>
      <h2 className={styles.h2} id="record-payment">
        Record a payment
      </h2>
      <form aria-labelledby="record-payment" onSubmit={submit} noValidate className={styles.card}>
        <div className={styles.fields}>
          <Field label="Customer" required validationMessage={message("counterpartyId")}>
            <Select value={draft.counterpartyId} onChange={(_, data) => set({ counterpartyId: data.value })}>
              <option value="">{counterparties.isPending ? "Loading…" : "Choose a customer"}</option>
              {counterparties.data?.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Kind">
            <Select value={draft.kind} onChange={(_, data) => set({ kind: data.value as PaymentDraft["kind"] })}>
              <option value="payment">Payment received</option>
              <option value="refund">Refund paid back</option>
            </Select>
          </Field>
          <Field label="Number" required hint="The company's number; recording it again changes it, never doubles it." validationMessage={message("number")}>
            <Input value={draft.number} onChange={(_, data) => set({ number: data.value })} />
          </Field>
          <Field label="Date" required validationMessage={message("date")}>
            <Input type="date" value={draft.date} onChange={(_, data) => set({ date: data.value })} />
          </Field>
          <Field label="Amount" required validationMessage={message("amount")}>
            <Input inputMode="decimal" value={draft.amount} onChange={(_, data) => set({ amount: data.value })} />
          </Field>
          {draft.kind === "payment" && (
            <>
              <Field label="For invoice" hint="Leave empty for an advance." validationMessage={message("invoiceNumber")}>
                <Input value={draft.invoiceNumber} onChange={(_, data) => set({ invoiceNumber: data.value })} />
              </Field>
              <Field label="For order" validationMessage={message("orderNumber")}>
                <Input value={draft.orderNumber} onChange={(_, data) => set({ orderNumber: data.value })} />
              </Field>
            </>
          )}
          <Field label="Notes" className={styles.wide} validationMessage={message("notes")}>
            <Textarea value={draft.notes} onChange={(_, data) => set({ notes: data.value })} />
          </Field>
        </div>
        {record.isError && !apiError?.problem.errors && <ErrorState error={record.error} />}
        {saved && (
          <Notice intent="success" title={`${saved.kind === "refund" ? "Refund" : "Payment"} ${saved.number} recorded: ${formatMoney(saved.amount)}.`}>
            The customer's balance shows it within seconds.
          </Notice>
        )}
        <Button type="submit" appearance="primary" className={styles.more} disabled={record.isPending}>
          {record.isPending ? "Recording…" : "Record payment"}
        </Button>
      </form>
    </Card>
  );
}
