import { useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, useContext } from "react";
import { request, sessionGone, setCsrfToken, type Schema } from "./api";

/** Who the user is to the portal. The API sends every enum camelCase. */
export type AccountKind = Schema<"UserKind">;

/** The signed-in user, their counterparty and access group (customers), and the CSRF token. */
export type MeView = Schema<"MeView">;

/** The signed-in user with the ETag that PUT /api/me/contact needs. */
export interface Session {
  me: MeView;
  etag: string | null;
}

export const sessionQueryKey = ["session"] as const;

/**
 * Asks whether this browser has a session in a way that answers 200 either way (GET /api/auth/session), so a first
 * visit logs no failed request. No session is the same 401 the shell already sends to the sign-in page.
 */
export async function fetchSession(): Promise<Session> {
  const { data, etag } = await request<Schema<"SessionView">>("GET", "/api/auth/session");
  if (!data.signedIn || !data.me) throw sessionGone();
  setCsrfToken(data.me.csrfToken);
  return { me: data.me, etag };
}

/**
 * The session as the whole app sees it. A 401 lands in the error state (and the API client has already sent
 * the browser to sign-in), so pages below the shell can assume `me` is there.
 */
export function useSession() {
  return useQuery({ queryKey: sessionQueryKey, queryFn: fetchSession, staleTime: 60_000, retry: false });
}

/** Stores a MeView that came back from sign-in or a contact update, so nothing needs to fetch it again. */
export function useStoreSession() {
  const client = useQueryClient();
  return (me: MeView, etag: string | null) => {
    setCsrfToken(me.csrfToken);
    client.setQueryData<Session>(sessionQueryKey, { me, etag });
  };
}

export function isCustomer(me: MeView): boolean {
  return me.user.kind === "customer";
}

/** Below the shell the user is always signed in; pages read who they are from here. */
export const MeContext = createContext<MeView | null>(null);

export function useMe(): MeView {
  const me = useContext(MeContext);
  if (!me) throw new Error("useMe is used outside the signed-in shell.");
  return me;
}
