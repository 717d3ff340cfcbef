import {
  Button,
  Card,
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
} from "@fluentui/react-components";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { Link, useParams } from "react-router";
import { newIdempotencyKey } from "../../../lib/api";
import { changedFields, describeChanges } from "../../../lib/changes";
import { formatDateTime } from "../../../lib/format";
import { useAnnounce } from "../../../lib/live";
import { describeError, fieldError } from "../../../lib/problems";
import { ErrorState, LoadingState, Notice, PageHeader } from "../../../lib/ui";
import {
  fetchUser,
  manageKeys,
  useAccessGroups,
  useCounterparties,
  useCreateUser,
  useUpdateUser,
  useUser,
  type ManagedUser,
  type NewUser,
  type UserChange,
  type UserKind,
  type Versioned,
} from "./api";
import { BackLink, StaleNotice, isStale, useFormStyles } from "./editing";
import { PasswordField, ShownOncePassword } from "./PasswordField";
import { credentialsLabel, kindLabel } from "./UsersPage";

// ---------------------------------------------------------------------------------------------------------------
// A new user.

interface NewUserDraft {
  kind: UserKind;
  username: string;
  displayName: string;
  email: string;
  counterpartyId: string;
  accessGroupId: string;
  withPassword: boolean;
  password: string;
}

const emptyUser: NewUserDraft = {
  kind: "customer",
  username: "",
  displayName: "",
  email: "",
  counterpartyId: "",
  accessGroupId: "",
  withPassword: true,
  password: "",
};

/** What the page checks before sending; the API checks the same (and the password policy) and answers per field. */
export function newUserProblems(d: NewUserDraft): Partial<Record<keyof NewUserDraft, string>> {
  const problems: Partial<Record<keyof NewUserDraft, string>> = {};
  if (d.username.trim() === "") problems.username = "Enter a username.";
  else if (!/^[\p{L}\p{N}._@-]{1,100}$/u.test(d.username.trim())) problems.username = "Use letters, digits and . - _ @ only.";
  if (d.displayName.trim() === "") problems.displayName = "Enter the user's name.";
  if (d.kind === "customer" && d.counterpartyId === "") problems.counterpartyId = "Pick the customer this user belongs to.";
  if (d.withPassword && d.password.length < 8) problems.password = "Use at least 8 characters, or generate a password.";
  return problems;
}

export function NewUserPage() {
  const styles = useFormStyles();
  const announce = useAnnounce();
  const create = useCreateUser();
  const [draft, setDraft] = useState(emptyUser);
  const [checked, setChecked] = useState(false);
  const [created, setCreated] = useState<{ user: ManagedUser; password: string | null } | null>(null);
  const problems = checked ? newUserProblems(draft) : {};
  // One Idempotency-Key per user being filled in: pressing Create again after an answer was lost sends the same
  // request with the same key and gets the user the first one made (not "username taken"); a changed form is a new request.
  const [attempt, setAttempt] = useState(newIdempotencyKey);
  const set = (change: Partial<NewUserDraft>) => {
    setDraft({ ...draft, ...change });
    setAttempt(newIdempotencyKey());
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(newUserProblems(draft)).length > 0) {
      announce("Some fields need correcting.", "assertive");
      return;
    }
    const customer = draft.kind === "customer";
    const body: NewUser = {
      kind: draft.kind,
      username: draft.username.trim(),
      displayName: draft.displayName.trim(),
      email: draft.email.trim() || null,
      counterpartyId: customer ? draft.counterpartyId : null,
      accessGroupId: customer && draft.accessGroupId ? draft.accessGroupId : null,
      password: draft.withPassword ? draft.password : null,
    };
    create.mutate({ user: body, idempotencyKey: attempt }, {
      onSuccess: (user) => {
        setCreated({ user, password: draft.withPassword ? draft.password : null });
        setDraft(emptyUser);
        setAttempt(newIdempotencyKey());
        setChecked(false);
        announce(`User ${user.username} created.`);
      },
      onError: (error) => announce(describeError(error).title, "assertive"),
    });
  };

  const generalError = create.isError && !describeError(create.error).fields;
  return (
    <>
      <BackLink to="/manage/users">Users</BackLink>
      <PageHeader title="New user" subtitle="An external user of a customer, or a member of your staff." />
      {created && (
        <Notice intent="success" title={`User ${created.user.username} created.`}>
          {created.password ? (
            <>
              Give the user this password. It is shown only now.
              <ShownOncePassword password={created.password} />
            </>
          ) : (
            "The user signs in with the username only, through your company's directory."
          )}{" "}
          <Link to={`/manage/users/${encodeURIComponent(created.user.id)}`}>Open {created.user.displayName}</Link>
        </Notice>
      )}
      <Card className={styles.form}>
        <form className={styles.card} onSubmit={submit} noValidate aria-label="New user">
          {generalError && <ErrorState error={create.error} />}
          <Field label="Kind">
            <RadioGroup value={draft.kind} onChange={(_, d) => set({ kind: d.value as UserKind })} layout="horizontal">
              <Radio value="customer" label={kindLabel.customer} />
              <Radio value="staff" label={kindLabel.staff} />
            </RadioGroup>
          </Field>
          <Field label="Username" required validationMessage={problems.username ?? fieldError(create.error, "username")}>
            <Input value={draft.username} onChange={(_, d) => set({ username: d.value })} autoComplete="off" spellCheck={false} />
          </Field>
          <Field label="Name" required validationMessage={problems.displayName ?? fieldError(create.error, "displayName")}>
            <Input value={draft.displayName} onChange={(_, d) => set({ displayName: d.value })} autoComplete="off" />
          </Field>
          <Field label="Email" validationMessage={fieldError(create.error, "email")}>
            <Input type="email" value={draft.email} onChange={(_, d) => set({ email: d.value })} autoComplete="off" />
          </Field>
          {draft.kind === "customer" && (
            <>
              <CounterpartySelect
                value={draft.counterpartyId}
                onChange={(counterpartyId) => set({ counterpartyId })}
                validationMessage={problems.counterpartyId ?? fieldError(create.error, "counterpartyId")}
              />
              <GroupSelect value={draft.accessGroupId} onChange={(accessGroupId) => set({ accessGroupId })} error={fieldError(create.error, "accessGroupId")} />
            </>
          )}
          <Field label="Signs in with">
            <RadioGroup value={draft.withPassword ? "password" : "username"} onChange={(_, d) => set({ withPassword: d.value === "password" })}>
              <Radio value="password" label={credentialsLabel.usernameAndPassword} />
              <Radio value="username" label={`${credentialsLabel.usernameOnly} (through your company's directory)`} />
            </RadioGroup>
          </Field>
          {draft.withPassword && (
            <PasswordField
              label="Password"
              value={draft.password}
              onChange={(password) => set({ password })}
              hint="At least 8 characters. Generate one to hand over; it is shown once."
              validationMessage={problems.password ?? fieldError(create.error, "password")}
            />
          )}
          <div className={styles.actions}>
            <Button type="submit" appearance="primary" disabled={create.isPending}>
              {create.isPending ? "Creating…" : "Create user"}
            </Button>
          </div>
        </form>
      </Card>
    </>
  );
}

function CounterpartySelect({ value, onChange, validationMessage }: { value: string; onChange: (id: string) => void; validationMessage?: string }) {
  const counterparties = useCounterparties();
  return (
    <Field label="Counterparty" required validationMessage={validationMessage ?? (counterparties.isError ? describeError(counterparties.error).title : undefined)}>
      <Select value={value} onChange={(_, d) => onChange(d.value)}>
        <option value="">Pick a counterparty</option>
        {(counterparties.data?.items ?? []).map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </Select>
    </Field>
  );
}

function GroupSelect({ value, onChange, error }: { value: string; onChange: (id: string) => void; error?: string }) {
  const groups = useAccessGroups();
  return (
    <Field label="Access group" hint="What the user may see of the catalog." validationMessage={error ?? (groups.isError ? describeError(groups.error).title : undefined)}>
      <Select value={value} onChange={(_, d) => onChange(d.value)}>
        <option value="">No group</option>
        {(groups.data?.items ?? []).map((g) => (
          <option key={g.id} value={g.id}>
            {g.name}
          </option>
        ))}
      </Select>
    </Field>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// One user.

const userLabels = {
  displayName: "the name",
  email: "the email",
  phone: "the phone",
  jobTitle: "the job title",
  accessGroupId: "the access group",
  disabled: "whether the user is disabled",
  credentials: "how the user signs in",
  companyAdministrator: "whether the user administers its company",
} as const;

export function UserPage() {
  const { id = "" } = useParams();
  const user = useUser(id);
  return (
    <>
      <BackLink to="/manage/users">Users</BackLink>
      {user.isPending ? (
        <LoadingState label="Loading the user…" />
      ) : user.isError ? (
        <ErrorState error={user.error} onRetry={() => user.refetch()} />
      ) : (
        <UserDetail key={id} id={id} current={user.data} />
      )}
    </>
  );
}

/** A change to the user, sent against the version on screen; on 412 the page shows the latest and says what changed. */
type Save = (change: Partial<UserChange>, done: (saved: Versioned<ManagedUser>) => void) => void;

function UserDetail({ id, current }: { id: string; current: Versioned<ManagedUser> }) {
  const styles = useFormStyles();
  const client = useQueryClient();
  const announce = useAnnounce();
  const update = useUpdateUser(id);
  const [stale, setStale] = useState<string | null>(null);
  // Sections keep their drafts; once the version reloaded after a 412 arrives, each gets a new key and starts from it.
  const [generation, setGeneration] = useState(0);
  const reloading = useRef(false);
  useEffect(() => {
    if (reloading.current) {
      reloading.current = false;
      setGeneration((g) => g + 1);
    }
  }, [current.etag]);
  const u = current.value;

  const save: Save = (change, done) => {
    setStale(null);
    const body: UserChange = {
      displayName: u.displayName,
      disabled: u.disabled,
      accessGroupId: u.accessGroupId ?? null,
      email: u.email ?? null,
      phone: u.phone ?? null,
      jobTitle: u.jobTitle ?? null,
      ...change,
    };
    update.mutate(
      { change: body, etag: current.etag },
      {
        onSuccess: done,
        onError: async (error) => {
          if (!isStale(error)) {
            announce(describeError(error).title, "assertive");
            return;
          }
          try {
            reloading.current = true;
            const latest = await client.fetchQuery({ queryKey: manageKeys.user(id), queryFn: ({ signal }) => fetchUser(id, signal), staleTime: 0 });
            const message = describeChanges(changedFields(u, latest.value, userLabels));
            setStale(message);
            announce(message, "assertive");
          } catch (reloadError) {
            announce(describeError(reloadError).title, "assertive");
          }
        },
      },
    );
  };

  const generalError = update.isError && !isStale(update.error) && !describeError(update.error).fields;
  return (
    <>
      <PageHeader title={u.displayName} subtitle={`${u.username} · ${kindLabel[u.kind]}`} />
      <div className={styles.form}>
        <StaleNotice changes={stale} />
        {generalError && <ErrorState error={update.error} />}
        <UserFacts user={u} />
        <DetailsForm key={`d${generation}`} user={u} save={save} error={update.error} pending={update.isPending} />
        <StatusCard user={u} save={save} pending={update.isPending} />
        {u.kind === "customer" && <AdministratorCard user={u} save={save} pending={update.isPending} />}
        <PasswordCard key={`p${generation}`} user={u} save={save} error={update.error} pending={update.isPending} />
      </div>
    </>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const styles = useFormStyles();
  const id = `section-${title.replace(/\W+/g, "-").toLowerCase()}`;
  return (
    <Card className={styles.card} role="region" aria-labelledby={id}>
      <h2 className={styles.h2} id={id}>
        {title}
      </h2>
      {children}
    </Card>
  );
}

function UserFacts({ user }: { user: ManagedUser }) {
  const styles = useFormStyles();
  const counterparties = useCounterparties();
  const groups = useAccessGroups();
  const counterparty = counterparties.data?.items.find((c) => c.id === user.counterpartyId);
  const group = groups.data?.items.find((g) => g.id === user.accessGroupId);
  const facts: [string, string][] = [
    ["Username", user.username],
    ["Kind", kindLabel[user.kind]],
    ...(user.kind === "customer"
      ? ([
          ["Counterparty", counterparty?.name ?? user.counterpartyId ?? "—"],
          ["Access group", user.accessGroupId ? (group?.name ?? user.accessGroupId) : "No group"],
          ["Company administrator", user.companyAdministrator ? "Yes: manages colleagues on Account → Colleagues" : "No"],
        ] as [string, string][])
      : []),
    ["Signs in with", credentialsLabel[user.credentials]],
    ["Status", user.disabled ? "Disabled" : "Enabled"],
    ["Last signed in", user.lastSignInAt ? formatDateTime(user.lastSignInAt) : "Never"],
    ...(user.lockedUntil && new Date(user.lockedUntil) > new Date()
      ? ([["Locked until", `${formatDateTime(user.lockedUntil)} (too many failed sign-ins)`]] as [string, string][])
      : []),
  ];
  return (
    <Section title="Account">
      {user.inNoAccessGroup && (
        <Notice intent="warning" title="In no customer access group">
          This user cannot sign in until you put them in an access group below.
        </Notice>
      )}
      <dl className={styles.facts}>
        {facts.map(([term, value]) => (
          <div key={term} style={{ display: "contents" }}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.detail}>{value}</dd>
          </div>
        ))}
      </dl>
    </Section>
  );
}

function DetailsForm({ user, save, error, pending }: { user: ManagedUser; save: Save; error: unknown; pending: boolean }) {
  const styles = useFormStyles();
  const announce = useAnnounce();
  const [draft, setDraft] = useState({
    displayName: user.displayName,
    email: user.email ?? "",
    phone: user.phone ?? "",
    jobTitle: user.jobTitle ?? "",
    accessGroupId: user.accessGroupId ?? "",
  });
  const [saved, setSaved] = useState(false);
  const nameProblem = draft.displayName.trim() === "" ? "Enter the user's name." : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (nameProblem) {
      announce(nameProblem, "assertive");
      return;
    }
    save(
      {
        displayName: draft.displayName.trim(),
        email: draft.email.trim() || null,
        phone: draft.phone.trim() || null,
        jobTitle: draft.jobTitle.trim() || null,
        accessGroupId: user.kind === "customer" && draft.accessGroupId ? draft.accessGroupId : null,
      },
      () => {
        setSaved(true);
        announce("User saved.");
      },
    );
  };
  const groupChanged = (user.accessGroupId ?? "") !== draft.accessGroupId;
  return (
    <Section title="Details">
      <form className={styles.card} onSubmit={submit} noValidate aria-label="User details">
        {saved && <Notice intent="success" title="User saved." />}
        <Field label="Name" required validationMessage={nameProblem ?? fieldError(error, "displayName")}>
          <Input value={draft.displayName} onChange={(_, d) => setDraft({ ...draft, displayName: d.value })} />
        </Field>
        <Field label="Email" validationMessage={fieldError(error, "email")}>
          <Input type="email" value={draft.email} onChange={(_, d) => setDraft({ ...draft, email: d.value })} />
        </Field>
        <Field label="Phone" validationMessage={fieldError(error, "phone")}>
          <Input type="tel" value={draft.phone} onChange={(_, d) => setDraft({ ...draft, phone: d.value })} />
        </Field>
        <Field label="Job title" validationMessage={fieldError(error, "jobTitle")}>
          <Input value={draft.jobTitle} onChange={(_, d) => setDraft({ ...draft, jobTitle: d.value })} />
        </Field>
        {user.kind === "customer" && (
          <GroupSelect value={draft.accessGroupId} onChange={(accessGroupId) => setDraft({ ...draft, accessGroupId })} error={fieldError(error, "accessGroupId")} />
        )}
        {groupChanged && <Notice intent="info" title="Changing the group signs the user out, so the new group applies at once." />}
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabled={pending}>
            Save details
          </Button>
        </div>
      </form>
    </Section>
  );
}

function StatusCard({ user, save, pending }: { user: ManagedUser; save: Save; pending: boolean }) {
  const styles = useFormStyles();
  const announce = useAnnounce();
  return (
    <Section title="Status">
      <p className={styles.detail}>
        {user.disabled ? "The user is disabled and cannot sign in." : "The user is enabled. Disabling signs the user out at once."}
      </p>
      <div className={styles.actions}>
        <Button
          disabled={pending}
          onClick={() => save({ disabled: !user.disabled }, () => announce(user.disabled ? "The user is enabled." : "The user is disabled and signed out."))}
        >
          {user.disabled ? "Enable user" : "Disable user"}
        </Button>
      </div>
    </Section>
  );
}

function AdministratorCard({ user, save, pending }: { user: ManagedUser; save: Save; pending: boolean }) {
  const styles = useFormStyles();
  const announce = useAnnounce();
  return (
    <Section title="Company administrator">
      <p className={styles.detail}>
        {user.companyAdministrator
          ? "This user manages its colleagues: invites them, disables them, resets their passwords and puts them in the groups you allow on the counterparty's page. Every change is recorded there."
          : "An administrator of its company manages its colleagues on Account → Colleagues, within the access groups you allow on the counterparty's page."}
      </p>
      <div className={styles.actions}>
        <Button
          disabled={pending}
          onClick={() =>
            save({ companyAdministrator: !user.companyAdministrator }, () =>
              announce(user.companyAdministrator ? "The user is no longer an administrator of its company." : "The user is now an administrator of its company."),
            )
          }
        >
          {user.companyAdministrator ? "Stop being administrator" : "Make administrator of its company"}
        </Button>
      </div>
    </Section>
  );
}

function PasswordCard({ user, save, error, pending }: { user: ManagedUser; save: Save; error: unknown; pending: boolean }) {
  const styles = useFormStyles();
  const announce = useAnnounce();
  const [password, setPassword] = useState("");
  const [shown, setShown] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  // The question appears below the button; focus goes to its harmless answer, so a hasty Enter changes nothing.
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);
  const hasPassword = user.credentials === "usernameAndPassword";
  const tooShort = password.length > 0 && password.length < 8;

  const setNew = (event: FormEvent) => {
    event.preventDefault();
    if (password.length < 8) {
      announce("Use at least 8 characters, or generate a password.", "assertive");
      return;
    }
    const value = password;
    save({ newPassword: value }, () => {
      setShown(value);
      setPassword("");
      announce("The new password is set and the user was signed out everywhere.");
    });
  };

  const remove = () => {
    setConfirming(false);
    save({ removePassword: true }, () => announce("The password is removed. The user signs in with the username only."));
  };

  return (
    <Section title="Sign-in">
      <p className={styles.detail}>
        {hasPassword
          ? "The user signs in with the username and a password."
          : "The user signs in with the username only, through your company's directory. Setting a password adds sign-in with a password."}
      </p>
      {shown && (
        <Notice intent="success" title="New password set.">
          Give the user this password. It is shown only now.
          <ShownOncePassword password={shown} />
        </Notice>
      )}
      <form className={styles.card} onSubmit={setNew} noValidate aria-label="Set a new password">
        <PasswordField
          label="New password"
          value={password}
          onChange={setPassword}
          hint="Setting it signs the user out everywhere."
          validationMessage={(tooShort ? "Use at least 8 characters." : undefined) ?? fieldError(error, "newPassword")}
        />
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabled={pending || password.length === 0}>
            Set new password
          </Button>
          {hasPassword && (
            <Button type="button" disabled={pending} onClick={() => setConfirming(true)}>
              Remove the password (username only)
            </Button>
          )}
        </div>
      </form>
      {confirming && (
        <div role="group" aria-labelledby="remove-password-question" className={styles.card}>
          <p id="remove-password-question" className={styles.detail}>
            <strong>Remove {user.displayName}'s password?</strong> The user is signed out at once and from then on signs in with the username only,
            through your company's directory.
          </p>
          <div className={styles.actions}>
            <Button ref={cancelRef} type="button" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <Button type="button" appearance="primary" onClick={remove}>
              Remove the password
            </Button>
          </div>
        </div>
      )}
    </Section>
  );
}
