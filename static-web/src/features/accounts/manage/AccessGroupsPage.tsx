import {
  Button,
  Card,
  Checkbox,
  Field,
  Input,
  Radio,
  RadioGroup,
  Text,
} from "@fluentui/react-components";
import { AddRegular } from "@fluentui/react-icons";
import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { changedFields, describeChanges } from "../../../lib/changes";
import { useAnnounce } from "../../../lib/live";
import { describeError, fieldError } from "../../../lib/problems";
import { DataList, type ListColumn } from "../../../lib/list";
import { EmptyState, ErrorState, LoadingState, Notice, PageHeader } from "../../../lib/ui";
import {
  fetchAccessGroup,
  manageKeys,
  useAccessGroup,
  useAccessGroups,
  useCategories,
  useSaveAccessGroup,
  type AccessGroup,
  type AccessGroupSummary,
  type Category,
  type Versioned,
} from "./api";
import { BackLink, StaleNotice, idProblem, isStale, suggestId, useFormStyles } from "./editing";

/** Settings → Access groups: every group, what it restricts and how many users it has. */
export function AccessGroupsPage() {
  const navigate = useNavigate();
  const groups = useAccessGroups();
  const categories = useCategories();
  const names = new Map((categories.data?.items ?? []).map((c) => [c.id, c.name]));
  const columns: ListColumn<AccessGroupSummary>[] = [
    { header: "Name", card: "title", cell: (g) => <Link to={`/manage/access-groups/${encodeURIComponent(g.id)}`}>{g.name}</Link> },
    { header: "Profile", cell: (g) => g.profile },
    {
      header: "Product categories",
      kind: "text",
      cell: (g) => (g.allowedCategories.length === 0 ? "All categories" : g.allowedCategories.map((id) => names.get(id) ?? id).join(", ")),
    },
    {
      header: "Users",
      kind: "number",
      card: "primary",
      cell: (g) => (
        <Link to={`/manage/users?accessGroupId=${encodeURIComponent(g.id)}`} aria-label={`${g.users} users in ${g.name}`}>
          {g.users}
        </Link>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title="Access groups"
        subtitle="Groups based on the Customer profile. A group may restrict its users to some product categories."
        actions={
          <Button appearance="primary" icon={<AddRegular />} onClick={() => navigate("/manage/access-groups/new")}>
            New access group
          </Button>
        }
      />
      {groups.isPending ? (
        <LoadingState label="Loading access groups…" />
      ) : groups.isError ? (
        <ErrorState error={groups.error} onRetry={() => groups.refetch()} />
      ) : groups.data.items.length === 0 ? (
        <EmptyState>No access groups yet. Create one to put customer users in it.</EmptyState>
      ) : (
        <DataList label="Access groups" items={groups.data.items} rowKey={(g) => g.id} columns={columns} />
      )}
    </>
  );
}

/** Settings → Access groups → a group: create one (no id in the address) or edit one. */
export function AccessGroupPage() {
  const { id } = useParams();
  return id ? <EditAccessGroup id={id} /> : <AccessGroupForm current={null} />;
}

function EditAccessGroup({ id }: { id: string }) {
  const group = useAccessGroup(id);
  return group.isPending ? (
    <LoadingState label="Loading the access group…" />
  ) : group.isError ? (
    <>
      <BackLink to="/manage/access-groups">Access groups</BackLink>
      <ErrorState error={group.error} onRetry={() => group.refetch()} />
    </>
  ) : (
    <AccessGroupForm key={id} current={group.data} />
  );
}

interface Draft {
  id: string;
  name: string;
  restricted: boolean;
  allowedCategories: string[];
}

const draftOf = (g: AccessGroup): Draft => ({ id: g.id, name: g.name, restricted: g.allowedCategories.length > 0, allowedCategories: g.allowedCategories });

const labels = { name: "the name", allowedCategories: "the product categories" } as const;

/** What the page checks before sending (the API checks the same). */
export function groupProblems(draft: Draft, creating: boolean): Partial<Record<"id" | "name" | "allowedCategories", string>> {
  const problems: Partial<Record<"id" | "name" | "allowedCategories", string>> = {};
  if (creating && idProblem(draft.id)) problems.id = idProblem(draft.id);
  if (draft.name.trim() === "") problems.name = "Enter the group's name.";
  else if (draft.name.trim().length > 100) problems.name = "Use at most 100 characters.";
  if (draft.restricted && draft.allowedCategories.length === 0) problems.allowedCategories = "Pick at least one category, or allow all categories.";
  return problems;
}

function AccessGroupForm({ current }: { current: Versioned<AccessGroup> | null }) {
  const styles = useFormStyles();
  const client = useQueryClient();
  const announce = useAnnounce();
  const navigate = useNavigate();
  const save = useSaveAccessGroup();
  const categories = useCategories();
  const creating = current === null;
  const [base, setBase] = useState(current);
  const [draft, setDraft] = useState<Draft>(current ? draftOf(current.value) : { id: "", name: "", restricted: false, allowedCategories: [] });
  const [idEdited, setIdEdited] = useState(false);
  const [checked, setChecked] = useState(false);
  const [stale, setStale] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);
  const problems = checked ? groupProblems(draft, creating) : {};

  const reloadAfterConflict = async () => {
    try {
      const latest = await client.fetchQuery({ queryKey: manageKeys.group(draft.id), queryFn: ({ signal }) => fetchAccessGroup(draft.id, signal), staleTime: 0 });
      const message = describeChanges(base ? changedFields(base.value, latest.value, labels) : []);
      setBase(latest);
      setDraft(draftOf(latest.value));
      setStale(message);
      announce(message, "assertive");
    } catch (error) {
      announce(describeError(error).title, "assertive");
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    setSaved(false);
    const found = groupProblems(draft, creating);
    if (Object.keys(found).length > 0) {
      nameInput.current?.focus();
      announce("Some fields need correcting.", "assertive");
      return;
    }
    setStale(null);
    save.mutate(
      {
        id: draft.id,
        change: { name: draft.name.trim(), allowedCategories: draft.restricted ? draft.allowedCategories : [] },
        etag: base?.etag ?? null,
      },
      {
        onSuccess: (result) => {
          announce(creating ? "Access group created." : "Access group saved.");
          if (creating) {
            void navigate(`/manage/access-groups/${encodeURIComponent(result.value.id)}`);
          } else {
            setBase(result);
            setDraft(draftOf(result.value));
            setSaved(true);
          }
        },
        onError: (error) => (isStale(error) ? void reloadAfterConflict() : announce(describeError(error).title, "assertive")),
      },
    );
  };

  const toggle = (category: Category, on: boolean) =>
    setDraft({
      ...draft,
      allowedCategories: on ? [...draft.allowedCategories, category.id] : draft.allowedCategories.filter((c) => c !== category.id),
    });

  const generalError = save.isError && !isStale(save.error) && !describeError(save.error).fields;
  return (
    <>
      <BackLink to="/manage/access-groups">Access groups</BackLink>
      <PageHeader title={creating ? "New access group" : draft.name || "Access group"} subtitle="Based on the Customer profile." />
      <Card className={styles.form}>
        <form className={styles.card} onSubmit={submit} noValidate aria-label={creating ? "New access group" : "Access group"}>
          <StaleNotice changes={stale} />
          {saved && <Notice intent="success" title="Access group saved." />}
          {generalError && <ErrorState error={save.error} />}
          <Field label="Name" required validationMessage={problems.name ?? fieldError(save.error, "name")}>
            <Input
              ref={nameInput}
              value={draft.name}
              onChange={(_, d) => setDraft({ ...draft, name: d.value, id: creating && !idEdited ? suggestId(d.value) : draft.id })}
            />
          </Field>
          {creating ? (
            <Field label="Id" required hint="The group's key; it cannot change later." validationMessage={problems.id ?? fieldError(save.error, "id")}>
              <Input
                value={draft.id}
                onChange={(_, d) => {
                  setIdEdited(true);
                  setDraft({ ...draft, id: d.value });
                }}
                spellCheck={false}
              />
            </Field>
          ) : (
            <Text className={styles.hint}>Id: {draft.id}</Text>
          )}
          <Field label="Profile">
            <Input value="Customer" readOnly />
          </Field>
          <Field label="Product categories" validationMessage={problems.allowedCategories ?? fieldError(save.error, "allowedCategories")}>
            <RadioGroup value={draft.restricted ? "some" : "all"} onChange={(_, d) => setDraft({ ...draft, restricted: d.value === "some" })}>
              <Radio value="all" label="All categories" />
              <Radio value="some" label="Only the categories picked below" />
            </RadioGroup>
          </Field>
          {draft.restricted && (
            <fieldset className={styles.card}>
              <legend>Categories the group's users see</legend>
              {categories.isPending ? (
                <LoadingState label="Loading the categories…" />
              ) : categories.isError ? (
                <ErrorState error={categories.error} onRetry={() => categories.refetch()} />
              ) : (
                categories.data.items.map((c) => (
                  <Checkbox key={c.id} label={c.name} checked={draft.allowedCategories.includes(c.id)} onChange={(_, d) => toggle(c, d.checked === true)} />
                ))
              )}
            </fieldset>
          )}
          <div className={styles.actions}>
            <Button type="submit" appearance="primary" disabled={save.isPending}>
              {save.isPending ? "Saving…" : creating ? "Create access group" : "Save access group"}
            </Button>
          </div>
        </form>
      </Card>
    </>
  );
}
