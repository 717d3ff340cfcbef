import {
  Button,
  Card,
  Field,
  Input,
  Radio,
  RadioGroup,
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
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api, newIdempotencyKey, request } from "../../lib/api";
import { useAnnounce } from "../../lib/live";
import { describeError, fieldError } from "../../lib/problems";
import { ErrorState, LoadingState, Notice, PageHeader, TableScroll, useDataTableStyles } from "../../lib/ui";
import type { ColleagueAdmin, InviteColleague, InvitedColleague, ManagedColleague, NewPassword, UpdateColleague } from "./api";

const useStyles = makeStyles({
  layout: { display: "grid", gap: tokens.spacingVerticalL },
  form: { display: "grid", gap: tokens.spacingVerticalM, maxWidth: "480px" },
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  secret: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase400, userSelect: "all" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

const key = ["account", "colleagues"] as const;

/**
 * Account → Colleagues, for the company's administrator (staff make one): invite colleagues, disable them, reset
 * their password and put them in the access groups the supplier allows for the company. Every change is recorded
 * for the supplier.
 */
export function ColleaguesPage() {
  const styles = useStyles();
  const list = useQuery({ queryKey: key, queryFn: ({ signal }) => api.get<ColleagueAdmin>("/api/account/colleagues", signal) });
  const [secret, setSecret] = useState<{ who: string; password: string } | null>(null);

  return (
    <>
      <PageHeader title="Colleagues" subtitle="Who at your company may use the portal, and what they may see." />
      {list.isPending && <LoadingState label="Loading your colleagues…" />}
      {list.isError && <ErrorState error={list.error} onRetry={() => list.refetch()} />}
      {list.data && (
        <div className={styles.layout}>
          {secret && (
            <Notice intent="success" title={`The password for ${secret.who}, shown this once:`}>
              <span className={styles.secret}>{secret.password}</span> — pass it on safely; the portal does not keep it.
            </Notice>
          )}
          <ColleagueTable data={list.data} onPassword={setSecret} />
          <InviteForm data={list.data} onPassword={setSecret} />
        </div>
      )}
    </>
  );
}

function ColleagueTable({ data, onPassword }: { data: ColleagueAdmin; onPassword: (s: { who: string; password: string }) => void }) {
  const styles = useStyles();
  const tableStyles = useDataTableStyles();
  const client = useQueryClient();
  const announce = useAnnounce();
  const groupName = (id?: string | null) => data.allowedGroups.find((g) => g.id === id)?.name ?? id ?? "None";
  const change = useMutation({
    mutationFn: async ({ colleague, next }: { colleague: ManagedColleague; next: Partial<UpdateColleague> }) => {
      // The colleague as it is now, with its version, so a change made meanwhile is not overwritten.
      const current = await request<ManagedColleague>("GET", `/api/account/colleagues/${encodeURIComponent(colleague.id)}`);
      const body: UpdateColleague = {
        displayName: current.data.displayName,
        disabled: current.data.disabled,
        accessGroupId: current.data.accessGroupId ?? "",
        ...next,
      };
      return (await request<ManagedColleague>("PUT", `/api/account/colleagues/${encodeURIComponent(colleague.id)}`, { body, ifMatch: current.etag })).data;
    },
    onSuccess: (saved) => {
      announce(`${saved.displayName} saved.`);
      void client.invalidateQueries({ queryKey: key });
    },
  });
  const reset = useMutation({
    mutationFn: async (colleague: ManagedColleague) =>
      (await api.post<NewPassword>(`/api/account/colleagues/${encodeURIComponent(colleague.id)}/password`)).password,
    onSuccess: (password, colleague) => onPassword({ who: colleague.displayName, password }),
  });
  const error = change.error ?? reset.error;

  return (
    <div>
      <h2 id="colleagues-heading" className={styles.h2}>
        Your company’s users
      </h2>
      {error && <ErrorState error={error} />}
      <TableScroll label="Your company’s users">
        <Table aria-labelledby="colleagues-heading" className={tableStyles.table}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Name</TableHeaderCell>
              <TableHeaderCell>Username</TableHeaderCell>
              <TableHeaderCell>Signs in with</TableHeaderCell>
              <TableHeaderCell>Access group</TableHeaderCell>
              <TableHeaderCell>Status</TableHeaderCell>
              <TableHeaderCell>Actions</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.items.map((c) => (
              <TableRow key={c.id}>
                <TableCell>
                  {c.displayName}
                  {c.companyAdministrator ? " (administrator)" : ""}
                </TableCell>
                <TableCell>{c.username}</TableCell>
                <TableCell>{c.hasPassword ? "Password" : "Work account"}</TableCell>
                <TableCell>
                  {c.companyAdministrator ? (
                    groupName(c.accessGroupId)
                  ) : (
                    <Select
                      aria-label={`Access group of ${c.displayName}`}
                      value={c.accessGroupId ?? ""}
                      disabled={change.isPending}
                      onChange={(_, d) => change.mutate({ colleague: c, next: { accessGroupId: d.value } })}
                    >
                      {!data.allowedGroups.some((g) => g.id === c.accessGroupId) && <option value={c.accessGroupId ?? ""}>{groupName(c.accessGroupId)}</option>}
                      {data.allowedGroups.map((g) => (
                        <option key={g.id} value={g.id}>
                          {g.name}
                        </option>
                      ))}
                    </Select>
                  )}
                </TableCell>
                <TableCell>{c.disabled ? "Disabled" : "Active"}</TableCell>
                <TableCell>
                  {!c.companyAdministrator && (
                    <div className={styles.actions}>
                      <Button size="small" disabled={change.isPending} onClick={() => change.mutate({ colleague: c, next: { disabled: !c.disabled } })}>
                        {c.disabled ? `Enable ${c.displayName}` : `Disable ${c.displayName}`}
                      </Button>
                      {c.hasPassword && (
                        <Button size="small" disabled={reset.isPending} onClick={() => reset.mutate(c)}>
                          {`Reset password of ${c.displayName}`}
                        </Button>
                      )}
                    </div>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableScroll>
    </div>
  );
}

function InviteForm({ data, onPassword }: { data: ColleagueAdmin; onPassword: (s: { who: string; password: string }) => void }) {
  const styles = useStyles();
  const client = useQueryClient();
  const announce = useAnnounce();
  const empty = { username: "", displayName: "", accessGroupId: data.allowedGroups[0]?.id ?? "", withPassword: true };
  const [form, setForm] = useState<InviteColleague>(empty);
  // One key per invite being filled in: a retry of the same invite creates the colleague once.
  const [attempt, setAttempt] = useState(newIdempotencyKey);
  const invite = useMutation({
    mutationFn: () => api.post<InvitedColleague>("/api/account/colleagues", form, { idempotencyKey: attempt }),
    onSuccess: (result) => {
      announce(`${result.colleague.displayName} invited.`);
      if (result.password) onPassword({ who: result.colleague.displayName, password: result.password });
      setForm(empty);
      setAttempt(newIdempotencyKey());
      void client.invalidateQueries({ queryKey: key });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate();
  };
  const set = (patch: Partial<InviteColleague>) => setForm((f) => ({ ...f, ...patch }));
  const hasFieldErrors = describeError(invite.error).fields !== undefined;

  if (data.allowedGroups.length === 0) {
    return (
      <Notice intent="info" title="Your supplier has not allowed any access groups for your company yet.">
        Ask them which groups your colleagues may be in; then you can invite colleagues here.
      </Notice>
    );
  }
  return (
    <Card>
      <form className={styles.form} onSubmit={submit} aria-labelledby="invite-heading" noValidate>
        <h2 id="invite-heading" className={styles.h2}>
          Invite a colleague
        </h2>
        {invite.error && !hasFieldErrors && <ErrorState error={invite.error} />}
        <Field label="Username" required validationMessage={fieldError(invite.error, "username")}>
          <Input value={form.username} onChange={(_, d) => set({ username: d.value })} autoComplete="off" />
        </Field>
        <Field label="Name" required validationMessage={fieldError(invite.error, "displayName")}>
          <Input value={form.displayName} onChange={(_, d) => set({ displayName: d.value })} autoComplete="off" />
        </Field>
        <Field label="Access group" required validationMessage={fieldError(invite.error, "accessGroupId")}>
          <Select value={form.accessGroupId} onChange={(_, d) => set({ accessGroupId: d.value })}>
            {data.allowedGroups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Signs in with">
          <RadioGroup value={form.withPassword ? "password" : "work"} onChange={(_, d) => set({ withPassword: d.value === "password" })}>
            <Radio value="password" label="Username and password (the password is shown once)" />
            <Radio value="work" label="Username only (their work account)" />
          </RadioGroup>
        </Field>
        <Button type="submit" appearance="primary" disabled={invite.isPending}>
          {invite.isPending ? "Inviting…" : "Invite"}
        </Button>
      </form>
    </Card>
  );
}
