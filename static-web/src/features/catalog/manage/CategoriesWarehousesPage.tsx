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
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { AddRegular, EditRegular } from "@fluentui/react-icons";
import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { ApiError } from "../../../lib/api";
import { useAnnounce } from "../../../lib/live";
import { describeError, fieldError } from "../../../lib/problems";
import { DataList } from "../../../lib/list";
import { EmptyState, ErrorState, LoadingState, Notice, PageHeader } from "../../../lib/ui";
import { fetchReference, referenceQueryKey, useReference, useSaveReference, type ReferenceKind } from "./api";

const useStyles = makeStyles({
  stack: { display: "grid", gap: tokens.spacingVerticalL },
  card: { display: "grid", gap: tokens.spacingVerticalM, minWidth: 0 },
  heading: { display: "flex", flexWrap: "wrap", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalM },
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  form: { display: "grid", gap: tokens.spacingVerticalM },
  short: { maxWidth: "10em" },
  mono: { fontFamily: tokens.fontFamilyMonospace },
});

/** The fields of a category or a warehouse as the form shows them; `id` is the company's key and cannot change. */
interface Row {
  id: string;
  name: string;
  /** Categories: the order customers see them in. Warehouses: the city. */
  extra: string;
  version: string | null;
}

interface Kind {
  kind: ReferenceKind;
  title: string;
  noun: string;
  extra: { label: string; hint: string; numeric: boolean };
  intro: string;
}

const sections: Kind[] = [
  {
    kind: "categories",
    title: "Categories",
    noun: "category",
    extra: { label: "Sort order", hint: "Customers see categories from the lowest number up.", numeric: true },
    intro: "Every product belongs to one category; access groups can restrict customers to some of them.",
  },
  {
    kind: "warehouses",
    title: "Warehouses",
    noun: "warehouse",
    extra: { label: "City", hint: "Shown to customers beside the stock of each warehouse.", numeric: false },
    intro: "Stock is kept per warehouse, and an order is split into one order per warehouse.",
  },
];

/** Staff: the catalog's categories and warehouses, listed fresh, created and edited safely. */
export function CategoriesWarehousesPage() {
  const styles = useStyles();
  return (
    <>
      <PageHeader title="Categories and warehouses" subtitle="Create them before a product file names them." />
      <div className={styles.stack}>
        {sections.map((section) => (
          <ReferenceSection key={section.kind} section={section} />
        ))}
      </div>
    </>
  );
}

function toRow(kind: ReferenceKind, item: { id: string; name: string; version: string; sortOrder?: number; city?: string }): Row {
  return { id: item.id, name: item.name, extra: kind === "categories" ? String(item.sortOrder ?? 0) : (item.city ?? ""), version: item.version };
}

function ReferenceSection({ section }: { section: Kind }) {
  const styles = useStyles();
  const list = useReference(section.kind);
  const [editing, setEditing] = useState<Row | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const headingId = `${section.kind}-heading`;
  const rows = (list.data ?? []).map((item) => toRow(section.kind, item));

  return (
    <Card className={styles.card}>
      <div className={styles.heading}>
        <h2 className={styles.h2} id={headingId}>
          {section.title}
        </h2>
        <Button
          icon={<AddRegular />}
          onClick={() => {
            setSaved(null);
            setEditing({ id: "", name: "", extra: section.kind === "categories" ? String(rows.length * 10) : "", version: null });
          }}
        >
          New {section.noun}
        </Button>
      </div>
      <p>{section.intro}</p>
      {saved && <Notice intent="success" title={saved} />}
      {list.isPending ? (
        <LoadingState label={`Loading ${section.title.toLowerCase()}…`} />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState>No {section.title.toLowerCase()} yet.</EmptyState>
      ) : (
        <DataList
        label={section.title}
        headingLevel={3}
        items={rows}
        rowKey={(row) => row.id}
        columns={[
          { header: "Name", cell: (row) => row.name, kind: "text", card: "title" },
          { header: "Id", cell: (row) => <span className={styles.mono}>{row.id}</span>, kind: "nowrap" },
          { header: section.extra.label, cell: (row) => row.extra, kind: section.extra.numeric ? "number" : "text" },
          {
            header: "Actions",
            card: "plain",
            cell: (row) => (
              <Button
                size="small"
                icon={<EditRegular />}
                aria-label={`Edit ${row.name}`}
                onClick={() => {
                  setSaved(null);
                  setEditing(row);
                }}
              >
                Edit
              </Button>
            ),
          },
        ]}
      />
      )}
      {/* Always mounted and opened by state, so closing restores the page (focus, and what the modal hid). */}
      <Dialog open={editing !== null} onOpenChange={(_, data) => !data.open && setEditing(null)}>
        <DialogSurface>
          {editing && (
            <EditForm
              key={`${editing.id}:${editing.version}`}
              section={section}
              initial={editing}
              onClose={() => setEditing(null)}
              onSaved={(message) => {
                setEditing(null);
                setSaved(message);
              }}
            />
          )}
        </DialogSurface>
      </Dialog>
    </Card>
  );
}

/** What another clerk changed, field by field, between the version this form started from and the latest. */
export function describeChanges(section: Pick<Kind, "extra">, before: Row, after: Row | undefined): string {
  if (!after) return "It no longer exists.";
  const changes: string[] = [];
  if (before.name !== after.name) changes.push(`name “${before.name}” → “${after.name}”`);
  if (before.extra !== after.extra) changes.push(`${section.extra.label.toLowerCase()} “${before.extra}” → “${after.extra}”`);
  return changes.length === 0 ? "It was saved again without visible changes." : `Changed: ${changes.join(", ")}.`;
}

/** What the form checks before sending; the API checks the same and answers per field otherwise. */
export function rowProblems(section: Pick<Kind, "extra">, row: Row): Partial<Record<"id" | "name" | "extra", string>> {
  const problems: Partial<Record<"id" | "name" | "extra", string>> = {};
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(row.id)) problems.id = "Use 1–64 letters, digits, '-', '_' or '.'.";
  const name = row.name.trim();
  if (name === "") problems.name = "Enter a name.";
  else if (name.length > 100) problems.name = `Use at most 100 characters (now ${name.length}).`;
  if (section.extra.numeric && !/^-?\d{1,9}$/.test(row.extra.trim())) problems.extra = "Enter a whole number, such as 10.";
  if (!section.extra.numeric && row.extra.trim().length > 100) problems.extra = "Use at most 100 characters.";
  return problems;
}

function EditForm({
  section,
  initial,
  onClose,
  onSaved,
}: {
  section: Kind;
  initial: Row;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const styles = useStyles();
  const client = useQueryClient();
  const announce = useAnnounce();
  const save = useSaveReference(section.kind);
  const [base, setBase] = useState(initial);
  const [draft, setDraft] = useState(initial);
  const [checked, setChecked] = useState(false);
  const [conflict, setConflict] = useState<string | null>(null);
  const idInput = useRef<HTMLInputElement>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  const extraInput = useRef<HTMLInputElement>(null);
  const creating = initial.version === null;
  const problems = checked ? rowProblems(section, draft) : {};

  /** A 412: show the latest version in the form, and say what the other person changed. */
  const reloadAfterConflict = async () => {
    try {
      const latest = await client.fetchQuery({ queryKey: referenceQueryKey(section.kind), queryFn: ({ signal }) => fetchReference(section.kind, signal), staleTime: 0 });
      const found = latest.find((item) => item.id === base.id);
      const message = `Someone changed this ${section.noun} in the meantime. ${describeChanges(section, base, found && toRow(section.kind, found))} The latest values are shown now; check them and save again.`;
      if (found) {
        const row = toRow(section.kind, found);
        setBase(row);
        setDraft(row);
      }
      setConflict(message);
      announce(message, "assertive");
    } catch (error) {
      announce(describeError(error).title, "assertive");
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    setConflict(null);
    const found = rowProblems(section, draft);
    if (found.id || found.name || found.extra) {
      (found.id && creating ? idInput : found.name ? nameInput : extraInput).current?.focus();
      announce("Some fields need correcting.", "assertive");
      return;
    }
    const change =
      section.kind === "categories"
        ? { id: draft.id, name: draft.name.trim(), sortOrder: Number(draft.extra.trim()) }
        : { id: draft.id, name: draft.name.trim(), city: draft.extra.trim() || null };
    save.mutate(
      { change, version: base.version },
      {
        onSuccess: () => {
          const message = `${section.noun.charAt(0).toUpperCase() + section.noun.slice(1)} ${draft.name.trim()} ${creating ? "created" : "saved"}.`;
          announce(message);
          onSaved(message);
        },
        onError: (error) =>
          error instanceof ApiError && error.status === 412 ? void reloadAfterConflict() : announce(describeError(error).title, "assertive"),
      },
    );
  };

  const apiProblem = save.isError && !(save.error instanceof ApiError && save.error.status === 412) && !describeError(save.error).fields;
  const title = creating ? `New ${section.noun}` : `Edit ${section.noun} ${initial.name}`;
  return (
    <form onSubmit={submit} noValidate>
      <DialogBody>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent className={styles.form}>
          {conflict && <Notice intent="warning" title="Someone changed this in the meantime.">{conflict}</Notice>}
          {apiProblem && <ErrorState error={save.error} />}
          <Field
            label="Id"
            required={creating}
            hint={creating ? "The company's own key; product and price files name it. It cannot change later." : "The company's own key; it cannot change."}
            validationMessage={(creating ? problems.id : undefined) ?? fieldError(save.error, "id")}
          >
            <Input
              ref={idInput}
              className={styles.mono}
              value={draft.id}
              readOnly={!creating}
              onChange={(_, data) => setDraft({ ...draft, id: data.value })}
              autoComplete="off"
              spellCheck={false}
            />
          </Field>
          <Field label="Name" required validationMessage={problems.name ?? fieldError(save.error, "name")}>
            <Input ref={nameInput} value={draft.name} onChange={(_, data) => setDraft({ ...draft, name: data.value })} autoComplete="off" />
          </Field>
          <Field
            label={section.extra.label}
            hint={section.extra.hint}
            validationMessage={problems.extra ?? fieldError(save.error, section.kind === "categories" ? "sortOrder" : "city")}
          >
            <Input
              ref={extraInput}
              className={section.extra.numeric ? styles.short : undefined}
              inputMode={section.extra.numeric ? "numeric" : undefined}
              value={draft.extra}
              onChange={(_, data) => setDraft({ ...draft, extra: data.value })}
              autoComplete="off"
            />
          </Field>
        </DialogContent>
        <DialogActions>
          <Button type="submit" appearance="primary" disabled={save.isPending}>
            {save.isPending ? "Saving…" : creating ? `Create ${section.noun}` : "Save"}
          </Button>
          <Button onClick={onClose}>Cancel</Button>
        </DialogActions>
      </DialogBody>
    </form>
  );
}
