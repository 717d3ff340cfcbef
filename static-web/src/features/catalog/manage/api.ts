// Staff side of the Catalog: product and price files (preview, then apply), categories and warehouses.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, request, type Schema } from "../../../lib/api";

export type ProductImportPreview = Schema<"ProductImportPreview">;
export type PriceImportPreview = Schema<"PriceImportPreview">;
export type FieldChange = Schema<"FieldChange">;
export type ImportResult = Schema<"ImportResult">;

/** What a catalog file holds; each kind has its import route and its preview beside it. */
export type ImportKind = "products" | "prices";

export type ImportPreview = { kind: "products"; preview: ProductImportPreview } | { kind: "prices"; preview: PriceImportPreview };

/**
 * The API takes CSV or NDJSON and goes by the Content-Type; a browser often gives an NDJSON file no type at all,
 * so the file's name decides. Anything else is sent as it is, and the API's 415 says what it takes.
 */
export function contentTypeOf(file: File): string {
  const name = file.name.toLowerCase();
  if (name.endsWith(".csv")) return "text/csv";
  if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) return "application/x-ndjson";
  return file.type || "application/octet-stream";
}

function asBody(file: File): Blob {
  return new Blob([file], { type: contentTypeOf(file) });
}

/** The whole-file check and what the file would change; writes nothing (POST …/import/preview). */
export async function previewImport(kind: ImportKind, file: File): Promise<ImportPreview> {
  const { data } = await request<ProductImportPreview & PriceImportPreview>("POST", `/api/manage/catalog/${kind}/import/preview`, { file: asBody(file) });
  return kind === "products" ? { kind, preview: data } : { kind, preview: data };
}

/** Applies the same file: checked whole again, then written (rows are idempotent upserts, so sending it twice is safe). */
export async function applyImport(kind: ImportKind, file: File): Promise<ImportResult> {
  return (await request<ImportResult>("POST", `/api/manage/catalog/${kind}/import`, { file: asBody(file) })).data;
}

/** One problem of a refused file: the line of the file (the CSV header is line 1), the column, and what is wrong. */
export interface LineProblem {
  line: number | null;
  field: string | null;
  message: string;
}

/**
 * The API refuses a file with problem details whose `errors` are keyed "line 3: categoryId" (a checked value),
 * "line 5" (a line that could not be read) or a name such as "file" (the file as a whole). Null when the error
 * is not a per-line refusal.
 */
export function lineProblems(error: unknown): LineProblem[] | null {
  if (!(error instanceof ApiError) || error.status !== 400 || !error.problem.errors) return null;
  const problems: LineProblem[] = [];
  for (const [key, messages] of Object.entries(error.problem.errors)) {
    const match = /^line (\d+)(?::\s*(.+))?$/.exec(key);
    for (const message of messages) {
      problems.push(match ? { line: Number(match[1]), field: match[2] ?? null, message } : { line: null, field: key, message });
    }
  }
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

const fieldLabels: Record<string, string> = {
  sku: "SKU",
  name: "Name",
  description: "Description",
  categoryId: "Category",
  unit: "Unit",
  unitPrecision: "Decimal places",
  price: "Price",
  defaultWarehouseId: "Default warehouse",
  characteristics: "Characteristics",
  stock: "Stock",
  active: "Active",
  counterpartyId: "Counterparty",
  file: "The file",
};

/** A column as the clerk reads it ("categoryId" → "Category"); stock and characteristic columns keep their names. */
export function fieldLabel(field: string | null): string {
  if (field === null) return "Whole line";
  return fieldLabels[field] ?? field;
}

/**
 * The problem report as a CSV file for Excel: UTF-8 with a byte-order mark, CRLF lines, quoted where needed, and a
 * cell that starts like a formula (= + - @) prefixed with an apostrophe, so opening it runs nothing.
 */
export function problemsCsv(problems: LineProblem[]): string {
  const cell = (value: string) => {
    const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const rows = [["Line", "Column", "Problem"], ...problems.map((p) => [p.line === null ? "" : String(p.line), p.field ?? "", p.message])];
  return "\uFEFF" + rows.map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}

// Categories and warehouses: listed fresh with their versions; a new one is created only if its id is free
// (If-None-Match: *), an existing one is changed only at the version the clerk read (If-Match).

export type ManagedCategory = Schema<"CategoryAdminView">;
export type ManagedWarehouse = Schema<"WarehouseAdminView">;
export type CategoryChange = Schema<"CategoryImport">;
export type WarehouseChange = Schema<"WarehouseImport">;

export type ReferenceKind = "categories" | "warehouses";
type RowOf<K extends ReferenceKind> = K extends "categories" ? ManagedCategory : ManagedWarehouse;
type ChangeOf<K extends ReferenceKind> = K extends "categories" ? CategoryChange : WarehouseChange;

export const referenceQueryKey = (kind: ReferenceKind) => ["manage", "catalog", kind] as const;

export async function fetchReference<K extends ReferenceKind>(kind: K, signal?: AbortSignal): Promise<RowOf<K>[]> {
  const { data } = await request<{ items: RowOf<K>[] }>("GET", `/api/manage/catalog/${kind}`, { signal });
  return data.items;
}

export function useReference<K extends ReferenceKind>(kind: K) {
  // Another clerk or the ERP may have changed them: read the latest whenever the page opens.
  return useQuery({ queryKey: referenceQueryKey(kind), queryFn: ({ signal }) => fetchReference(kind, signal), staleTime: 0 });
}

/** Saves one row: `version` null creates it (409 if the id is taken), otherwise changes that version (412 if stale). */
export function useSaveReference<K extends ReferenceKind>(kind: K) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ change, version }: { change: ChangeOf<K>; version: string | null }) =>
      (
        await request<RowOf<K>>("POST", `/api/manage/catalog/${kind}`, {
          body: change,
          ...(version === null ? { ifNoneMatch: "*" as const } : { ifMatch: version }),
        })
      ).data,
    onSuccess: () => client.invalidateQueries({ queryKey: referenceQueryKey(kind) }),
  });
}
