import {
  Button,
  Card,
  Field,
  Input,
  SearchBox,
  Text,
  Textarea,
} from "@fluentui/react-components";
import { AddRegular } from "@fluentui/react-icons";
import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { changedFields, describeChanges } from "../../../lib/changes";
import { useAnnounce } from "../../../lib/live";
import { useUrlFilters } from "../../../lib/filters";
import { describeError, fieldError } from "../../../lib/problems";
import { DataList, type ListColumn } from "../../../lib/list";
import { EmptyState, ErrorState, LoadingState, Notice, PageHeader } from "../../../lib/ui";
import { fetchCounterparty, manageKeys, useCounterparties, useCounterparty, useSaveCounterparty, type Counterparty, type Versioned } from "./api";
import { CompanyAdministration } from "./CompanyAdministration";
import { BackLink, StaleNotice, idProblem, isStale, suggestId, useFormStyles } from "./editing";

const counterpartyColumns: ListColumn<Counterparty>[] = [
  { header: "Name", card: "title", cell: (c) => <Link to={`/manage/counterparties/${encodeURIComponent(c.id)}`}>{c.name}</Link> },
  { header: "Code", kind: "nowrap", card: "primary", cell: (c) => c.code ?? "—" },
  { header: "Tax id", kind: "nowrap", card: "primary", cell: (c) => c.taxId ?? "—" },
  { header: "Email", cell: (c) => c.email ?? "—" },
  { header: "Phone", kind: "nowrap", cell: (c) => c.phone ?? "—" },
  {
    header: "Users",
    card: "plain",
    cell: (c) => (
      <Link to={`/manage/users?counterpartyId=${encodeURIComponent(c.id)}`} aria-label={`Users of ${c.name}`}>
        Users
      </Link>
    ),
  },
];

/** How many counterparties the list shows at first and adds with each "Show more". */
export const counterpartiesPageSize = 50;

/** The counterparties whose name, code, tax id or email contain every word typed, in any case. */
export function matchCounterparties(items: readonly Counterparty[], search: string): Counterparty[] {
  const words = search.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...items];
  return items.filter((c) => {
    const text = [c.name, c.code, c.taxId, c.email, c.id].filter(Boolean).join(" ").toLocaleLowerCase();
    return words.every((w) => text.includes(w));
  });
}

/**
 * Customers → Counterparties: the companies that buy through the portal. The API answers the whole list (a few
 * storage pages even for thousands: the same list every counterparty picker reads, cached by the browser); the page
 * finds in it by what the clerk types (kept in the address) and shows it 50 at a time.
 */
export function CounterpartiesPage() {
  const navigate = useNavigate();
  const styles = useFormStyles();
  const counterparties = useCounterparties();
  const { filters, setFilter } = useUrlFilters(["search"] as const);
  const [shown, setShown] = useState(counterpartiesPageSize);
  const found = counterparties.data ? matchCounterparties(counterparties.data.items, filters.search) : [];
  return (
    <>
      <PageHeader
        title="Counterparties"
        subtitle="The companies that buy through the portal, with their codes, tax ids, contacts and addresses."
        actions={
          <Button appearance="primary" icon={<AddRegular />} onClick={() => navigate("/manage/counterparties/new")}>
            New counterparty
          </Button>
        }
      />
      {counterparties.isPending ? (
        <LoadingState label="Loading counterparties…" />
      ) : counterparties.isError ? (
        <ErrorState error={counterparties.error} onRetry={() => counterparties.refetch()} />
      ) : counterparties.data.items.length === 0 ? (
        <EmptyState>No counterparties yet.</EmptyState>
      ) : (
        <>
          <div className={styles.filters} role="search" aria-label="Find counterparties">
            <Field label="Find by name, code, tax id or email">
              <SearchBox
                value={filters.search}
                onChange={(_, d) => {
                  setFilter("search", d.value);
                  setShown(counterpartiesPageSize);
                }}
              />
            </Field>
          </div>
          <Text role="status">
            {found.length === counterparties.data.items.length
              ? `${found.length.toLocaleString()} counterparties`
              : `${found.length.toLocaleString()} of ${counterparties.data.items.length.toLocaleString()} counterparties match`}
          </Text>
          {found.length === 0 ? (
            <EmptyState>No counterparty matches “{filters.search}”.</EmptyState>
          ) : (
            <DataList label="Counterparties" items={found.slice(0, shown)} rowKey={(c) => c.id} columns={counterpartyColumns} />
          )}
          {found.length > shown && (
            <div className={styles.more}>
              <Button onClick={() => setShown((n) => n + counterpartiesPageSize)}>
                Show more counterparties ({(found.length - shown).toLocaleString()} more)
              </Button>
            </div>
          )}
        </>
      )}
    </>
  );
}

/** Customers → Counterparties → one: create (no id in the address) or edit. */
export function CounterpartyPage() {
  const { id } = useParams();
  return id ? <EditCounterparty id={id} /> : <CounterpartyForm current={null} />;
}

function EditCounterparty({ id }: { id: string }) {
  const counterparty = useCounterparty(id);
  return counterparty.isPending ? (
    <LoadingState label="Loading the counterparty…" />
  ) : counterparty.isError ? (
    <>
      <BackLink to="/manage/counterparties">Counterparties</BackLink>
      <ErrorState error={counterparty.error} onRetry={() => counterparty.refetch()} />
    </>
  ) : (
    <CounterpartyForm key={id} current={counterparty.data} />
  );
}

type Draft = Record<"id" | "name" | "code" | "taxId" | "email" | "phone" | "address" | "managerName" | "managerEmail" | "managerPhone", string>;

const draftOf = (c: Counterparty): Draft => ({
  id: c.id,
  name: c.name,
  code: c.code ?? "",
  taxId: c.taxId ?? "",
  email: c.email ?? "",
  phone: c.phone ?? "",
  address: c.address ?? "",
  managerName: c.manager?.name ?? "",
  managerEmail: c.manager?.email ?? "",
  managerPhone: c.manager?.phone ?? "",
});

const labels = {
  name: "the name",
  code: "the code",
  taxId: "the tax id",
  email: "the email",
  phone: "the phone",
  address: "the address",
  manager: "the account manager",
} as const;

/** What the page checks before sending (the API checks the same). */
export function counterpartyProblems(d: Draft, creating: boolean): Partial<Record<keyof Draft, string>> {
  const problems: Partial<Record<keyof Draft, string>> = {};
  if (creating && idProblem(d.id)) problems.id = idProblem(d.id);
  if (d.name.trim() === "") problems.name = "Enter the counterparty's name.";
  else if (d.name.trim().length > 200) problems.name = "Use at most 200 characters.";
  if (d.code.trim().length > 50) problems.code = "Use at most 50 characters.";
  if (d.taxId.trim().length > 50) problems.taxId = "Use at most 50 characters.";
  if (d.address.trim().length > 500) problems.address = "Use at most 500 characters.";
  return problems;
}

function CounterpartyForm({ current }: { current: Versioned<Counterparty> | null }) {
  const styles = useFormStyles();
  const client = useQueryClient();
  const announce = useAnnounce();
  const navigate = useNavigate();
  const save = useSaveCounterparty();
  const creating = current === null;
  const [base, setBase] = useState(current);
  const [draft, setDraft] = useState<Draft>(
    current ? draftOf(current.value) : { id: "", name: "", code: "", taxId: "", email: "", phone: "", address: "", managerName: "", managerEmail: "", managerPhone: "" },
  );
  const [idEdited, setIdEdited] = useState(false);
  const [checked, setChecked] = useState(false);
  const [stale, setStale] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);
  const problems = checked ? counterpartyProblems(draft, creating) : {};
  const set = (change: Partial<Draft>) => setDraft({ ...draft, ...change });
  const error = (field: keyof Draft) => problems[field] ?? fieldError(save.error, field);

  const reloadAfterConflict = async () => {
    try {
      const latest = await client.fetchQuery({ queryKey: manageKeys.counterparty(draft.id), queryFn: ({ signal }) => fetchCounterparty(draft.id, signal), staleTime: 0 });
      const message = describeChanges(base ? changedFields(base.value, latest.value, labels) : []);
      setBase(latest);
      setDraft(draftOf(latest.value));
      setStale(message);
      announce(message, "assertive");
    } catch (reloadError) {
      announce(describeError(reloadError).title, "assertive");
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    setSaved(false);
    if (Object.keys(counterpartyProblems(draft, creating)).length > 0) {
      nameInput.current?.focus();
      announce("Some fields need correcting.", "assertive");
      return;
    }
    setStale(null);
    const blank = (value: string) => value.trim() || null;
    save.mutate(
      {
        id: draft.id,
        change: {
          name: draft.name.trim(),
          code: blank(draft.code),
          taxId: blank(draft.taxId),
          email: blank(draft.email),
          phone: blank(draft.phone),
          address: blank(draft.address),
          managerName: blank(draft.managerName),
          managerEmail: blank(draft.managerEmail),
          managerPhone: blank(draft.managerPhone),
        },
        etag: base?.etag ?? null,
      },
      {
        onSuccess: (result) => {
          announce(creating ? "Counterparty created." : "Counterparty saved.");
          if (creating) {
            void navigate(`/manage/counterparties/${encodeURIComponent(result.value.id)}`);
          } else {
            setBase(result);
            setDraft(draftOf(result.value));
            setSaved(true);
          }
        },
        onError: (e) => (isStale(e) ? void reloadAfterConflict() : announce(describeError(e).title, "assertive")),
      },
    );
  };

  const generalError = save.isError && !isStale(save.error) && !describeError(save.error).fields;
  return (
    <>
      <BackLink to="/manage/counterparties">Counterparties</BackLink>
      <PageHeader title={creating ? "New counterparty" : draft.name || "Counterparty"} />
      <Card className={styles.form}>
        <form className={styles.card} onSubmit={submit} noValidate aria-label={creating ? "New counterparty" : "Counterparty"}>
          <StaleNotice changes={stale} />
          {saved && <Notice intent="success" title="Counterparty saved." />}
          {generalError && <ErrorState error={save.error} />}
          <Field label="Name" required validationMessage={error("name")}>
            <Input
              ref={nameInput}
              value={draft.name}
              onChange={(_, d) => set({ name: d.value, id: creating && !idEdited ? suggestId(d.value) : draft.id })}
              autoComplete="off"
            />
          </Field>
          {creating ? (
            <Field label="Id" required hint="The key your ERP knows the customer by; it cannot change later." validationMessage={error("id")}>
              <Input
                value={draft.id}
                onChange={(_, d) => {
                  setIdEdited(true);
                  set({ id: d.value });
                }}
                spellCheck={false}
              />
            </Field>
          ) : (
            <Text className={styles.hint}>Id: {draft.id}</Text>
          )}
          <Field label="Code" hint="Your own customer code." validationMessage={error("code")}>
            <Input value={draft.code} onChange={(_, d) => set({ code: d.value })} spellCheck={false} />
          </Field>
          <Field label="Tax id" validationMessage={error("taxId")}>
            <Input value={draft.taxId} onChange={(_, d) => set({ taxId: d.value })} spellCheck={false} />
          </Field>
          <Field label="Email" validationMessage={error("email")}>
            <Input type="email" value={draft.email} onChange={(_, d) => set({ email: d.value })} />
          </Field>
          <Field label="Phone" validationMessage={error("phone")}>
            <Input type="tel" value={draft.phone} onChange={(_, d) => set({ phone: d.value })} />
          </Field>
          <Field label="Address" validationMessage={error("address")}>
            <Textarea value={draft.address} onChange={(_, d) => set({ address: d.value })} resize="vertical" />
          </Field>
          <Field label="Account manager" hint="Your colleague who looks after this customer; customers see the name and contacts on their account page." validationMessage={error("managerName")}>
            <Input value={draft.managerName} onChange={(_, d) => set({ managerName: d.value })} autoComplete="off" />
          </Field>
          <Field label="Account manager's email" validationMessage={error("managerEmail")}>
            <Input type="email" value={draft.managerEmail} onChange={(_, d) => set({ managerEmail: d.value })} />
          </Field>
          <Field label="Account manager's phone" validationMessage={error("managerPhone")}>
            <Input type="tel" value={draft.managerPhone} onChange={(_, d) => set({ managerPhone: d.value })} />
          </Field>
          <div className={styles.actions}>
            <Button type="submit" appearance="primary" disabled={save.isPending}>
              {save.isPending ? "Saving…" : creating ? "Create counterparty" : "Save counterparty"}
            </Button>
          </div>
        </form>
      </Card>
      {!creating && <CompanyAdministration counterpartyId={draft.id} />}
    </>
  );
}
