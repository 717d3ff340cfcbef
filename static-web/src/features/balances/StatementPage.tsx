import {
  Button,
  Field,
  Input,
  Select,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownloadRegular, PrintRegular } from "@fluentui/react-icons";
import { Link, useSearchParams } from "react-router";
import { formatDate, formatMoney } from "../../lib/format";
import { DataList, type ListColumn } from "../../lib/list";
import { ErrorState, LoadingState, PageHeader } from "../../lib/ui";
import {
  documentLink,
  isPeriodKind,
  ledgerKindLabels,
  periodLabels,
  periodOf,
  statementExportPath,
  useStatement,
  type Period,
  type PeriodKind,
  type Statement,
  type StatementLine,
} from "./api";

const useStyles = makeStyles({
  stack: { display: "grid", gap: tokens.spacingVerticalL },
  controls: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalL,
    alignItems: "end",
    "@media print": { display: "none" },
  },
  sides: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXXXL, margin: 0 },
  side: { display: "grid", gridTemplateColumns: "auto auto", gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`, margin: 0 },
  h2: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: `0 0 ${tokens.spacingVerticalS}` },
  dd: { margin: 0, textAlign: "right" },
});

const today = () => new Date().toISOString().slice(0, 10);

/** Reports → Statement of account: opening balance, each movement with the running balance, closing balance, for any period. */
export function StatementPage() {
  const styles = useStyles();
  const [params, setParams] = useSearchParams();
  const kindParam = params.get("period");
  const kind: PeriodKind = isPeriodKind(kindParam) ? kindParam : "this-month";
  const custom = { from: params.get("from") ?? "", to: params.get("to") ?? "" };
  const customValid = custom.from !== "" && custom.to !== "" && custom.from <= custom.to;
  const period: Period | null = kind === "custom" ? (customValid ? custom : null) : periodOf(kind, today());
  const statement = useStatement(period);

  const choose = (next: PeriodKind) => {
    const fresh = new URLSearchParams();
    fresh.set("period", next);
    if (next === "custom") {
      const start = period ?? periodOf("this-month", today())!;
      fresh.set("from", start.from);
      fresh.set("to", start.to);
    }
    setParams(fresh, { replace: true });
  };
  const setDate = (name: "from" | "to", value: string) => {
    const fresh = new URLSearchParams(params);
    fresh.set(name, value);
    setParams(fresh, { replace: true });
  };

  return (
    <div className={styles.stack}>
      <PageHeader
        title="Statement of account"
        subtitle={period ? `${formatDate(period.from)} – ${formatDate(period.to)}` : "Choose the period."}
        actions={
          period && (
            <>
              <Button as="a" href={statementExportPath(period)} download icon={<ArrowDownloadRegular />}>
                Download CSV
              </Button>
              <Button icon={<PrintRegular />} onClick={() => window.print()}>
                Print
              </Button>
            </>
          )
        }
      />
      <div className={styles.controls}>
        <Field label="Period">
          <Select value={kind} onChange={(_, data) => choose(data.value as PeriodKind)}>
            {(Object.keys(periodLabels) as PeriodKind[]).map((k) => (
              <option key={k} value={k}>
                {periodLabels[k]}
              </option>
            ))}
          </Select>
        </Field>
        {kind === "custom" && (
          <>
            <Field label="From">
              <Input type="date" value={custom.from} onChange={(_, data) => setDate("from", data.value)} />
            </Field>
            <Field
              label="To"
              validationMessage={custom.from && custom.to && custom.from > custom.to ? "The period ends before it starts." : undefined}
            >
              <Input type="date" value={custom.to} onChange={(_, data) => setDate("to", data.value)} />
            </Field>
          </>
        )}
      </div>
      {!period ? null : statement.isPending ? (
        <LoadingState label="Loading the statement…" />
      ) : statement.isError ? (
        <ErrorState error={statement.error} onRetry={() => statement.refetch()} />
      ) : (
        <StatementView statement={statement.data} />
      )}
    </div>
  );
}

const movementColumns: ListColumn<StatementLine>[] = [
  { header: "Date", kind: "nowrap", cell: (line) => formatDate(line.date) },
  {
    header: "Document",
    kind: "text",
    cell: (line) => {
      const link = documentLink(line);
      const name = `${ledgerKindLabels[line.kind]} ${line.number}`;
      return (
        <>
          {link ? <Link to={link}>{name}</Link> : name}
          {line.invoiceNumber && ` (for invoice ${line.invoiceNumber})`}
          {!line.invoiceNumber && line.orderNumber && ` (order ${line.orderNumber})`}
        </>
      );
    },
  },
  { header: "Debit", kind: "number", cell: (line) => (line.debit.amount ? formatMoney(line.debit) : "") },
  { header: "Credit", kind: "number", cell: (line) => (line.credit.amount ? formatMoney(line.credit) : "") },
  { header: "Balance", kind: "number", cell: (line) => formatMoney(line.balance) },
];

function StatementView({ statement }: { statement: Statement }) {
  const styles = useStyles();
  return (
    <>
      <div className={styles.sides}>
        <Side id="opening" title={`Opening balance, ${formatDate(statement.from)}`} side={statement.opening} />
        <Side id="closing" title={`Closing balance, ${formatDate(statement.to)}`} side={statement.closing} />
      </div>
      <section aria-labelledby="movements">
        <h2 id="movements" className={styles.h2}>
          Movements
        </h2>
        {statement.lines.length === 0 ? (
          <p>No invoices, credit notes or payments in this period.</p>
        ) : (
          // A statement is read across its rows (the running balance), so on a phone it scrolls in its own box.
          <DataList
            label={`Movements from ${formatDate(statement.from)} to ${formatDate(statement.to)}`}
            items={statement.lines}
            rowKey={(line) => line.entryId}
            phone="scroll"
            columns={movementColumns}
            summary={{
              Document: "Totals for the period",
              Debit: formatMoney(statement.totalDebit),
              Credit: formatMoney(statement.totalCredit),
              Balance: formatMoney(statement.closing.net),
            }}
          />
        )}
      </section>
    </>
  );
}

function Side({ id, title, side }: { id: string; title: string; side: Statement["opening"] }) {
  const styles = useStyles();
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className={styles.h2}>
        {title}
      </h2>
      <dl className={styles.side}>
        <dt>Receivables (you owe)</dt>
        <dd className={styles.dd}>{formatMoney(side.receivable)}</dd>
        <dt>Payables (in your favour)</dt>
        <dd className={styles.dd}>{formatMoney(side.payable)}</dd>
      </dl>
    </section>
  );
}
