// The one client for the portal's API. Everything under /api goes through `request`, so the CSRF header,
// problem details and "your session has ended" are handled in one place instead of in every feature.

import type { components } from "./api-schema";

/**
 * The API's named schemas, generated from docs/openapi.json (scripts/generate-api-types.mjs). Every type the
 * front end reads from or sends to the API is an alias of one of these, e.g. `type OrderView = Schema<"OrderView">`,
 * so a change on the C# side that the browser no longer fits fails the type check.
 */
export type Schemas = components["schemas"];
export type Schema<Name extends keyof Schemas> = Schemas[Name];

/**
 * RFC 9457 problem details, as the API sends them for every failure. Only the status is certain: a proxy or a
 * broken body may leave the rest out, so the client fills in what it can.
 */
export type ProblemDetails = Partial<Schema<"ProblemDetails">> & Pick<Schema<"ProblemDetails">, "status">;

/** The API answered with an error status. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDetails;

  constructor(problem: ProblemDetails) {
    super(problem.title ?? `Request failed with status ${problem.status}`);
    this.name = "ApiError";
    this.status = problem.status;
    this.problem = problem;
  }

  /** The last segment of the problem type URI ("sign-in-failed", "stale"…), stable enough to switch on. */
  get kind(): string {
    return problemKind(this.problem);
  }
}

/** The request never got an answer (offline, server down, aborted by the network). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super("The portal could not be reached.", { cause });
    this.name = "NetworkError";
  }
}

export function problemKind(problem: Pick<ProblemDetails, "type">): string {
  const type = problem.type ?? "";
  return type.slice(type.lastIndexOf("/") + 1);
}

export interface ApiResponse<T> {
  data: T;
  status: number;
  etag: string | null;
  location: string | null;
}

export interface RequestOptions {
  body?: unknown;
  /** A file sent as the raw body (attachments), instead of a JSON body. */
  file?: Blob;
  ifMatch?: string | null;
  /** "*": create only, so a PUT to an id already in use is a 409 instead of an overwrite. */
  ifNoneMatch?: "*";
  idempotencyKey?: string;
  signal?: AbortSignal;
  /** Sign-in answers 401 for a wrong password; that must not be treated as "the session ended". */
  expectUnauthorized?: boolean;
}

type SessionEndedHandler = (problem: ProblemDetails) => void;

// The CSRF token comes from the sign-in answer or GET /api/me; it lives in memory only (never in storage),
// so a script injected elsewhere cannot read it from there, and a reload fetches it again.
let csrfToken: string | null = null;
let sessionEnded: SessionEndedHandler | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The app shell registers what to do when the session ends: forget cached data and go to sign-in. */
export function onSessionEnded(handler: SessionEndedHandler | null): void {
  sessionEnded = handler;
}

/**
 * The session is gone although no request failed (GET /api/auth/session answers 200 with signedIn false): the same
 * as a 401 — the token is forgotten, the shell is told, and the caller gets the error to throw.
 */
export function sessionGone(): ApiError {
  const problem: ProblemDetails = { type: "https://customer-portal.example/problems/unauthenticated", title: "Sign in to continue.", status: 401 };
  csrfToken = null;
  sessionEnded?.(problem);
  return new ApiError(problem);
}

const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const response = await send(method, path, options);
  if (response.ok) {
    return {
      data: await readBody<T>(response),
      status: response.status,
      etag: response.headers.get("ETag"),
      location: response.headers.get("Location"),
    };
  }

  let problem = await readProblem(response);
  // A token from before a sign-in in another tab is stale: fetch the current one and try once more.
  if (problem.status === 403 && problemKind(problem) === "csrf" && unsafeMethods.has(method) && (await refreshCsrfToken())) {
    const retried = await send(method, path, options);
    if (retried.ok) {
      return {
        data: await readBody<T>(retried),
        status: retried.status,
        etag: retried.headers.get("ETag"),
        location: retried.headers.get("Location"),
      };
    }
    problem = await readProblem(retried);
  }

  const kind = problemKind(problem);
  if (!options.expectUnauthorized && (problem.status === 401 || kind === "external-access-off")) {
    csrfToken = null;
    sessionEnded?.(problem);
  }
  throw new ApiError(problem);
}

async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
  const headers = new Headers({ Accept: "application/json" });
  if (options.body !== undefined) headers.set("Content-Type", "application/json");
  if (options.file !== undefined) headers.set("Content-Type", options.file.type || "application/octet-stream");
  if (unsafeMethods.has(method) && csrfToken) headers.set("X-CSRF-Token", csrfToken);
  if (options.ifMatch) headers.set("If-Match", options.ifMatch);
  if (options.ifNoneMatch) headers.set("If-None-Match", options.ifNoneMatch);
  if (options.idempotencyKey) headers.set("Idempotency-Key", options.idempotencyKey);
  try {
    return await fetch(path, {
      method,
      headers,
      body: options.file ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      credentials: "same-origin",
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new NetworkError(error);
  }
}

async function refreshCsrfToken(): Promise<boolean> {
  const response = await send("GET", "/api/me", {});
  if (!response.ok) return false;
  const me = (await response.json()) as Schema<"MeView">;
  csrfToken = me.csrfToken ?? null;
  return csrfToken !== null;
}

async function readBody<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

async function readProblem(response: Response): Promise<ProblemDetails> {
  const type = response.headers.get("Content-Type") ?? "";
  if (type.includes("json")) {
    try {
      const body = (await response.json()) as Partial<ProblemDetails>;
      return { ...body, status: response.status };
    } catch {
      // A broken error body still has a status worth reporting.
    }
  }
  return { status: response.status, title: response.statusText || undefined };
}

/** Shorthands for the common case where only the body matters. */
export const api = {
  get: async <T>(path: string, signal?: AbortSignal) => (await request<T>("GET", path, { signal })).data,
  post: async <T>(path: string, body?: unknown, options: Omit<RequestOptions, "body"> = {}) =>
    (await request<T>("POST", path, { ...options, body })).data,
  put: async <T>(path: string, body: unknown, options: Omit<RequestOptions, "body"> = {}) =>
    (await request<T>("PUT", path, { ...options, body })).data,
};

/**
 * Uploads a file as the raw request body to an attachments route (`POST …/attachments?fileName=…`), with the CSRF
 * header and problem handling of every other request. Give an Idempotency-Key per file so a retry stores it once.
 */
export async function upload<T>(path: string, file: File, options: Pick<RequestOptions, "idempotencyKey" | "signal"> = {}): Promise<T> {
  return (await request<T>("POST", withQuery(path, { fileName: file.name }), { ...options, file })).data;
}

/** A new key for one attempt at a create (Idempotency-Key): a retry of the same attempt reuses it. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Builds a query string from the values that are set, so "no filter" never sends `status=`. */
export function withQuery(path: string, params: Record<string, string | number | null | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
