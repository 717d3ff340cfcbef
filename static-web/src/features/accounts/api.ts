// Accounts: what the API sends and takes for signing in and the own account (aliases of the generated API types).
import type { Schema } from "../../lib/api";

export type SignIn = Schema<"SignInRequest">;
export type ContactChange = Schema<"ContactRequest">;
export type PasswordChange = Schema<"ChangePasswordRequest">;
/** The colleagues at the same counterparty. */
export type Colleagues = Schema<"ItemListOfColleagueView">;
/** The supplier's contacts and the company's account manager (Account → View contact information). */
export type ContactInformation = Schema<"ContactInformationView">;

// Account → Colleagues, for the company's administrator.
export type ColleagueAdmin = Schema<"ColleagueAdminView">;
export type ManagedColleague = Schema<"ManagedColleagueView">;
export type InviteColleague = Schema<"InviteColleagueRequest">;
export type InvitedColleague = Schema<"InvitedColleagueView">;
export type UpdateColleague = Schema<"UpdateColleagueRequest">;
export type NewPassword = Schema<"NewPasswordView">;
