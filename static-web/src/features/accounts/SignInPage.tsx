import { Button, Divider, Field, Input, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useLocation, useNavigate, useSearchParams } from "react-router";
import { request } from "../../lib/api";
import { describeError, fieldError } from "../../lib/problems";
import { useStoreSession, type MeView } from "../../lib/session";
import { ErrorState, Notice } from "../../lib/ui";
import type { SignIn } from "./api";
import {
  finishWorkAccountSignIn,
  isAuthorityAnswer,
  startWorkAccountSignIn,
  type FederatedSignIn,
  type Providers,
} from "./workAccount";

const useStyles = makeStyles({
  page: { display: "flex", justifyContent: "center", padding: `10vh ${tokens.spacingHorizontalL}` },
  card: {
    width: "100%",
    maxWidth: "400px",
    display: "grid",
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalXXL,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow8,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  title: { margin: 0, fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold },
});

const reasons: Record<string, { intent: "info" | "warning"; title: string; text?: string }> = {
  ended: { intent: "warning", title: "Your session has ended.", text: "Sign in again to continue where you were." },
  closed: {
    intent: "warning",
    title: "The portal is closed to customers at the moment.",
    text: "Your supplier has switched access off. Contact them for details.",
  },
  "signed-out": { intent: "info", title: "You have signed out." },
};

/** Only addresses inside the portal may be returned to, so a crafted link cannot send the user elsewhere. */
export function safeReturnTo(value: string | null): string {
  return value && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") ? value : "/";
}

export function SignInPage() {
  const styles = useStyles();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const storeSession = useStoreSession();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const reason = reasons[(location.state as { reason?: string } | null)?.reason ?? ""];

  const signIn = useMutation({
    mutationFn: () =>
      request<MeView>("POST", "/api/auth/sign-in", { body: { username, password } satisfies SignIn, expectUnauthorized: true }),
    onSuccess: ({ data, etag }) => {
      storeSession(data, etag);
      navigate(safeReturnTo(params.get("returnTo")), { replace: true });
    },
  });

  // Username-only accounts sign in with a work account when the deployment names an authority.
  const providers = useQuery({
    queryKey: ["auth", "providers"],
    queryFn: async () => (await request<Providers>("GET", "/api/auth/providers")).data,
    staleTime: Infinity,
    retry: false,
  });
  const workAccount = providers.data?.workAccount ?? null;
  const [returning] = useState(() => isAuthorityAnswer(window.location));
  const workSignIn = useMutation({
    mutationFn: async (mode: "start" | "finish") => {
      if (!workAccount) return null;
      if (mode === "start") {
        await startWorkAccountSignIn(workAccount, safeReturnTo(params.get("returnTo")));
        return null; // the browser is leaving for the authority
      }
      const answer = await finishWorkAccountSignIn(workAccount);
      if (!answer) return null;
      const { data, etag } = await request<MeView>("POST", "/api/auth/federated", {
        body: { idToken: answer.idToken, nonce: answer.nonce } satisfies FederatedSignIn,
        expectUnauthorized: true,
      });
      return { data, etag, returnTo: answer.returnTo };
    },
    onSuccess: (result) => {
      if (!result) return;
      storeSession(result.data, result.etag);
      navigate(safeReturnTo(result.returnTo), { replace: true });
    },
  });
  const finished = useRef(false);
  useEffect(() => {
    if (returning && workAccount && !finished.current) {
      finished.current = true;
      workSignIn.mutate("finish");
    }
  }, [returning, workAccount, workSignIn]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate();
  };
  const error = signIn.error ?? workSignIn.error;
  const hasFieldErrors = describeError(error).fields !== undefined;
  const finishing = returning && !workSignIn.isError && (providers.isPending || workSignIn.isPending || workSignIn.isIdle);

  if (finishing) {
    return (
      <main className={styles.page}>
        <Spinner label="Signing you in with your work account…" />
      </main>
    );
  }

  return (
    <main className={styles.page}>
      <form className={styles.card} onSubmit={submit} noValidate>
        <h1 className={styles.title}>Sign in</h1>
        <p>Sign in with the account your supplier gave you.</p>
        {reason && !error && (
          <Notice intent={reason.intent} title={reason.title}>
            {reason.text}
          </Notice>
        )}
        {error && !hasFieldErrors && <ErrorState error={error} />}
        <Field label="Username" required validationMessage={fieldError(error, "username")}>
          <Input value={username} onChange={(_, d) => setUsername(d.value)} autoComplete="username" name="username" />
        </Field>
        <Field label="Password" required validationMessage={fieldError(error, "password")}>
          <Input
            type="password"
            value={password}
            onChange={(_, d) => setPassword(d.value)}
            autoComplete="current-password"
            name="password"
          />
        </Field>
        <Button type="submit" appearance="primary" disabled={signIn.isPending}>
          {signIn.isPending ? "Signing in…" : "Sign in"}
        </Button>
        {workAccount && (
          <>
            <Divider>or</Divider>
            <Button type="button" disabled={workSignIn.isPending} onClick={() => workSignIn.mutate("start")}>
              {workSignIn.isPending ? "Opening your work account’s sign-in…" : "Sign in with your work account"}
            </Button>
          </>
        )}
      </form>
    </main>
  );
}
