import {
  Button,
  Card,
  Field,
  Input,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { ApiError, api, request } from "../../lib/api";
import { useAnnounce } from "../../lib/live";
import { describeError, fieldError } from "../../lib/problems";
import { isCustomer, sessionQueryKey, useMe, useSession, useStoreSession, type MeView } from "../../lib/session";
import { DataList } from "../../lib/list";
import { EmptyState, ErrorState, LoadingState, Notice, PageHeader } from "../../lib/ui";
import type { Colleagues, ContactChange, PasswordChange } from "./api";
import { SupplierContacts } from "./SupplierContacts";

const useStyles = makeStyles({
  grid: { display: "grid", gap: tokens.spacingHorizontalL, gridTemplateColumns: "repeat(auto-fit, minmax(300px, 1fr))" },
  form: { display: "grid", gap: tokens.spacingVerticalM },
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  facts: { display: "grid", gridTemplateColumns: "max-content 1fr", gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`, margin: 0 },
  term: { color: tokens.colorNeutralForeground2 },
  wide: { gridColumn: "1 / -1" },
});

export function AccountPage() {
  const styles = useStyles();
  const me = useMe();
  return (
    <>
      <PageHeader title="My account" subtitle={`${me.user.displayName} · ${me.counterparty?.name ?? me.companyName}`} />
      <div className={styles.grid}>
        <Profile me={me} />
        {isCustomer(me) && <SupplierContacts />}
        <ContactForm me={me} />
        <PasswordForm />
        {isCustomer(me) && <Colleagues />}
      </div>
    </>
  );
}

function Profile({ me }: { me: MeView }) {
  const styles = useStyles();
  const company = me.counterparty;
  const facts: [string, string | null | undefined][] = [
    ["Username", me.user.username],
    ["Company", company?.name],
    ["Customer code", company?.code],
    ["Tax id", company?.taxId],
    ["Address", company?.address],
    ["Access group", me.accessGroup?.name],
    ["Product categories", me.accessGroup?.allowedCategories.length ? me.accessGroup.allowedCategories.join(", ") : company ? "All" : null],
    ["Supplier", me.companyName],
  ];
  return (
    <Card>
      <h2 className={styles.h2}>Who you are</h2>
      <dl className={styles.facts}>
        {facts
          .filter(([, value]) => value)
          .map(([term, value]) => (
            <div key={term} style={{ display: "contents" }}>
              <dt className={styles.term}>{term}</dt>
              <dd style={{ margin: 0 }}>{value}</dd>
            </div>
          ))}
      </dl>
    </Card>
  );
}

function ContactForm({ me }: { me: MeView }) {
  const styles = useStyles();
  const session = useSession();
  const client = useQueryClient();
  const storeSession = useStoreSession();
  const announce = useAnnounce();
  const [form, setForm] = useState({
    displayName: me.user.displayName,
    email: me.user.email ?? "",
    phone: me.user.phone ?? "",
    jobTitle: me.user.jobTitle ?? "",
  });
  const [saved, setSaved] = useState(false);

  const save = useMutation({
    mutationFn: () =>
      request<MeView>("PUT", "/api/me/contact", {
        body: {
          displayName: form.displayName,
          email: form.email || null,
          phone: form.phone || null,
          jobTitle: form.jobTitle || null,
        } satisfies ContactChange,
        ifMatch: session.data?.etag,
      }),
    onSuccess: ({ data, etag }) => {
      storeSession(data, etag);
      setSaved(true);
      announce("Contact information saved.");
    },
    onError: (error) => {
      // Changed in another tab or by the supplier: load the current version so the next save can succeed.
      if (error instanceof ApiError && error.status === 412) client.invalidateQueries({ queryKey: sessionQueryKey });
      announce(describeError(error).title, "assertive");
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    save.mutate();
  };
  const set = (field: keyof typeof form) => (_: unknown, data: { value: string }) => setForm((f) => ({ ...f, [field]: data.value }));
  const generalError = save.error && !describeError(save.error).fields;

  return (
    <Card>
      <form className={styles.form} onSubmit={submit} noValidate>
        <h2 className={styles.h2}>Contact information</h2>
        {saved && <Notice intent="success" title="Contact information saved." />}
        {generalError && <ErrorState error={save.error} />}
        <Field label="Name" required validationMessage={fieldError(save.error, "displayName")}>
          <Input value={form.displayName} onChange={set("displayName")} autoComplete="name" />
        </Field>
        <Field label="Email" validationMessage={fieldError(save.error, "email")}>
          <Input type="email" value={form.email} onChange={set("email")} autoComplete="email" />
        </Field>
        <Field label="Phone" validationMessage={fieldError(save.error, "phone")}>
          <Input type="tel" value={form.phone} onChange={set("phone")} autoComplete="tel" />
        </Field>
        <Field label="Job title" validationMessage={fieldError(save.error, "jobTitle")}>
          <Input value={form.jobTitle} onChange={set("jobTitle")} autoComplete="organization-title" />
        </Field>
        <div>
          <Button type="submit" appearance="primary" disabled={save.isPending}>
            {save.isPending ? "Saving…" : "Save contact information"}
          </Button>
        </div>
      </form>
    </Card>
  );
}

export function PasswordForm() {
  const styles = useStyles();
  const announce = useAnnounce();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [repeat, setRepeat] = useState("");
  const [mismatch, setMismatch] = useState(false);
  const [changed, setChanged] = useState(false);

  const change = useMutation({
    mutationFn: () => api.post<void>("/api/me/password", { currentPassword: current, newPassword: next } satisfies PasswordChange),
    onSuccess: () => {
      setCurrent("");
      setNext("");
      setRepeat("");
      setChanged(true);
      announce("Password changed. Other browsers signed in as you have been signed out.");
    },
    onError: (error) => announce(describeError(error).title, "assertive"),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChanged(false);
    // Checked here because only the person typing can know they mistyped; the server checks the rest.
    if (next !== repeat) {
      setMismatch(true);
      announce("The new passwords do not match.", "assertive");
      return;
    }
    setMismatch(false);
    change.mutate();
  };
  const generalError = change.error && !describeError(change.error).fields;

  return (
    <Card>
      <form className={styles.form} onSubmit={submit} noValidate aria-label="Change password">
        <h2 className={styles.h2}>Change password</h2>
        {changed && (
          <Notice intent="success" title="Password changed.">
            Other browsers signed in as you have been signed out.
          </Notice>
        )}
        {generalError && <ErrorState error={change.error} />}
        <Field label="Current password" required validationMessage={fieldError(change.error, "currentPassword")}>
          <Input type="password" value={current} onChange={(_, d) => setCurrent(d.value)} autoComplete="current-password" />
        </Field>
        <Field
          label="New password"
          required
          hint="At least 8 characters. A few unrelated words make a strong one."
          validationMessage={fieldError(change.error, "newPassword")}
        >
          <Input type="password" value={next} onChange={(_, d) => setNext(d.value)} autoComplete="new-password" />
        </Field>
        <Field label="Repeat the new password" required validationMessage={mismatch ? "The new passwords do not match." : undefined}>
          <Input type="password" value={repeat} onChange={(_, d) => setRepeat(d.value)} autoComplete="new-password" />
        </Field>
        <div>
          <Button type="submit" appearance="primary" disabled={change.isPending}>
            {change.isPending ? "Changing…" : "Change password"}
          </Button>
        </div>
      </form>
    </Card>
  );
}

function Colleagues() {
  const styles = useStyles();
  const colleagues = useQuery({
    queryKey: ["account", "users"],
    queryFn: ({ signal }) => api.get<Colleagues>("/api/account/users", signal),
  });
  return (
    <Card className={styles.wide}>
      <h2 className={styles.h2}>Colleagues at your company</h2>
      {colleagues.isPending ? (
        <LoadingState label="Loading colleagues…" />
      ) : colleagues.isError ? (
        <ErrorState error={colleagues.error} onRetry={() => colleagues.refetch()} />
      ) : colleagues.data.items.length === 0 ? (
        <EmptyState>No colleagues have portal accounts yet.</EmptyState>
      ) : (
        <DataList
          label="Colleagues"
          items={colleagues.data.items}
          rowKey={(c) => c.id}
          headingLevel={3}
          columns={[
            { header: "Name", card: "title", cell: (c) => `${c.displayName}${c.disabled ? " (disabled)" : ""}` },
            { header: "Job title", card: "plain", cell: (c) => c.jobTitle },
            { header: "Email", cell: (c) => c.email },
            { header: "Phone", kind: "nowrap", cell: (c) => c.phone },
          ]}
        />
      )}
    </Card>
  );
}
