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
  Switch,
  Text,
  makeStyles,
  tokens,
  useRestoreFocusTarget,
} from "@fluentui/react-components";
import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { ApiError } from "../../../lib/api";
import { useAnnounce } from "../../../lib/live";
import { describeError, fieldError } from "../../../lib/problems";
import { sessionQueryKey } from "../../../lib/session";
import { ErrorState, LoadingState, Notice, PageHeader } from "../../../lib/ui";
import { fetchSettings, settingsQueryKey, useSaveSettings, useSettings, type PortalSettings, type SettingsState } from "./api";

const useStyles = makeStyles({
  stack: { display: "grid", gap: tokens.spacingVerticalL, maxWidth: "640px" },
  card: { display: "grid", gap: tokens.spacingVerticalM },
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  hint: { color: tokens.colorNeutralForeground2 },
  currency: { maxWidth: "8em" },
});

const conflict = "Someone changed the settings in the meantime. The latest settings are shown now; check them and try again.";

/** The seed's "Users and rights settings": whether customers may use the portal, and how the company appears in it. */
export function SettingsPage() {
  const settings = useSettings();
  return (
    <>
      <PageHeader title="Users and rights settings" subtitle="Whether customers may use the portal, and how your company appears in it." />
      {settings.isPending ? (
        <LoadingState label="Loading the settings…" />
      ) : settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => settings.refetch()} />
      ) : (
        <Settings state={settings.data} />
      )}
    </>
  );
}

function Settings({ state }: { state: SettingsState }) {
  const styles = useStyles();
  const client = useQueryClient();
  const announce = useAnnounce();
  const [draft, setDraft] = useState({ companyName: state.settings.companyName, currency: state.settings.currency });
  const [conflicted, setConflicted] = useState(false);

  /** A 412: load what the other person saved, show it in place of this page's version, and say so. */
  const reloadAfterConflict = async () => {
    try {
      const latest = await client.fetchQuery({ queryKey: settingsQueryKey, queryFn: ({ signal }) => fetchSettings(signal), staleTime: 0 });
      setDraft({ companyName: latest.settings.companyName, currency: latest.settings.currency });
      setConflicted(true);
      announce(conflict, "assertive");
    } catch (error) {
      announce(describeError(error).title, "assertive");
    }
  };

  return (
    <div className={styles.stack}>
      {conflicted && (
        <Notice intent="warning" title="Someone changed the settings in the meantime.">
          The latest settings are shown now; check them and try again.
        </Notice>
      )}
      <ExternalAccess state={state} onConflict={reloadAfterConflict} onSaving={() => setConflicted(false)} />
      <CompanyForm state={state} draft={draft} setDraft={setDraft} onConflict={reloadAfterConflict} onSaving={() => setConflicted(false)} />
    </div>
  );
}

interface SectionProps {
  state: SettingsState;
  onConflict: () => Promise<void>;
  onSaving: () => void;
}

/**
 * The switch acts at once, as a switch does. Switching access off ends every customer's session on the spot, so
 * it asks first; switching it on does not.
 */
function ExternalAccess({ state, onConflict, onSaving }: SectionProps) {
  const styles = useStyles();
  const announce = useAnnounce();
  const save = useSaveSettings();
  const [confirming, setConfirming] = useState(false);
  const restoreFocus = useRestoreFocusTarget();
  const enabled = state.settings.externalAccessEnabled;

  const setAccess = (on: boolean) => {
    setConfirming(false);
    onSaving();
    save.mutate(
      { settings: { ...state.settings, externalAccessEnabled: on }, etag: state.etag },
      {
        onSuccess: () =>
          announce(on ? "External user access is on. Customers can sign in." : "External user access is off. Every customer has been signed out."),
        onError: (error) => (isConflict(error) ? void onConflict() : announce(describeError(error).title, "assertive")),
      },
    );
  };

  return (
    <Card className={styles.card}>
      <h2 className={styles.h2}>External user access</h2>
      <Switch
        {...restoreFocus}
        label="Allow external user access"
        checked={enabled}
        disabled={save.isPending}
        onChange={(_, data) => (data.checked ? setAccess(true) : setConfirming(true))}
        aria-describedby="external-access-state"
      />
      <Text id="external-access-state" className={styles.hint}>
        {enabled
          ? "Customers can sign in and use the portal. A change here applies at once."
          : "Customers cannot sign in. Staff keep their access. A change here applies at once."}
      </Text>
      {save.isError && !isConflict(save.error) && <ErrorState error={save.error} />}
      <Dialog open={confirming} modalType="alert" onOpenChange={(_, data) => setConfirming(data.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Switch external user access off?</DialogTitle>
            <DialogContent>
              This signs every customer out at once, and no customer can sign in until access is switched on again.
              Staff keep their access.
            </DialogContent>
            {/* The dialog focuses its first button: the harmless one, so a hasty Enter changes nothing. */}
            <DialogActions>
              <Button onClick={() => setConfirming(false)}>Cancel</Button>
              <Button appearance="primary" onClick={() => setAccess(false)}>
                Switch off and sign customers out
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </Card>
  );
}

type Draft = Pick<PortalSettings, "companyName" | "currency">;

/** What the page checks before sending; the API checks the same and answers per field (400) otherwise. */
export function draftProblems(draft: Draft): Partial<Record<keyof Draft, string>> {
  const problems: Partial<Record<keyof Draft, string>> = {};
  const name = draft.companyName.trim();
  if (name === "") problems.companyName = "Enter the company name.";
  else if (name.length > 200) problems.companyName = `Use at most 200 characters (now ${name.length}).`;
  if (!/^[A-Z]{3}$/.test(draft.currency)) problems.currency = "Use a three-letter ISO 4217 code such as EUR.";
  return problems;
}

function CompanyForm({
  state,
  draft,
  setDraft,
  onConflict,
  onSaving,
}: SectionProps & { draft: Draft; setDraft: (draft: Draft) => void }) {
  const styles = useStyles();
  const client = useQueryClient();
  const announce = useAnnounce();
  const save = useSaveSettings();
  const [checked, setChecked] = useState(false);
  const [saved, setSaved] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);
  const currencyInput = useRef<HTMLInputElement>(null);
  const problems = checked ? draftProblems(draft) : {};

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    setChecked(true);
    const found = draftProblems(draft);
    if (found.companyName || found.currency) {
      (found.companyName ? nameInput : currencyInput).current?.focus();
      announce("Some fields need correcting.", "assertive");
      return;
    }
    onSaving();
    save.mutate(
      { settings: { ...state.settings, companyName: draft.companyName.trim(), currency: draft.currency }, etag: state.etag },
      {
        onSuccess: ({ settings }) => {
          setDraft({ companyName: settings.companyName, currency: settings.currency });
          setSaved(true);
          announce("Settings saved.");
          // The header shows the company name; it comes with the session.
          void client.invalidateQueries({ queryKey: sessionQueryKey });
        },
        onError: (error) => (isConflict(error) ? void onConflict() : announce(describeError(error).title, "assertive")),
      },
    );
  };

  const generalError = save.isError && !isConflict(save.error) && !describeError(save.error).fields;
  return (
    <Card>
      <form className={styles.card} onSubmit={submit} noValidate aria-labelledby="company-heading">
        <h2 className={styles.h2} id="company-heading">
          Company
        </h2>
        {saved && <Notice intent="success" title="Settings saved." />}
        {generalError && <ErrorState error={save.error} />}
        <Field
          label="Company name"
          required
          hint="Shown to every user at the top of the portal."
          validationMessage={problems.companyName ?? fieldError(save.error, "companyName")}
        >
          <Input
            ref={nameInput}
            value={draft.companyName}
            onChange={(_, data) => setDraft({ ...draft, companyName: data.value })}
            autoComplete="organization"
          />
        </Field>
        <Field
          label="Currency"
          required
          hint="A three-letter ISO 4217 code, such as EUR."
          validationMessage={problems.currency ?? fieldError(save.error, "currency")}
        >
          <Input
            ref={currencyInput}
            className={styles.currency}
            value={draft.currency}
            onChange={(_, data) => setDraft({ ...draft, currency: data.value.toUpperCase() })}
            autoComplete="off"
            spellCheck={false}
          />
        </Field>
        <div>
          <Button type="submit" appearance="primary" disabled={save.isPending}>
            {save.isPending ? "Saving…" : "Save settings"}
          </Button>
        </div>
      </form>
    </Card>
  );
}

function isConflict(error: unknown): boolean {
  return error instanceof ApiError && error.status === 412;
}
