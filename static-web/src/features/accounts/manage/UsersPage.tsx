import { Badge, Button, Field, Input } from "@fluentui/react-components";
import { AddRegular, SearchRegular } from "@fluentui/react-icons";
import { useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import { FilterSelect, useUrlFilters } from "../../../lib/filters";
import { formatDateTime } from "../../../lib/format";
import { DataList, type ListColumn } from "../../../lib/list";
import { EmptyState, ErrorState, LoadingState, PageHeader } from "../../../lib/ui";
import { noUserFilters, useAccessGroups, useCounterparties, useUsers, type UserCredentials, type UserFilters, type UserKind, type UserSummary } from "./api";
import { useFormStyles } from "./editing";

const filterNames = Object.keys(noUserFilters) as (keyof UserFilters)[];

export const credentialsLabel: Record<UserCredentials, string> = {
  usernameAndPassword: "Username and password",
  usernameOnly: "Username only",
};

export const kindLabel: Record<UserKind, string> = { customer: "External user", staff: "Staff" };

/** Settings → Users: external users and staff, searched and filtered by the server, a page at a time. */
export function UsersPage() {
  const styles = useFormStyles();
  const navigate = useNavigate();
  const { filters, filtered, setFilter, clear } = useUrlFilters(filterNames);
  const users = useUsers(filters);
  const items = users.data?.pages.flatMap((p) => p.items) ?? [];


  return (
    <>
      <PageHeader
        title="Users"
        subtitle="External users of your customers and your own staff: who they are, how they sign in and when they last did."
        actions={
          <Button appearance="primary" icon={<AddRegular />} onClick={() => navigate("/manage/users/new")}>
            New user
          </Button>
        }
      />
      <UserFiltersBar filters={filters} setFilter={setFilter} onClear={filtered ? clear : undefined} />
      {users.isPending ? (
        <LoadingState label="Loading users…" />
      ) : users.isError ? (
        <ErrorState error={users.error} onRetry={() => users.refetch()} />
      ) : items.length === 0 && !users.hasNextPage ? (
        <EmptyState>{filtered ? "No users match these filters." : "No users yet."}</EmptyState>
      ) : (
        <>
          <UsersTable users={items} />
          {users.hasNextPage && (
            <div className={styles.more}>
              <Button onClick={() => users.fetchNextPage()} disabled={users.isFetchingNextPage}>
                {users.isFetchingNextPage ? "Loading…" : "Show more users"}
              </Button>
            </div>
          )}
        </>
      )}
    </>
  );
}

function UserFiltersBar({
  filters,
  setFilter,
  onClear,
}: {
  filters: UserFilters;
  setFilter: (name: keyof UserFilters, value: string) => void;
  onClear?: () => void;
}) {
  const styles = useFormStyles();
  const counterparties = useCounterparties();
  const groups = useAccessGroups();
  const [search, setSearch] = useState(filters.search);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFilter("search", search.trim());
  };
  return (
    <div className={styles.filters} role="search" aria-label="Find users">
      <form onSubmit={submit} className={styles.actions}>
        <Field label="Username or name starts with">
          <Input value={search} onChange={(_, d) => setSearch(d.value)} type="search" />
        </Field>
        <Button type="submit" icon={<SearchRegular />} style={{ alignSelf: "end" }}>
          Search
        </Button>
      </form>
      <FilterSelect
        label="Counterparty"
        value={filters.counterpartyId}
        choices={(counterparties.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
        onChange={(v) => setFilter("counterpartyId", v)}
      />
      <FilterSelect
        label="Access group"
        value={filters.accessGroupId}
        choices={[{ value: "none", label: "In no group" }, ...(groups.data?.items ?? []).map((g) => ({ value: g.id, label: g.name }))]}
        onChange={(v) => setFilter("accessGroupId", v)}
      />
      <FilterSelect
        label="Kind"
        value={filters.kind}
        choices={[{ value: "customer", label: "External users" }, { value: "staff", label: "Staff" }]}
        onChange={(v) => setFilter("kind", v)}
      />
      <FilterSelect
        label="Signs in with"
        value={filters.credentials}
        choices={[{ value: "usernameAndPassword", label: credentialsLabel.usernameAndPassword }, { value: "usernameOnly", label: credentialsLabel.usernameOnly }]}
        onChange={(v) => setFilter("credentials", v)}
        anyLabel="Either"
      />
      <FilterSelect
        label="Status"
        value={filters.disabled}
        choices={[{ value: "false", label: "Enabled" }, { value: "true", label: "Disabled" }]}
        onChange={(v) => setFilter("disabled", v)}
      />
      {onClear && <Button onClick={onClear}>Clear filters</Button>}
    </div>
  );
}

function UsersTable({ users }: { users: UserSummary[] }) {
  const counterparties = useCounterparties();
  const groups = useAccessGroups();
  const counterpartyName = new Map((counterparties.data?.items ?? []).map((c) => [c.id, c.name]));
  const groupName = new Map((groups.data?.items ?? []).map((g) => [g.id, g.name]));
  const columns: ListColumn<UserSummary>[] = [
    { header: "Username", card: "title", cell: (u) => <Link to={`/manage/users/${encodeURIComponent(u.id)}`}>{u.username}</Link> },
    { header: "Name", kind: "text", card: "plain", cell: (u) => u.displayName },
    { header: "Kind", kind: "nowrap", cell: (u) => (u.companyAdministrator ? `${kindLabel[u.kind]} · administrator` : kindLabel[u.kind]) },
    { header: "Counterparty", cell: (u) => (u.counterpartyId ? (counterpartyName.get(u.counterpartyId) ?? u.counterpartyId) : "—") },
    {
      header: "Access group",
      cell: (u) =>
        u.inNoAccessGroup ? (
          <Badge appearance="tint" color="warning">
            No group: cannot sign in
          </Badge>
        ) : u.accessGroupId ? (
          groupName.get(u.accessGroupId) ?? u.accessGroupId
        ) : (
          "—"
        ),
    },
    { header: "Signs in with", kind: "nowrap", cell: (u) => credentialsLabel[u.credentials] },
    {
      header: "Status",
      card: "primary",
      cell: (u) =>
        u.disabled ? (
          <Badge appearance="tint" color="danger">
            Disabled
          </Badge>
        ) : (
          "Enabled"
        ),
    },
    { header: "Last signed in", kind: "nowrap", card: "primary", cell: (u) => (u.lastSignInAt ? formatDateTime(u.lastSignInAt) : "Never") },
  ];
  return <DataList label="Users" items={users} rowKey={(u) => u.id} columns={columns} />;
}
