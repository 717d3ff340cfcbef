import { Button, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useLocation, useNavigate, useSearchParams } from "react-router";
import { request } from "../../lib/api";
import { describeError, fieldError } from "../../lib/problems";
import { useStoreSession, type MeView } from "../../lib/session";
import { ErrorState, Notice } from "../../lib/ui";
import type { SignIn } from "./api";

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

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate();
  };
  const error = signIn.error;
  const hasFieldErrors = describeError(error).fields !== undefined;

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
      </form>
    </main>
  );
}
