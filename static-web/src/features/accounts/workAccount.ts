// Sign-in with a work account (username-only users): authorization code + PKCE against the authority the server
// names (GET /api/auth/providers), through MSAL. MSAL is imported dynamically, only when the user chooses this way
// or comes back from the authority, so the portal's initial JavaScript does not carry it.
import type { Schema } from "../../lib/api";

export type Providers = Schema<"SignInProvidersView">;
export type WorkAccountProvider = Schema<"WorkAccountProviderView">;
export type FederatedSignIn = Schema<"FederatedSignInRequest">;

// What must survive the round trip to the authority: the nonce this browser asked for, and where to go afterwards.
const pendingKey = "portal.work-account-sign-in";

interface Pending {
  nonce: string;
  returnTo: string;
}

/** The address the authority sends the browser back to; registered as the app registration's SPA redirect URI. */
export function redirectUri(): string {
  return `${window.location.origin}/sign-in`;
}

/** Whether this page load is the authority's answer (a code or an error in the fragment or query). */
export function isAuthorityAnswer(location: Pick<Location, "hash" | "search">): boolean {
  const answer = new URLSearchParams(location.hash.replace(/^#/, "") || location.search);
  return sessionStorage.getItem(pendingKey) !== null && (answer.has("code") || answer.has("error")) && answer.has("state");
}

async function client(provider: WorkAccountProvider) {
  const msal = await import("@azure/msal-browser");
  const authority = new URL(provider.authority);
  const app = await msal.createStandardPublicClientApplication({
    auth: {
      clientId: provider.clientId,
      authority: provider.authority,
      // The authority is the tenant's own (Entra External ID, or the local one in tests): trust it without asking
      // Microsoft's instance discovery.
      knownAuthorities: [authority.host],
      redirectUri: redirectUri(),
    },
    // The ID token is only carried to the portal, which opens its own session; nothing needs to outlive the tab.
    cache: { cacheLocation: "sessionStorage" },
  });
  return app;
}

/** Leaves for the authority's sign-in page; the browser comes back to /sign-in with a code. */
export async function startWorkAccountSignIn(provider: WorkAccountProvider, returnTo: string): Promise<void> {
  const nonce = randomToken();
  sessionStorage.setItem(pendingKey, JSON.stringify({ nonce, returnTo } satisfies Pending));
  const app = await client(provider);
  await app.loginRedirect({ scopes: [...provider.scopes], nonce, prompt: "select_account" });
}

/**
 * Completes the code + PKCE exchange after the authority's answer: the ID token and the nonce to post to
 * /api/auth/federated, and where to go afterwards. Null when this page load is not an answer.
 */
export async function finishWorkAccountSignIn(provider: WorkAccountProvider): Promise<(FederatedSignIn & { returnTo: string }) | null> {
  const raw = sessionStorage.getItem(pendingKey);
  if (raw === null) return null;
  sessionStorage.removeItem(pendingKey);
  const pending = JSON.parse(raw) as Pending;
  const app = await client(provider);
  try {
    // Handled here, on the redirect URI itself: where to go next is ours (returnTo), not MSAL's start page.
    const result = await app.handleRedirectPromise({ navigateToLoginRequestUrl: false });
    if (!result?.idToken) return null;
    return { idToken: result.idToken, nonce: pending.nonce, returnTo: pending.returnTo };
  } finally {
    // The portal's session is what counts from here on; MSAL's copy of the tokens is not kept.
    await app.clearCache();
  }
}

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
