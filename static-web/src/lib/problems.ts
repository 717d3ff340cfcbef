import { ApiError, NetworkError, problemKind } from "./api";

/** What a person reads when something fails: a short headline, an optional next step, and per-field messages. */
export interface ErrorMessage {
  title: string;
  detail?: string;
  fields?: Record<string, string[]>;
}

// The headlines are ours rather than the server's titles, so every page words the same failure the same way.
// The server's detail is kept where it carries something specific (a wait time, a reference, a conflict).
export function describeError(error: unknown): ErrorMessage {
  if (error instanceof NetworkError) {
    return { title: "The portal cannot be reached.", detail: "Check your connection and try again." };
  }
  if (!(error instanceof ApiError)) {
    return { title: "Something went wrong in this page.", detail: "Reload the page and try again." };
  }

  const { status, problem } = error;
  const kind = problemKind(problem);
  switch (kind) {
    case "sign-in-failed":
      return { title: "The username or password is not correct.", detail: "Check both and try again." };
    case "external-access-off":
      return {
        title: "The portal is closed to customers at the moment.",
        detail: "Your supplier has switched access off. Contact them for details.",
      };
    case "no-access-group":
      return {
        title: "Your account has no access to the portal yet.",
        detail: "Your supplier has not put your account in a customer access group. Ask them to give you access.",
      };
    case "federated-sign-in-failed":
      return {
        title: "Your work account cannot sign in to this portal.",
        detail: "Ask your supplier to give your work account access to the portal, then try again.",
      };
    case "csrf":
      return { title: "This page is out of date.", detail: "Reload the page and try again." };
  }

  if (status === 400 && problem.errors && Object.keys(problem.errors).length > 0) {
    return { title: "Some fields need correcting.", fields: problem.errors };
  }
  switch (status) {
    case 400:
    case 422:
      return { title: "The request could not be processed.", detail: problem.detail };
    case 401:
      return { title: "Your session has ended.", detail: "Sign in again to continue." };
    case 403:
      return { title: "You do not have access to this.", detail: problem.detail };
    case 404:
      return { title: "Not found.", detail: "It does not exist or is not available to you." };
    case 409:
      return { title: "This conflicts with a change made in the meantime.", detail: problem.detail };
    case 412:
      return {
        title: "Someone changed this in the meantime.",
        detail: "The latest version is shown now. Check it and try again.",
      };
    case 428:
      return { title: "This page is out of date.", detail: "Reload the page and try again." };
    case 429:
      return { title: "Too many attempts.", detail: problem.detail ?? "Wait a few minutes and try again." };
  }
  if (status >= 500) {
    return {
      title: "Something went wrong on our side.",
      detail: problem.detail ?? "Nothing you did caused this. Try again later.",
    };
  }
  return { title: problem.title ?? `The request failed (${status}).`, detail: problem.detail };
}

/** The message for one form field, or undefined: the API names fields in camelCase, as in the request body. */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const errors = error.problem.errors ?? {};
  const key = Object.keys(errors).find((k) => k.toLowerCase() === field.toLowerCase());
  return key ? errors[key]?.join(" ") : undefined;
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}
