import { Button, Card, Field, Input, Textarea } from "@fluentui/react-components";
import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { changedFields, describeChanges } from "../../../lib/changes";
import { useAnnounce } from "../../../lib/live";
import { describeError, fieldError } from "../../../lib/problems";
import { ErrorState, LoadingState, Notice, PageHeader } from "../../../lib/ui";
import { StaleNotice, isStale, useFormStyles } from "./editing";
import {
  fetchSupplierContacts,
  supplierContactsQueryKey,
  useSaveSupplierContacts,
  useSupplierContacts,
  type SupplierContacts,
  type SupplierContactsState,
} from "./api";

type Draft = { address: string; phone: string; email: string; hours: string };

const draftOf = (contacts: SupplierContacts): Draft => ({
  address: contacts.address ?? "",
  phone: contacts.phone ?? "",
  email: contacts.email ?? "",
  hours: contacts.hours ?? "",
});

const labels = { address: "the address", phone: "the phone number", email: "the email address", hours: "the opening hours" } as const;

/** The same rules as the API, so most mistakes are shown before anything is sent. */
export function contactProblems(draft: Draft): Partial<Record<keyof Draft, string>> {
  const problems: Partial<Record<keyof Draft, string>> = {};
  if (draft.phone.trim() === "") problems.phone = "Enter the phone number customers call.";
  else if (draft.phone.trim().length > 40) problems.phone = "Use at most 40 characters.";
  if (draft.email.trim() === "") problems.email = "Enter the email address customers write to.";
  else if (!draft.email.includes("@")) problems.email = "Enter an email address like sales@example.com.";
  else if (draft.email.trim().length > 254) problems.email = "Use at most 254 characters.";
  if (draft.address.length > 500) problems.address = "Use at most 500 characters.";
  if (draft.hours.length > 200) problems.hours = "Use at most 200 characters.";
  return problems;
}

/** Settings → Supplier contacts: how customers reach the company, shown on every customer's Account page. */
export function SupplierContactsPage() {
  const contacts = useSupplierContacts();
  return (
    <>
      <PageHeader title="Supplier contacts" subtitle="How customers reach you: shown to every customer on their Account page, beside their account manager." />
      {contacts.isPending ? (
        <LoadingState label="Loading the contacts…" />
      ) : contacts.isError ? (
        <ErrorState error={contacts.error} onRetry={() => contacts.refetch()} />
      ) : (
        <ContactsForm state={contacts.data} />
      )}
    </>
  );
}

function ContactsForm({ state }: { state: SupplierContactsState }) {
  const styles = useFormStyles();
  const client = useQueryClient();
  const announce = useAnnounce();
  const save = useSaveSupplierContacts();
  const [draft, setDraft] = useState<Draft>(() => draftOf(state.contacts));
  const [checked, setChecked] = useState(false);
  const [saved, setSaved] = useState(false);
  const [stale, setStale] = useState<string | null>(null);
  const phoneInput = useRef<HTMLInputElement>(null);
  const emailInput = useRef<HTMLInputElement>(null);
  const addressInput = useRef<HTMLTextAreaElement>(null);
  const hoursInput = useRef<HTMLInputElement>(null);
  const problems = checked ? contactProblems(draft) : {};
  const message = (field: keyof Draft) => problems[field] ?? fieldError(save.error, field);
  const set = (field: keyof Draft) => (_: unknown, data: { value: string }) => {
    setSaved(false);
    setDraft((current) => ({ ...current, [field]: data.value }));
  };

  /** A 412: show what the colleague saved in place of this page's version, and say what they changed. */
  const reloadAfterConflict = async () => {
    try {
      const latest = await client.fetchQuery({ queryKey: supplierContactsQueryKey, queryFn: ({ signal }) => fetchSupplierContacts(signal), staleTime: 0 });
      const text = describeChanges(changedFields(draftOf(state.contacts), draftOf(latest.contacts), labels));
      setDraft(draftOf(latest.contacts));
      setStale(text);
      announce(`${text} The latest version is shown now.`, "assertive");
    } catch (error) {
      announce(describeError(error).title, "assertive");
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    setStale(null);
    setChecked(true);
    const found = contactProblems(draft);
    const first = (["phone", "email", "address", "hours"] as const).find((field) => found[field]);
    if (first) {
      ({ phone: phoneInput, email: emailInput, address: addressInput, hours: hoursInput })[first].current?.focus();
      announce("Some fields need correcting.", "assertive");
      return;
    }
    save.mutate(
      {
        change: { address: draft.address.trim() || null, phone: draft.phone.trim(), email: draft.email.trim(), hours: draft.hours.trim() || null },
        etag: state.etag,
      },
      {
        onSuccess: ({ contacts }) => {
          setDraft(draftOf(contacts));
          setSaved(true);
          announce("Contacts saved. Customers see them now.");
        },
        onError: (error) => (isStale(error) ? void reloadAfterConflict() : announce(describeError(error).title, "assertive")),
      },
    );
  };

  const generalError = save.isError && !isStale(save.error) && !describeError(save.error).fields;
  return (
    <Card className={styles.form}>
      <form className={styles.card} onSubmit={submit} noValidate aria-labelledby="contacts-heading">
        <h2 className={styles.h2} id="contacts-heading">
          {state.contacts.companyName}
        </h2>
        <StaleNotice changes={stale} />
        {saved && <Notice intent="success" title="Contacts saved. Customers see them now." />}
        {generalError && <ErrorState error={save.error} />}
        <Field label="Phone" required hint="The number customers call, with the country code." validationMessage={message("phone")}>
          <Input ref={phoneInput} type="tel" value={draft.phone} onChange={set("phone")} autoComplete="tel" />
        </Field>
        <Field label="Email" required hint="Where customers write; it opens their mail program." validationMessage={message("email")}>
          <Input ref={emailInput} type="email" value={draft.email} onChange={set("email")} autoComplete="email" />
        </Field>
        <Field label="Address" validationMessage={message("address")}>
          <Textarea ref={addressInput} value={draft.address} onChange={set("address")} resize="vertical" autoComplete="street-address" />
        </Field>
        <Field label="Opening hours" hint="For example: Monday to Friday, 8:00–17:00." validationMessage={message("hours")}>
          <Input ref={hoursInput} value={draft.hours} onChange={set("hours")} />
        </Field>
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabled={save.isPending}>
            {save.isPending ? "Saving…" : "Save contacts"}
          </Button>
        </div>
      </form>
    </Card>
  );
}
