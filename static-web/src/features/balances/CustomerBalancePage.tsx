import { Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { Link } from "react-router";
import { formatDate, formatDateTime, formatMoney } from "../../lib/format";
import { DataList, useNarrowScreen } from "../../lib/list";
import { ErrorState, LoadingState, PageHeader } from "../../lib/ui";
import { useCustomerBalance, type CustomerBalance } from "./api";

const useStyles = makeStyles({
  stack: { display: "grid", gap: tokens.spacingVerticalXL },
  figures: {
    display: "grid",
    gap: tokens.spacingHorizontalL,
    gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 12rem), 1fr))",
    margin: 0,
  },
  figure: {
    display: "grid",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
  term: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  amount: { margin: 0, fontSize: tokens.fontSizeBase600, fontWeight: tokens.fontWeightSemibold },
  overdue: { color: tokens.colorPaletteRedForeground1 },
  h2: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: `0 0 ${tokens.spacingVerticalS}` },
  chart: { display: "block", width: "100%", maxWidth: "720px", height: "auto" },
  hint: { color: tokens.colorNeutralForeground2, margin: 0 },
});

/** Reports → Customer balance: what is due to the supplier (overdue and not yet), the advances paid, the net position. */
export function CustomerBalancePage() {
  const balance = useCustomerBalance();
  return (
    <>
      <PageHeader title="Customer balance" subtitle="Amounts due to your supplier and the advance payments you made." />
      {balance.isPending ? (
        <LoadingState label="Loading the balance…" />
      ) : balance.isError ? (
        <ErrorState error={balance.error} onRetry={() => balance.refetch()} />
      ) : (
        <BalanceView balance={balance.data} />
      )}
    </>
  );
}

function BalanceView({ balance }: { balance: CustomerBalance }) {
  const styles = useStyles();
  const net = balance.net.amount;
  return (
    <div className={styles.stack}>
      <dl className={styles.figures}>
        <Figure term="Due in total" value={formatMoney(balance.dueTotal)} />
        <Figure term="Overdue" value={formatMoney(balance.overdue)} warn={balance.overdue.amount > 0} />
        <Figure term="Not yet due" value={formatMoney(balance.notYetDue)} />
        <Figure term="Advances paid" value={formatMoney(balance.advances)} />
        <Figure
          term={net > 0 ? "Net: you owe" : net < 0 ? "Net: in your favour" : "Net position"}
          value={formatMoney({ ...balance.net, amount: Math.abs(net) })}
        />
      </dl>
      <Text as="p" className={styles.hint}>
        As of {formatDate(balance.asOf)}
        {balance.updatedAt && <>; last change {formatDateTime(balance.updatedAt)}</>}. See every movement in the{" "}
        <Link to="/reports/statement">statement of account</Link>, or per order in the{" "}
        <Link to="/reports/customer-balance-by-orders">balance by orders</Link>.
      </Text>
      <section aria-labelledby="balance-chart">
        <h2 id="balance-chart" className={styles.h2}>
          Balance over the last 12 months
        </h2>
        <BalanceChart months={balance.months} />
      </section>
      <section aria-labelledby="open-amounts">
        <h2 id="open-amounts" className={styles.h2}>
          Open amounts
        </h2>
        {balance.openByDue.length === 0 ? (
          <p>Nothing is open: every invoice is paid.</p>
        ) : (
          <DataList
            label="Open amounts by due date"
            items={balance.openByDue}
            rowKey={(open) => open.dueDate}
            phone="scroll"
            columns={[
              { header: "Due date", kind: "nowrap", cell: (open) => formatDate(open.dueDate) },
              { header: "Amount", kind: "number", cell: (open) => formatMoney(open.amount) },
              { header: "State", cell: (open) => <span className={mergeClasses(open.overdue && styles.overdue)}>{open.overdue ? "Overdue" : "Not yet due"}</span> },
            ]}
          />
        )}
      </section>
    </div>
  );
}

function Figure({ term, value, warn }: { term: string; value: string; warn?: boolean }) {
  const styles = useStyles();
  return (
    <div className={styles.figure}>
      <dt className={styles.term}>{term}</dt>
      <dd className={mergeClasses(styles.amount, warn && styles.overdue)}>{value}</dd>
    </div>
  );
}

const monthFormat = new Intl.DateTimeFormat(undefined, { month: "short", timeZone: "UTC" });

/** Month-end balances as bars: above the line what you owed, below it what was in your favour. The same numbers are in the image's description. */
export function BalanceChart({ months }: { months: CustomerBalance["months"] }) {
  const styles = useStyles();
  // The image scales to the screen; drawn 720 units wide on a phone its month labels would shrink to half size, so
  // a phone gets a drawing about as wide as the screen (a year of short month names still fits under the bars).
  const width = useNarrowScreen() ? 360 : 720;
  const height = 200;
  const bar = width / Math.max(1, months.length);
  // A short month name needs about 28 units; with more months than fit, every second (third…) one is labelled.
  const labelEvery = Math.ceil(28 / bar);
  const max = Math.max(1, ...months.map((m) => Math.abs(m.closing.amount)));
  const hasNegative = months.some((m) => m.closing.amount < 0);
  const zero = hasNegative ? height / 2 : height - 24;
  const scale = (hasNegative ? height / 2 - 24 : height - 40) / max;
  const description = months.map((m) => `${m.month}: ${formatMoney(m.closing)}`).join("; ");
  return (
    <svg className={styles.chart} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`Balance at each month end. ${description}`}>
      <line x1={0} x2={width} y1={zero} y2={zero} stroke={tokens.colorNeutralStroke1} />
      {months.map((m, i) => {
        const h = Math.abs(m.closing.amount) * scale;
        const y = m.closing.amount >= 0 ? zero - h : zero;
        const label = monthFormat.format(new Date(`${m.month}-01T00:00:00Z`));
        return (
          <g key={m.month}>
            <rect
              x={i * bar + bar * 0.15}
              y={y}
              width={bar * 0.7}
              height={Math.max(h, m.closing.amount === 0 ? 0 : 1)}
              fill={m.closing.amount > 0 ? tokens.colorBrandBackground : tokens.colorPaletteGreenBackground3}
            >
              <title>{`${m.month}: ${formatMoney(m.closing)}`}</title>
            </rect>
            {i % labelEvery === 0 && (
              <text x={i * bar + bar / 2} y={height - 6} textAnchor="middle" fontSize={12} fill={tokens.colorNeutralForeground2}>
                {label}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
