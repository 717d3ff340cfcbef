import {
  Button,
  Card,
  Field,
  Input,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { AddRegular, DeleteRegular } from "@fluentui/react-icons";
import { useState, type FormEvent } from "react";
import { formatDate, formatMoney } from "../../../lib/format";
import { useAnnounce } from "../../../lib/live";
import { describeError, fieldError } from "../../../lib/problems";
import { EmptyState, ErrorState, LoadingState, Notice, PageHeader, TableScroll, useDataTableStyles } from "../../../lib/ui";
import { statusLabels, useCounterparties, type CounterpartyView } from "./manageApi";
import { addProduct, lineTotal, newQuotation, quotationProblems, reissue, toRequest, type QuotationDraft, type QuotationLine } from "./quotationDraft";
import { fetchQuotation, useCounterpartyProducts, useIssueQuotation, useQuotations } from "./quotationsApi";

const useStyles = makeStyles({
  stack: { display: "grid", gap: tokens.spacingVerticalL, maxWidth: "960px" },
  card: { display: "grid", gap: tokens.spacingVerticalM },
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  hint: { color: tokens.colorNeutralForeground2, margin: 0 },
  fields: {
    display: "grid",
    gap: tokens.spacingVerticalM,
    columnGap: tokens.spacingHorizontalL,
    gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 13rem), 1fr))",
    alignItems: "start",
  },
  found: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, margin: 0, padding: 0, listStyleType: "none" },
  rows: { display: "grid", gap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyleType: "none" },
  row: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalM,
    alignItems: "flex-end",
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  product: { flexGrow: 3, flexBasis: "14rem", minWidth: 0, alignSelf: "center" },
  cell: { flexGrow: 1, flexBasis: "7rem", minWidth: 0 },
  // An input shrinks with its cell on a phone instead of keeping the browser's 20-character width.
  input: { width: "100%", minWidth: 0, "& input": { minWidth: 0, width: "100%" } },
  total: { fontWeight: tokens.fontWeightSemibold },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

/** Sales → Quotations: issue a quotation to a customer at its prices, or issue one of its quotations again. */
export function QuotationsPage() {
  const counterparties = useCounterparties();
  return (
    <>
      <PageHeader
        title="Quotations"
        subtitle="Offer products to a customer at its prices until a date. Issuing an existing number again replaces that quotation."
      />
      {counterparties.isPending ? (
        <LoadingState label="Loading the customers…" />
      ) : counterparties.isError ? (
        <ErrorState error={counterparties.error} onRetry={() => counterparties.refetch()} />
      ) : counterparties.data.length === 0 ? (
        <EmptyState>There are no customers to quote yet.</EmptyState>
      ) : (
        <Quotations counterparties={counterparties.data} />
      )}
    </>
  );
}

function Quotations({ counterparties }: { counterparties: CounterpartyView[] }) {
  const styles = useStyles();
  const announce = useAnnounce();
  const [counterpartyId, setCounterpartyId] = useState("");
  const [draft, setDraft] = useState<QuotationDraft>(() => newQuotation());
  const [loadError, setLoadError] = useState<unknown>(null);
  const counterparty = counterparties.find((c) => c.id === counterpartyId);

  const startAgain = async (number: string) => {
    setLoadError(null);
    try {
      setDraft(reissue(await fetchQuotation(counterpartyId, number)));
      announce(`Quotation ${number} is in the form below, dated today: change what you need and issue it again.`);
      document.getElementById("quotation-number")?.focus();
    } catch (error) {
      setLoadError(error);
    }
  };

  return (
    <div className={styles.stack}>
      <Field label="Customer (counterparty)">
        <Select
          value={counterpartyId}
          onChange={(_, d) => {
            setCounterpartyId(d.value);
            setDraft(newQuotation());
          }}
        >
          <option value="">Choose a customer</option>
          {counterparties.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
      </Field>
      {counterparty && (
        <>
          <Existing counterpartyId={counterparty.id} onReissue={(number) => void startAgain(number)} />
          {loadError !== null && <ErrorState error={loadError} />}
          <QuotationForm key={counterparty.id} counterparty={counterparty} draft={draft} setDraft={setDraft} />
        </>
      )}
    </div>
  );
}

function Existing({ counterpartyId, onReissue }: { counterpartyId: string; onReissue: (number: string) => void }) {
  const styles = { ...useStyles(), ...useDataTableStyles() };
  const quotations = useQuotations(counterpartyId);
  const items = quotations.data?.items ?? [];
  return (
    <Card className={styles.card}>
      <h2 className={styles.h2}>Its quotations</h2>
      {quotations.isPending ? (
        <LoadingState label="Loading its quotations…" />
      ) : quotations.isError ? (
        <ErrorState error={quotations.error} onRetry={() => quotations.refetch()} />
      ) : items.length === 0 ? (
        <p className={styles.hint}>No quotations yet.</p>
      ) : (
        <TableScroll label="Its quotations">
          <Table aria-label="Its quotations" className={styles.table}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Number</TableHeaderCell>
                <TableHeaderCell>Date</TableHeaderCell>
                <TableHeaderCell>Valid until</TableHeaderCell>
                <TableHeaderCell>Status</TableHeaderCell>
                <TableHeaderCell>Total</TableHeaderCell>
                <TableHeaderCell>
                  <span className={styles.hint}>Action</span>
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((q) => (
                <TableRow key={q.id}>
                  <TableCell className={styles.nowrap}>{q.number}</TableCell>
                  <TableCell className={styles.nowrap}>{formatDate(q.date)}</TableCell>
                  <TableCell className={styles.nowrap}>
                    {formatDate(q.validUntil)}
                    {q.expired ? " (expired)" : ""}
                  </TableCell>
                  <TableCell>{statusLabels[q.status]}</TableCell>
                  <TableCell className={styles.nowrap}>{formatMoney(q.total)}</TableCell>
                  <TableCell>
                    <Button size="small" onClick={() => onReissue(q.number)} aria-label={`Issue again ${q.number}`}>
                      Issue again
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableScroll>
      )}
    </Card>
  );
}

function QuotationForm({
  counterparty,
  draft,
  setDraft,
}: {
  counterparty: CounterpartyView;
  draft: QuotationDraft;
  setDraft: (update: (current: QuotationDraft) => QuotationDraft) => void;
}) {
  const styles = useStyles();
  const announce = useAnnounce();
  const issue = useIssueQuotation(counterparty.id);
  const [search, setSearch] = useState("");
  const products = useCounterpartyProducts(counterparty.id, search);
  const [checked, setChecked] = useState(false);
  const [issued, setIssued] = useState<string | null>(null);
  const problems = checked ? quotationProblems(draft) : {};
  const message = (field: string) => problems[field] ?? fieldError(issue.error, field);
  const total = draft.lines.reduce((sum, line) => sum + lineTotal(line), 0);
  const currency = draft.lines.length > 0 ? (products.data?.items[0]?.price.currency ?? "EUR") : "EUR";

  const updateLine = (index: number, change: Partial<QuotationLine>) =>
    setDraft((current) => ({ ...current, lines: current.lines.map((l, i) => (i === index ? { ...l, ...change } : l)) }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    setIssued(null);
    const found = quotationProblems(draft);
    if (Object.keys(found).length > 0) {
      announce("Correct the marked fields first.", "assertive");
      return;
    }
    const number = draft.number.trim();
    issue.mutate(
      { number, request: toRequest(draft) },
      {
        onSuccess: () => {
          const text = `Quotation ${number} issued to ${counterparty.name}.`;
          setIssued(text);
          announce(text);
        },
        onError: (error) => announce(describeError(error).title, "assertive"),
      },
    );
  };

  return (
    <Card className={styles.card}>
      <form onSubmit={submit} noValidate aria-labelledby="quotation-title" className={styles.card}>
        <h2 id="quotation-title" className={styles.h2}>
          Quotation for {counterparty.name}
        </h2>
        {issued && (
          <Notice intent="success" title={issued}>
            {counterparty.name} now sees it under Documents from supplier → Quotations and can order from it until {formatDate(draft.validUntil)}.
          </Notice>
        )}
        {issue.isError && <ErrorState error={issue.error} />}
        <div className={styles.fields}>
          <Field label="Number" required validationMessage={message("number")}>
            <Input id="quotation-number" value={draft.number} maxLength={50} onChange={(_, d) => setDraft((c) => ({ ...c, number: d.value }))} />
          </Field>
          <Field label="Date" required validationMessage={message("date")}>
            <Input type="date" value={draft.date} onChange={(_, d) => setDraft((c) => ({ ...c, date: d.value }))} />
          </Field>
          <Field label="Valid until" required validationMessage={message("validUntil")}>
            <Input type="date" value={draft.validUntil} min={draft.date} onChange={(_, d) => setDraft((c) => ({ ...c, validUntil: d.value }))} />
          </Field>
        </div>
        <Field label="Find a product" hint="Type two or more letters of its name or SKU; it is added at this customer's price.">
          <Input type="search" value={search} onChange={(_, d) => setSearch(d.value)} />
        </Field>
        {search.trim().length >= 2 &&
          (products.isPending ? (
            <LoadingState label="Finding products…" />
          ) : products.isError ? (
            <ErrorState error={products.error} />
          ) : products.data.items.length === 0 ? (
            <p className={styles.hint}>No product matches.</p>
          ) : (
            <ul className={styles.found} aria-label="Matching products">
              {products.data.items.map((p) => (
                <li key={p.sku}>
                  <Button
                    icon={<AddRegular />}
                    onClick={() => {
                      setDraft((c) => addProduct(c, p));
                      announce(`${p.name} added at ${formatMoney(p.price)}.`);
                    }}
                  >
                    {p.name} ({p.sku}), {formatMoney(p.price)}
                  </Button>
                </li>
              ))}
            </ul>
          ))}
        {draft.lines.length === 0 ? (
          <p className={styles.hint} role={message("lines") ? "alert" : undefined}>
            {message("lines") ?? "No products yet: find one above to add it."}
          </p>
        ) : (
          <ul className={styles.rows} aria-label="Quoted products">
            {draft.lines.map((line, index) => (
              <li key={line.sku} className={styles.row}>
                <span className={styles.product}>
                  {line.name} ({line.sku})
                </span>
                <Field className={styles.cell} label={`Quantity, ${line.unit}`} validationMessage={message(`lines[${index}].quantity`)}>
                  <Input
                    className={styles.input}
                    inputMode="decimal"
                    aria-label={`Quantity of ${line.name}`}
                    value={line.quantity}
                    onChange={(_, d) => updateLine(index, { quantity: d.value })}
                  />
                </Field>
                <Field className={styles.cell} label="Unit price" validationMessage={message(`lines[${index}].unitPrice`)}>
                  <Input
                    className={styles.input}
                    inputMode="decimal"
                    aria-label={`Unit price of ${line.name}`}
                    value={line.unitPrice}
                    onChange={(_, d) => updateLine(index, { unitPrice: d.value })}
                  />
                </Field>
                <span className={styles.cell}>{formatMoney({ amount: lineTotal(line), currency })}</span>
                <Button
                  icon={<DeleteRegular />}
                  aria-label={`Remove ${line.name}`}
                  onClick={() => setDraft((c) => ({ ...c, lines: c.lines.filter((_, i) => i !== index) }))}
                />
              </li>
            ))}
          </ul>
        )}
        <p className={styles.total}>Total: {formatMoney({ amount: Math.round(total * 100) / 100, currency })}</p>
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabled={issue.isPending}>
            {issue.isPending ? "Issuing…" : "Issue quotation"}
          </Button>
        </div>
      </form>
    </Card>
  );
}
