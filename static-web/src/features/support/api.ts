// Support requests: the company's conversations with the supplier, their messages and files. The staff desk's
// calls are in manage/api.ts.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, api, request, upload, withQuery, type Schema } from "../../lib/api";

export type SupportCategory = Schema<"SupportCategory">;
export type SupportRequestSummary = Schema<"SupportRequestSummaryView">;
export type SupportRequestDetail = Schema<"SupportRequestView">;
export type SupportMessage = Schema<"SupportMessageView">;
export type Attachment = Schema<"AttachmentView">;
type MessagePage = Schema<"ListPageOfSupportMessageView">;

/** The categories a customer picks from, as the issue names them. */
export const supportCategories: { value: SupportCategory; label: string }[] = [
  { value: "question", label: "Question about the portal" },
  { value: "documentInaccuracy", label: "Inaccuracy in a document" },
  { value: "order", label: "Order" },
  { value: "return", label: "Return" },
  { value: "account", label: "Account" },
  { value: "other", label: "Other" },
];

export function categoryLabel(category: string): string {
  return supportCategories.find((c) => c.value === category)?.label ?? category;
}

/** What a message may carry, as the server checks it: the file picker offers the same. */
export const acceptedFiles = ".png,.jpg,.jpeg,.gif,.webp,.pdf,.csv,.txt,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods";
export const maxFileBytes = 10 * 1024 * 1024;
export const maxFilesPerMessage = 10;
export const maxMessageLength = 4000;
export const maxSubjectLength = 150;

export const supportKeys = {
  all: ["support-requests"] as const,
  list: (status: string) => ["support-requests", "list", status] as const,
  one: (id: string) => ["support-requests", "one", id] as const,
};

export function useSupportRequests(status: string) {
  return useInfiniteQuery({
    queryKey: supportKeys.list(status),
    queryFn: ({ pageParam, signal }) =>
      api.get<Schema<"ListPageOfSupportRequestSummaryView">>(withQuery("/api/support-requests", { status, continuation: pageParam }), signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.continuation ?? null,
    // New replies are what this list is for: always ask again when it opens.
    staleTime: 0,
  });
}

export function useSupportRequest(id: string) {
  return useQuery({
    queryKey: supportKeys.one(id),
    queryFn: ({ signal }) => api.get<SupportRequestDetail>(`/api/support-requests/${encodeURIComponent(id)}`, signal),
    // A conversation: the other side's replies show up without a reload.
    staleTime: 0,
    refetchInterval: 30_000,
  });
}

/** A file that could not be attached, and why; the message itself was sent. */
export interface FileFailure {
  fileName: string;
  error: unknown;
}

/**
 * Uploads a message's files one by one, each with its own key derived from the message's attempt, so pressing
 * Send again after a network failure stores each file once.
 */
export async function uploadFiles(messagePath: string, files: File[], key: string): Promise<FileFailure[]> {
  const failures: FileFailure[] = [];
  for (const [index, file] of files.entries()) {
    try {
      await upload<Attachment>(`${messagePath}/attachments`, file, { idempotencyKey: `${key}-file-${index}` });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) throw error;
      failures.push({ fileName: file.name, error });
    }
  }
  return failures;
}

export interface NewRequest {
  key: string;
  body: Schema<"CreateSupportRequest">;
  files: File[];
}

export function useCreateSupportRequest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ key, body, files }: NewRequest) => {
      const created = await api.post<SupportRequestDetail>("/api/support-requests", body, { idempotencyKey: key });
      const first = created.messages.items[created.messages.items.length - 1];
      const failures = first && files.length > 0 ? await uploadFiles(`/api/support-requests/${encodeURIComponent(created.id)}/messages/${first.id}`, files, key) : [];
      return { created, failures };
    },
    onSuccess: () => client.invalidateQueries({ queryKey: supportKeys.all }),
  });
}

export interface Reply {
  key: string;
  body: string;
  files: File[];
}

/** Posting into a conversation: the customer's routes or, with another base, the desk's. */
export function usePostMessage(base: string, invalidate: readonly unknown[]) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ key, body, files }: Reply) => {
      const message = await api.post<SupportMessage>(`${base}/messages`, { body } satisfies Schema<"SupportMessageRequest">, { idempotencyKey: key });
      const failures = files.length > 0 ? await uploadFiles(`${base}/messages/${message.id}`, files, key) : [];
      return { message, failures };
    },
    onSettled: () => client.invalidateQueries({ queryKey: invalidate }),
  });
}

export function useCloseOrReopen(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: "close" | "reopen") => api.post<SupportRequestDetail>(`/api/support-requests/${encodeURIComponent(id)}/${action}`),
    onSuccess: (request) => {
      client.setQueryData(supportKeys.one(id), request);
      client.invalidateQueries({ queryKey: supportKeys.all });
    },
  });
}

/** Marks the request read for the signed-in user, so the list's "New reply" marker goes away. */
export async function markRead(id: string): Promise<void> {
  await request("POST", `/api/support-requests/${encodeURIComponent(id)}/read`);
}

/** Earlier messages of a conversation, page by page, after the newest ones the request came with. */
export function fetchEarlierMessages(base: string, continuation: string): Promise<MessagePage> {
  return api.get<MessagePage>(withQuery(`${base}/messages`, { continuation, pageSize: 50 }));
}
