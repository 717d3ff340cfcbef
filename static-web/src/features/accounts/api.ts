// Accounts: sign-in, the user's own account and their colleagues. Who is signed in (GET /api/me) is shared by the
// whole app and lives in lib/session.
import { useQuery } from "@tanstack/react-query";
import { api } from "../../lib/api";
import type { Schemas } from "../../lib/api-types";

export type SignInRequest = Schemas["SignInRequest"];
export type ContactRequest = Schemas["ContactRequest"];
export type ChangePasswordRequest = Schemas["ChangePasswordRequest"];
export type ColleagueView = Schemas["ColleagueView"];

/** Colleagues at the same counterparty (customers only). */
export function useColleagues() {
  return useQuery({
    queryKey: ["account", "users"],
    queryFn: ({ signal }) => api.get<Schemas["ItemListOfColleagueView"]>("/api/account/users", signal),
  });
}
