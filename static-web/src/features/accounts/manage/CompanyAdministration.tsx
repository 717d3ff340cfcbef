// On a counterparty's page: what its customer administrators may do (the access groups they may put colleagues in)
// and every account change made there by them or by staff (who, when, what). Staff make a user an administrator on
// the user's page.
import { Button, Card, Checkbox } from "@fluentui/react-components";
import { useState, type FormEvent } from "react";
import { formatDateTime } from "../../../lib/format";
import { useAnnounce } from "../../../lib/live";
import { DataList, type ListColumn } from "../../../lib/list";
import { EmptyState, ErrorState, LoadingState, Notice } from "../../../lib/ui";
import { useAccessGroups, useAccountAudit, useAllowedGroups, useSaveAllowedGroups, type AuditEntry } from "./api";
import { useFormStyles } from "./editing";

export function CompanyAdministration({ counterpartyId }: { counterpartyId: string }) {
  return (
    <>
      <AllowedGroupsCard counterpartyId={counterpartyId} />
      <AuditCard counterpartyId={counterpartyId} />
    </>
  );
}

function AllowedGroupsCard({ counterpartyId }: { counterpartyId: string }) {
  const styles = useFormStyles();
  const allowed = useAllowedGroups(counterpartyId);
  const groups = useAccessGroups();
  return (
    <Card className={styles.card} role="region" aria-labelledby="allowed-groups-title">
      <h2 className={styles.h2} id="allowed-groups-title">
        Groups its administrators may hand out
      </h2>
      <p className={styles.detail}>
        A user you make an administrator of this company invites colleagues on <em>Account → Colleagues</em> and may put them
        only in the groups ticked here.
      </p>
      {allowed.isPending || groups.isPending ? (
        <LoadingState label="Loading the groups…" />
      ) : allowed.isError ? (
        <ErrorState error={allowed.error} onRetry={() => allowed.refetch()} />
      ) : groups.isError ? (
        <ErrorState error={groups.error} onRetry={() => groups.refetch()} />
      ) : (
        <AllowedGroupsForm
          key={allowed.dataUpdatedAt}
          counterpartyId={counterpartyId}
          initial={allowed.data.accessGroups.map((g) => g.id)}
          groups={groups.data.items}
        />
      )}
    </Card>
  );
}

function AllowedGroupsForm(props: { counterpartyId: string; initial: string[]; groups: { id: string; name: string }[] }) {
  const styles = useFormStyles();
  const announce = useAnnounce();
  const save = useSaveAllowedGroups(props.counterpartyId);
  const [ticked, setTicked] = useState<string[]>(props.initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(ticked, { onSuccess: () => announce("The groups its administrators may hand out are saved.") });
  };
  return (
    <form onSubmit={submit} aria-label="Groups its administrators may hand out">
      {save.isError && <ErrorState error={save.error} />}
      {save.isSuccess && <Notice intent="success" title="Saved." />}
      <fieldset className={styles.card}>
        <legend className={styles.detail}>Access groups</legend>
        {props.groups.map((g) => (
          <Checkbox
            key={g.id}
            label={g.name}
            checked={ticked.includes(g.id)}
            onChange={(_, d) => setTicked(d.checked ? [...ticked, g.id] : ticked.filter((id) => id !== g.id))}
          />
        ))}
      </fieldset>
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={save.isPending}>
          Save groups
        </Button>
      </div>
    </form>
  );
}

const auditColumns: ListColumn<AuditEntry>[] = [
  { header: "When", card: "title", kind: "nowrap", cell: (a) => formatDateTime(a.at) },
  { header: "Who", card: "primary", cell: (a) => `${a.actorUsername}${a.actorKind === "Staff" ? " (staff)" : ""}` },
  { header: "User", card: "primary", cell: (a) => a.targetUsername ?? "—" },
  { header: "What", kind: "text", cell: (a) => a.action.replace(/-/g, " ") },
  { header: "Detail", kind: "text", cell: (a) => a.detail ?? "" },
];

function AuditCard({ counterpartyId }: { counterpartyId: string }) {
  const styles = useFormStyles();
  const audit = useAccountAudit(counterpartyId);
  const items = audit.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card className={styles.card} role="region" aria-labelledby="account-changes-title">
      <h2 className={styles.h2} id="account-changes-title">
        Account changes
      </h2>
      {audit.isPending ? (
        <LoadingState label="Loading account changes…" />
      ) : audit.isError ? (
        <ErrorState error={audit.error} onRetry={() => audit.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState>No account changes by an administrator of this company or by staff yet.</EmptyState>
      ) : (
        <>
          <DataList label="Account changes" items={items} rowKey={(a) => `${a.at}-${a.targetUserId ?? ""}-${a.action}`} columns={auditColumns} />
          {audit.hasNextPage && (
            <div className={styles.actions}>
              <Button onClick={() => audit.fetchNextPage()} disabled={audit.isFetchingNextPage}>
                {audit.isFetchingNextPage ? "Loading…" : "Show more changes"}
              </Button>
            </div>
          )}
        </>
      )}
    </Card>
  );
}
