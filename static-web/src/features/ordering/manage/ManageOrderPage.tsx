import {
  Button,
  Card,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useParams } from "react-router";
import { ApiError } from "../../../lib/api";
import { formatDate, formatDateTime, formatQuantity } from "../../../lib/format";
import { useAnnounce } from "../../../lib/live";
import { describeError, fieldError } from "../../../lib/problems";
import { DetailPage, ErrorState, Notice, PageHeader } from "../../../lib/ui";
import { statusInfo } from "../orderStatus";
import {
  fetchStaffOrder,
  orderDeskKeys,
  useDeskCounterparties,
  useOrderAction,
  useStaffOrder,
  type OrderAction,
  type VersionedOrder,
} from "./api";
import { describeChanges, shipmentDraft, shipmentLines, type ShipmentLineDraft } from "./orderChanges";
import { OrderFacts, OrderLines } from "../OrderLines";

const useStyles = makeStyles({
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center", margin: `${tokens.spacingVerticalM} 0` },
  card: { display: "grid", gap: tokens.spacingVerticalM, maxWidth: "720px", margin: `${tokens.spacingVerticalL} 0` },
  fields: {
    display: "grid",
    gap: tokens.spacingVerticalM,
    columnGap: tokens.spacingHorizontalL,
    gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 12rem), 1fr))",
  },
  rows: { display: "grid", gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: "none" },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "end" },
  product: { flexGrow: 1, flexBasis: "12rem", minWidth: 0 },
  quantity: { flexBasis: "9rem" },
});

const today = () => new Date().toISOString().slice(0, 10);

/** One order for the supplier's staff: its lines, shipments and history, and what can be done with it now. */
export function ManageOrderPage() {
  const { counterpartyId = "", id = "" } = useParams();
  return (
    <DetailPage back={{ to: "/manage/orders", label: "Back to the orders desk" }} noun="order" query={useStaffOrder(counterpartyId, id)}>
      {(state) => <ManageOrder counterpartyId={counterpartyId} state={state} />}
    </DetailPage>
  );
}

function ManageOrder({ counterpartyId, state }: { counterpartyId: string; state: VersionedOrder }) {
  const styles = useStyles();
  const announce = useAnnounce();
  const client = useQueryClient();
  const { order, etag } = state;
  const action = useOrderAction(counterpartyId, order.id);
  const counterparties = useDeskCounterparties();
  const counterpartyName = counterparties.data?.items.find((c) => c.id === counterpartyId)?.name ?? counterpartyId;
  const [changes, setChanges] = useState<string[] | null>(null);
  const [form, setForm] = useState<"ship" | "cancel" | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const open = order.status === "sent" || order.status === "inProgress";
  const pending = order.lines.some((l) => l.pending > 0);

  /** A 412: someone else moved the order on. Show the latest and say what changed. */
  const reloadAfterConflict = async () => {
    try {
      const latest = await client.fetchQuery({
        queryKey: orderDeskKeys.one(counterpartyId, order.id),
        queryFn: ({ signal }) => fetchStaffOrder(counterpartyId, order.id, signal),
        staleTime: 0,
      });
      const what = describeChanges(order, latest.order);
      setChanges(what);
      setForm(null);
      announce(`The order changed in the meantime. ${what.join(" ")}`, "assertive");
    } catch (error) {
      announce(describeError(error).title, "assertive");
    }
  };

  const run = (next: OrderAction, success: string, onDone?: () => void) => {
    setChanges(null);
    setDone(null);
    action.mutate(
      { action: next, etag },
      {
        onSuccess: () => {
          setDone(success);
          announce(success);
          onDone?.();
        },
        onError: (error) => (error instanceof ApiError && error.status === 412 ? void reloadAfterConflict() : announce(describeError(error).title, "assertive")),
      },
    );
  };

  return (
    <>
      <PageHeader title={`Order ${order.number}`} subtitle={counterpartyName} />
      {changes && (
        <Notice intent="warning" title="The order changed in the meantime; the latest is shown now.">
          {changes.join(" ")} Check it and try again.
        </Notice>
      )}
      {done && <Notice intent="success" title={done} />}
      {action.isError && !(action.error instanceof ApiError && action.error.status === 412) && form === null && <ErrorState error={action.error} />}
      <OrderFacts order={order} viewer="staff" />
      {open && (
        <div className={styles.actions} role="group" aria-label="Order actions">
          {order.status === "sent" && (
            <Button appearance="primary" disabled={action.isPending} onClick={() => run({ kind: "accept" }, "The order is accepted and in progress.")}>
              Accept
            </Button>
          )}
          {pending && (
            <Button disabled={action.isPending} onClick={() => setForm("ship")}>
              Record shipment
            </Button>
          )}
          {order.status === "inProgress" && (
            <Button disabled={action.isPending} onClick={() => run({ kind: "complete" }, "The order is completed.")}>
              Complete
            </Button>
          )}
          <Button disabled={action.isPending} onClick={() => setForm("cancel")}>
            Cancel order
          </Button>
        </div>
      )}
      {form === "ship" && (
        <ShipmentForm
          key={etag ?? ""}
          rows={shipmentDraft(order)}
          error={action.isError ? action.error : null}
          busy={action.isPending}
          onCancel={() => setForm(null)}
          onSubmit={(shipment) => run({ kind: "ship", shipment }, `Shipment ${shipment.number} is recorded.`, () => setForm(null))}
        />
      )}
      <CancelDialog
        open={form === "cancel"}
        busy={action.isPending}
        onClose={() => setForm(null)}
        onConfirm={(reason) => run({ kind: "cancel", reason }, "The order is canceled.", () => setForm(null))}
      />
      <OrderLines order={order} />
      {order.shipments.length > 0 && (
        <>
          <h2 className={styles.h2}>Shipments</h2>
          <ul className={styles.list}>
            {order.shipments.map((s) => (
              <li key={s.number}>
                {s.number} — {formatDate(s.date)}: {s.lines.map((l) => `${l.sku} × ${formatQuantity(l.quantity ?? 0)}`).join(", ")}
              </li>
            ))}
          </ul>
        </>
      )}
      <h2 className={styles.h2}>History</h2>
      <ol className={styles.list}>
        {order.history.map((h) => (
          <li key={`${h.status}-${h.at}`}>
            {statusInfo(h.status).label} — {formatDateTime(h.at)}
            {h.reason ? `: ${h.reason}` : ""}
          </li>
        ))}
      </ol>
    </>
  );
}

/** A goods issue: its number and date, and per product the quantity shipped now, pre-filled with what is pending. */
function ShipmentForm({
  rows: initial,
  error,
  busy,
  onSubmit,
  onCancel,
}: {
  rows: ShipmentLineDraft[];
  error: unknown;
  busy: boolean;
  onSubmit: (shipment: { number: string; date: string; lines: { sku: string; quantity: number }[] }) => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const [number, setNumber] = useState("");
  const [date, setDate] = useState(today());
  const [rows, setRows] = useState(initial);
  const [checked, setChecked] = useState(false);
  const { lines, problems } = shipmentLines(rows);
  const numberProblem = checked && number.trim() === "" ? "Enter the goods issue number." : fieldError(error, "number");
  const linesProblem = checked && lines.length === 0 && Object.keys(problems).length === 0 ? "Enter a quantity for at least one product." : fieldError(error, "lines");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (number.trim() === "" || lines.length === 0 || Object.keys(problems).length > 0) return;
    onSubmit({ number: number.trim(), date, lines });
  };

  return (
    <Card className={styles.card}>
      <form onSubmit={submit} noValidate aria-labelledby="shipment-title" className={styles.card}>
        <h2 id="shipment-title" className={styles.h2}>
          Record shipment
        </h2>
        <div className={styles.fields}>
          <Field label="Goods issue number" required validationMessage={numberProblem}>
            <Input value={number} onChange={(_, d) => setNumber(d.value)} maxLength={50} />
          </Field>
          <Field label="Date" required validationMessage={fieldError(error, "date")}>
            <Input type="date" value={date} onChange={(_, d) => setDate(d.value)} />
          </Field>
        </div>
        <ul className={styles.rows} aria-label="Quantities shipped">
          {rows.map((row, index) => (
            <li key={row.sku} className={styles.row}>
              <span className={styles.product}>
                {row.name} ({row.sku}), {formatQuantity(row.pending)} {row.unit} pending
              </span>
              <Field
                className={styles.quantity}
                label={`Ship now, ${row.unit}`}
                validationMessage={(checked ? problems[index] : undefined) ?? fieldError(error, `lines[${lines.findIndex((l) => l.sku === row.sku)}].quantity`)}
              >
                <Input
                  inputMode="decimal"
                  aria-label={`Quantity of ${row.name} to ship`}
                  value={row.quantity}
                  onChange={(_, d) => setRows((current) => current.map((r, i) => (i === index ? { ...r, quantity: d.value } : r)))}
                />
              </Field>
            </li>
          ))}
        </ul>
        {linesProblem && <ErrorState error={new Error(linesProblem)} />}
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabled={busy}>
            {busy ? "Recording…" : "Record shipment"}
          </Button>
          <Button onClick={onCancel}>Close</Button>
        </div>
      </form>
    </Card>
  );
}

function CancelDialog({ open, busy, onClose, onConfirm }: { open: boolean; busy: boolean; onClose: () => void; onConfirm: (reason: string) => void }) {
  const [reason, setReason] = useState("");
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Cancel this order?</DialogTitle>
          <DialogContent>
            <Field label="Reason (the customer sees it)">
              <Textarea value={reason} onChange={(_, d) => setReason(d.value)} maxLength={500} />
            </Field>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={busy} onClick={() => onConfirm(reason)}>
              Cancel the order
            </Button>
            <Button onClick={onClose}>Keep it</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
