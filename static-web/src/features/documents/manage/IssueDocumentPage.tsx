import {
  Button,
  Card,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { AddRegular, DeleteRegular } from "@fluentui/react-icons";
import { useContext, useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { ApiError } from "../../../lib/api";
import { formatMoney } from "../../../lib/format";
import { useAnnounce } from "../../../lib/live";
import { describeError } from "../../../lib/problems";
import { MeContext } from "../../../lib/session";
import { EmptyState, ErrorState, LoadingState, Notice, PageHeader } from "../../../lib/ui";
import {
  apiProblems,
  buildRequest,
  draftProblems,
  emptyLine,
  emptyRelated,
  lineTotal,
  linesTotal,
  newDraft,
  withType,
  type Draft,
  type LineDraft,
  type Problems,
  type RelatedDraft,
} from "./issueDraft";
import {
  documentTypeKeys,
  documentTypes,
  fileBlobName,
  isDocumentType,
  relatedTypes,
  statusLabels,
  typeInfo,
  useCounterparties,
  useIssueDocument,
  type CounterpartyView,
  type DocumentType,
  type DocumentView,
} from "./manageApi";

const useStyles = makeStyles({
  form: { display: "grid", gap: tokens.spacingVerticalL, maxWidth: "960px" },
  card: { display: "grid", gap: tokens.spacingVerticalM },
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  // Fields side by side while there is room, one under another on a phone.
  fields: {
    display: "grid",
    gap: tokens.spacingVerticalM,
    columnGap: tokens.spacingHorizontalL,
    gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 13rem), 1fr))",
    alignItems: "start",
  },
  wide: { gridColumn: "1 / -1" },
  hint: { color: tokens.colorNeutralForeground2, margin: 0 },
  // Each line is its own box whose fields wrap, so a long document stays readable at 360 px.
  rows: { display: "grid", gap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyleType: "none" },
  row: {
    margin: 0,
    minWidth: 0,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  // A line's fields side by side on a wide screen, wrapping onto more rows as the screen narrows.
  lineFields: {
    display: "flex",
    flexWrap: "wrap",
    rowGap: tokens.spacingVerticalS,
    columnGap: tokens.spacingHorizontalM,
    alignItems: "flex-start",
  },
  cell: { minWidth: 0, flexGrow: 1, flexShrink: 1, flexBasis: "7rem" },
  cellWide: { minWidth: 0, flexGrow: 3, flexShrink: 1, flexBasis: "14rem" },
  cellNarrow: { minWidth: 0, flexGrow: 1, flexShrink: 1, flexBasis: "5rem" },
  control: { width: "100%", minWidth: 0 },
  lineTotal: { display: "grid", gap: tokens.spacingVerticalXXS, minWidth: "6rem", flexGrow: 1 },
  rowAction: { alignSelf: "flex-end" },
  lineTotalLabel: { color: tokens.colorNeutralForeground2 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  blob: { overflowWrap: "anywhere", fontFamily: tokens.fontFamilyMonospace },
});

const typeLabel = (type: DocumentType) => documentTypes[type].label;

/**
 * The seed's company side for a supplier without an ERP link: a clerk issues a document to a customer by hand, under
 * the company's own number. Saving the same number again updates that document (the API's upsert).
 */
export function IssueDocumentPage() {
  const counterparties = useCounterparties();
  return (
    <>
      <PageHeader
        title="Issue a document"
        subtitle="Publish an invoice, delivery, credit note or other document to a customer. Saving an existing number updates it."
      />
      {counterparties.isPending ? (
        <LoadingState label="Loading the customers…" />
      ) : counterparties.isError ? (
        <ErrorState error={counterparties.error} onRetry={() => counterparties.refetch()} />
      ) : counterparties.data.length === 0 ? (
        <EmptyState>There are no customers to issue documents to yet.</EmptyState>
      ) : (
        <IssueForm counterparties={counterparties.data} onUnknownCounterparty={() => void counterparties.refetch()} />
      )}
    </>
  );
}

interface Saved {
  document: DocumentView;
  type: DocumentType;
  counterparty: CounterpartyView;
}

function IssueForm({ counterparties, onUnknownCounterparty }: { counterparties: CounterpartyView[]; onUnknownCounterparty: () => void }) {
  const styles = useStyles();
  const announce = useAnnounce();
  const save = useIssueDocument();
  const currency = useContext(MeContext)?.currency;
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<Draft>(() => newDraft("invoices", counterparties.length === 1 ? counterparties[0]!.id : ""));
  const [checked, setChecked] = useState(false);
  const [saved, setSaved] = useState<Saved | null>(null);
  // The lines and related documents sent, by the keys of the rows they came from, so the API's messages stay at
  // their row when rows are added or removed afterwards.
  const [sentRows, setSentRows] = useState<{ lineRows: number[]; relatedRows: number[] } | null>(null);
  // Where focus goes after the next render: the first field with a message, a new line's first field…
  const pendingFocus = useRef<string | null>(null);
  const [, renderAgain] = useState(0);
  const focusAfterRender = (selector: string) => {
    pendingFocus.current = selector;
    renderAgain((n) => n + 1);
  };

  const info = typeInfo(draft.type);
  const problems: Problems = checked ? draftProblems(draft) : {};
  const server = apiProblems(save.error, sentRows);
  const message = (field: string, serverField = field) => problems[field] ?? server[serverField];
  const lineMessage = (index: number, line: LineDraft, field: string) => message(`lines[${index}].${field}`, `lines[${line.key}].${field}`);
  const relatedMessage = (index: number, related: RelatedDraft, field: string) =>
    message(`related[${index}].${field}`, `related[${related.key}].${field}`);

  // What the API said that has no field on the form (a related document's type, the lines as a whole…) is listed.
  const placed = new Set([
    "number",
    "date",
    "status",
    "total",
    "taxTotal",
    "notes",
    ...(info.dueDate ? ["dueDate"] : []),
    ...(info.validUntil ? ["validUntil"] : []),
    ...(info.period ? ["periodFrom", "periodTo"] : []),
    ...draft.lines.flatMap((l) => ["sku", "name", "unit", "quantity", "unitPrice"].map((f) => `lines[${l.key}].${f}`)),
    ...draft.related.map((r) => `related[${r.key}].number`),
  ]);
  const unplaced = Object.entries(server).filter(([field]) => !placed.has(field));

  // Focus goes to what needs attention once it is on the screen.
  useEffect(() => {
    if (pendingFocus.current === null) return;
    form.current?.querySelector<HTMLElement>(pendingFocus.current)?.focus();
    pendingFocus.current = null;
  });

  const update = (change: Partial<Draft>) => setDraft((current) => ({ ...current, ...change }));
  const updateLine = (key: number, change: Partial<LineDraft>) =>
    setDraft((current) => ({ ...current, lines: current.lines.map((l) => (l.key === key ? { ...l, ...change } : l)) }));
  const updateRelated = (key: number, change: Partial<RelatedDraft>) =>
    setDraft((current) => ({ ...current, related: current.related.map((r) => (r.key === key ? { ...r, ...change } : r)) }));

  const addLine = () => {
    const line = emptyLine();
    setDraft((current) => ({ ...current, lines: [...current.lines, line] }));
    focusAfterRender(`[data-field="line-${line.key}-sku"]`);
  };
  const removeLine = (index: number, key: number) => {
    setDraft((current) => ({ ...current, lines: current.lines.filter((l) => l.key !== key) }));
    focusAfterRender("[data-field=add-line]");
    announce(`Line ${index + 1} removed.`);
  };
  const addRelated = () => {
    const related = emptyRelated();
    setDraft((current) => ({ ...current, related: [...current.related, related] }));
    focusAfterRender(`[data-field="related-${related.key}-type"]`);
  };
  const removeRelated = (index: number, key: number) => {
    setDraft((current) => ({ ...current, related: current.related.filter((r) => r.key !== key) }));
    focusAfterRender("[data-field=add-related]");
    announce(`Related document ${index + 1} removed.`);
  };

  const startAnother = () => {
    setDraft(newDraft(draft.type, draft.counterpartyId));
    setChecked(false);
    setSaved(null);
    setSentRows(null);
    save.reset();
    focusAfterRender("[data-field=number]");
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    setChecked(true);
    if (Object.keys(draftProblems(draft)).length > 0) {
      save.reset();
      focusAfterRender("[aria-invalid=true]");
      announce("Some fields need correcting.", "assertive");
      return;
    }
    const built = buildRequest(draft);
    const counterparty = counterparties.find((c) => c.id === built.counterpartyId)!;
    setSentRows({
      lineRows: built.lineRows.map((i) => draft.lines[i]!.key),
      relatedRows: built.relatedRows.map((i) => draft.related[i]!.key),
    });
    save.mutate(built, {
      onSuccess: (document) => {
        setSaved({ document, type: built.type, counterparty });
        announce(`${typeInfo(built.type).singular} ${document.number} saved for ${counterparty.name}. Total ${formatMoney(document.total)}.`);
      },
      onError: (error) => {
        if (error instanceof ApiError && error.status === 400 && error.problem.errors) {
          focusAfterRender("[aria-invalid=true], [data-field=save-problems]");
          announce("Some fields need correcting.", "assertive");
        } else if (error instanceof ApiError && error.status === 404) {
          onUnknownCounterparty();
          announce(unknownCounterparty(counterparty), "assertive");
        } else {
          announce(describeError(error).title, "assertive");
        }
      },
    });
  };

  const sum = linesTotal(draft.lines);
  const money = (amount: number | null) =>
    amount === null ? "—" : currency ? formatMoney({ amount, currency }) : amount.toLocaleString(undefined, { minimumFractionDigits: 2 });
  const failedCounterparty = counterparties.find((c) => c.id === save.variables?.counterpartyId);

  return (
    <form ref={form} className={styles.form} onSubmit={submit} noValidate aria-label="Document">
      <Section title="Document" id="issue-document">
        <div className={styles.fields}>
          <Field
            label="Customer (counterparty)"
            required
            hint="Who will see the document."
            validationMessage={message("counterpartyId")}
          >
            <Select
              data-field="counterpartyId"
              value={draft.counterpartyId}
              onChange={(_, data) => update({ counterpartyId: data.value })}
            >
              <option value="">Choose a customer</option>
              {counterparties.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.code ? `${c.name} (${c.code})` : c.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Type" required>
            <Select
              data-field="type"
              value={draft.type}
              onChange={(_, data) => isDocumentType(data.value) && setDraft((current) => withType(current, data.value as DocumentType))}
            >
              {documentTypeKeys.map((type) => (
                <option key={type} value={type}>
                  {typeLabel(type)}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            label="Number"
            required
            hint="Your own number: letters, digits, '-', '_' and '.'. Saving an existing number updates it."
            validationMessage={message("number")}
          >
            <Input
              data-field="number"
              value={draft.number}
              onChange={(_, data) => update({ number: data.value })}
              maxLength={50}
              autoComplete="off"
              spellCheck={false}
            />
          </Field>
          <Field label="Date" required validationMessage={message("date")}>
            <Input data-field="date" type="date" value={draft.date} onChange={(_, data) => update({ date: data.value })} />
          </Field>
          <Field label="Status" required validationMessage={message("status")}>
            <Select data-field="status" value={draft.status} onChange={(_, data) => update({ status: data.value as Draft["status"] })}>
              {info.statuses.map((status) => (
                <option key={status} value={status}>
                  {statusLabels[status]}
                </option>
              ))}
            </Select>
          </Field>
          {info.dueDate && (
            <Field label="Due date" hint="When payment is due; unpaid after it, the invoice is overdue." validationMessage={message("dueDate")}>
              <Input data-field="dueDate" type="date" value={draft.dueDate} min={draft.date || undefined} onChange={(_, data) => update({ dueDate: data.value })} />
            </Field>
          )}
          {info.validUntil && (
            <Field label="Valid until" hint="The last day the customer can order from it." validationMessage={message("validUntil")}>
              <Input
                data-field="validUntil"
                type="date"
                value={draft.validUntil}
                min={draft.date || undefined}
                onChange={(_, data) => update({ validUntil: data.value })}
              />
            </Field>
          )}
          {info.period && (
            <>
              <Field label="Period from" validationMessage={message("periodFrom")}>
                <Input data-field="periodFrom" type="date" value={draft.periodFrom} onChange={(_, data) => update({ periodFrom: data.value })} />
              </Field>
              <Field label="Period to" validationMessage={message("periodTo")}>
                <Input
                  data-field="periodTo"
                  type="date"
                  value={draft.periodTo}
                  min={draft.periodFrom || undefined}
                  onChange={(_, data) => update({ periodTo: data.value })}
                />
              </Field>
            </>
          )}
        </div>
      </Section>

      <Section title="Lines" id="issue-lines">
        <p className={styles.hint}>The line total is quantity × unit price. Rows left empty are not saved.</p>
        {draft.lines.length === 0 ? (
          <Text>No lines. A reconciliation statement, for example, may have none.</Text>
        ) : (
          <ol className={styles.rows}>
            {draft.lines.map((line, index) => (
              <li key={line.key}>
                <fieldset className={styles.row}>
                  <legend className={styles.legend}>Line {index + 1}</legend>
                  <div className={styles.lineFields}>
                    <Field className={styles.cell} label="SKU" validationMessage={lineMessage(index, line, "sku")}>
                      <Input
                        className={styles.control}
                        data-field={`line-${line.key}-sku`}
                        value={line.sku}
                        onChange={(_, data) => updateLine(line.key, { sku: data.value })}
                        maxLength={64}
                        autoComplete="off"
                        spellCheck={false}
                      />
                    </Field>
                    <Field className={styles.cellWide} label="Name" required validationMessage={lineMessage(index, line, "name")}>
                      <Input className={styles.control} value={line.name} onChange={(_, data) => updateLine(line.key, { name: data.value })} maxLength={200} autoComplete="off" />
                    </Field>
                    <Field className={styles.cellNarrow} label="Unit" validationMessage={lineMessage(index, line, "unit")}>
                      <Input className={styles.control} value={line.unit} onChange={(_, data) => updateLine(line.key, { unit: data.value })} maxLength={20} autoComplete="off" />
                    </Field>
                    <Field className={styles.cell} label="Quantity" required validationMessage={lineMessage(index, line, "quantity")}>
                      <Input
                        className={styles.control}
                        value={line.quantity}
                        onChange={(_, data) => updateLine(line.key, { quantity: data.value })}
                        inputMode="decimal"
                        autoComplete="off"
                      />
                    </Field>
                    <Field className={styles.cell} label="Unit price" validationMessage={lineMessage(index, line, "unitPrice")}>
                      <Input
                        className={styles.control}
                        value={line.unitPrice}
                        onChange={(_, data) => updateLine(line.key, { unitPrice: data.value })}
                        inputMode="decimal"
                        autoComplete="off"
                      />
                    </Field>
                    <div className={styles.lineTotal}>
                      <span className={styles.lineTotalLabel}>Line total</span>
                      <span data-testid={`line-total-${index}`}>{money(lineTotal(line))}</span>
                    </div>
                    <div className={styles.rowAction}>
                      <Button icon={<DeleteRegular />} aria-label={`Remove line ${index + 1}`} onClick={() => removeLine(index, line.key)}>
                        Remove line
                      </Button>
                    </div>
                  </div>
                </fieldset>
              </li>
            ))}
          </ol>
        )}
        <div className={styles.actions}>
          <Button data-field="add-line" icon={<AddRegular />} onClick={addLine}>
            Add a line
          </Button>
          <Text>Lines total: {money(sum)}</Text>
        </div>
      </Section>

      <Section title="Totals" id="issue-totals">
        <div className={styles.fields}>
          <Field label="Total" hint={`Optional. When empty, the sum of the line totals: ${money(sum)}.`} validationMessage={message("total")}>
            <Input data-field="total" value={draft.total} onChange={(_, data) => update({ total: data.value })} inputMode="decimal" autoComplete="off" />
          </Field>
          <Field label="Tax total" hint="Optional." validationMessage={message("taxTotal")}>
            <Input
              data-field="taxTotal"
              value={draft.taxTotal}
              onChange={(_, data) => update({ taxTotal: data.value })}
              inputMode="decimal"
              autoComplete="off"
            />
          </Field>
        </div>
      </Section>

      <Section title="Related documents" id="issue-related">
        <p className={styles.hint}>The order, quotation or other document this one belongs to; the customer can open it from here.</p>
        {draft.related.length > 0 && (
          <ol className={styles.rows}>
            {draft.related.map((related, index) => (
              <li key={related.key}>
                <fieldset className={styles.row}>
                  <legend className={styles.legend}>Related document {index + 1}</legend>
                  <div className={styles.lineFields}>
                    <Field className={styles.cell} label="Type" validationMessage={relatedMessage(index, related, "type")}>
                      <Select
                        className={styles.control}
                        data-field={`related-${related.key}-type`}
                        value={related.type}
                        onChange={(_, data) => updateRelated(related.key, { type: data.value })}
                      >
                        {relatedTypes.map((t) => (
                          <option key={t.value} value={t.value}>
                            {t.label}
                          </option>
                        ))}
                      </Select>
                    </Field>
                    <Field className={styles.cellWide} label="Number" validationMessage={relatedMessage(index, related, "number")}>
                      <Input
                        className={styles.control}
                        value={related.number}
                        onChange={(_, data) => updateRelated(related.key, { number: data.value })}
                        maxLength={50}
                        autoComplete="off"
                        spellCheck={false}
                      />
                    </Field>
                    <div className={styles.rowAction}>
                      <Button
                        icon={<DeleteRegular />}
                        aria-label={`Remove related document ${index + 1}`}
                        onClick={() => removeRelated(index, related.key)}
                      >
                        Remove
                      </Button>
                    </div>
                  </div>
                </fieldset>
              </li>
            ))}
          </ol>
        )}
        <div className={styles.actions}>
          <Button data-field="add-related" icon={<AddRegular />} onClick={addRelated} disabled={draft.related.length >= 20}>
            Add a related document
          </Button>
        </div>
      </Section>

      <Card className={styles.card}>
        <Field label="Notes" hint="Shown to the customer with the document." validationMessage={message("notes")}>
          <Textarea data-field="notes" value={draft.notes} onChange={(_, data) => update({ notes: data.value })} maxLength={2000} resize="vertical" />
        </Field>
      </Card>

      {unplaced.length > 0 && (
        <MessageBar intent="error" layout="multiline" data-field="save-problems" tabIndex={-1}>
          <MessageBarBody>
            <MessageBarTitle>Some fields need correcting.</MessageBarTitle>
            <ul>
              {unplaced.map(([field, text]) => (
                <li key={field}>{text}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {save.isError && isApiStatus(save.error, 404) && failedCounterparty ? (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{unknownCounterparty(failedCounterparty)}</MessageBarTitle>
          </MessageBarBody>
        </MessageBar>
      ) : (
        save.isError && !(isApiStatus(save.error, 400) && describeError(save.error).fields) && <ErrorState error={save.error} />
      )}
      {saved && <SavedNotice saved={saved} onAnother={startAnother} />}

      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save document"}
        </Button>
      </div>
    </form>
  );
}

function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <Card className={styles.card} role="group" aria-labelledby={id}>
      <h2 className={styles.h2} id={id}>
        {title}
      </h2>
      {children}
    </Card>
  );
}

/** What the clerk reads after saving: which document, its total, where the customer finds it, and where its file goes. */
function SavedNotice({ saved, onAnother }: { saved: Saved; onAnother: () => void }) {
  const styles = useStyles();
  const { document, type, counterparty } = saved;
  const blob = fileBlobName(counterparty.id, type, document.number);
  return (
    <Notice intent="success" title={`${typeInfo(type).singular} ${document.number} saved.`}>
      <p>
        Total {formatMoney(document.total)}
        {document.taxTotal ? `, of which tax ${formatMoney(document.taxTotal)}` : ""}; {document.lines.length}{" "}
        {document.lines.length === 1 ? "line" : "lines"}. {counterparty.name} now sees it under Documents from supplier → {typeLabel(type)}.
      </p>
      <p>
        To attach its file, upload it to Blob Storage as <code className={styles.blob}>{blob}</code> (another file type keeps its own
        extension). The file appears with the document once it is uploaded.
      </p>
      <Button onClick={onAnother}>Issue another document</Button>
    </Notice>
  );
}

function unknownCounterparty(counterparty: CounterpartyView): string {
  return `The customer ${counterparty.name} no longer exists in the portal, so nothing was saved. Choose another customer and save again.`;
}

function isApiStatus(error: unknown, status: number): boolean {
  return error instanceof ApiError && error.status === status;
}
