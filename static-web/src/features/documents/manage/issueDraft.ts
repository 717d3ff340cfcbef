// The Issue a document form as plain data: what the clerk typed (all text, as inputs hold it), the checks the page
// makes before sending (the API makes the same and answers per field), and the request body built from it. Kept
// apart from the page so the rules read, and are tested, without rendering anything.
import { ApiError } from "../../../lib/api";
import {
  typeInfo,
  type DocumentLineRequest,
  type DocumentRequest,
  type DocumentStatus,
  type DocumentType,
  type RelatedDocumentRequest,
} from "./manageApi";

export interface LineDraft {
  key: number;
  sku: string;
  name: string;
  unit: string;
  quantity: string;
  unitPrice: string;
}

export interface RelatedDraft {
  key: number;
  type: string;
  number: string;
}

export interface Draft {
  counterpartyId: string;
  type: DocumentType;
  number: string;
  date: string;
  status: DocumentStatus;
  dueDate: string;
  validUntil: string;
  periodFrom: string;
  periodTo: string;
  notes: string;
  lines: LineDraft[];
  total: string;
  taxTotal: string;
  related: RelatedDraft[];
}

/** Field messages keyed as the API keys them (`number`, `lines[2].quantity`), rows counted as the form shows them. */
export type Problems = Record<string, string>;

let lastKey = 0;
const nextKey = () => ++lastKey;

export const emptyLine = (): LineDraft => ({ key: nextKey(), sku: "", name: "", unit: "", quantity: "", unitPrice: "" });
export const emptyRelated = (): RelatedDraft => ({ key: nextKey(), type: "orders", number: "" });

/** Today as a calendar date in the clerk's time zone (yyyy-mm-dd), which is what a date input holds. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function newDraft(type: DocumentType = "invoices", counterpartyId = ""): Draft {
  return {
    counterpartyId,
    type,
    number: "",
    date: today(),
    status: typeInfo(type).statuses[0]!,
    dueDate: "",
    validUntil: "",
    periodFrom: "",
    periodTo: "",
    notes: "",
    lines: [emptyLine()],
    total: "",
    taxTotal: "",
    related: [],
  };
}

/** Another type keeps what still fits it; a status the new type does not have becomes the type's first. */
export function withType(draft: Draft, type: DocumentType): Draft {
  const statuses = typeInfo(type).statuses;
  return { ...draft, type, status: statuses.includes(draft.status) ? draft.status : statuses[0]! };
}

/** A number as typed: "12.5" or "12,5". Empty is null; anything else that is not a number is NaN. */
export function parseDecimal(text: string): number | null {
  const value = text.trim().replace(/\s/g, "");
  if (value === "") return null;
  const normalised = /^-?\d*,\d+$/.test(value) ? value.replace(",", ".") : value;
  return /^-?(\d+\.?\d*|\.\d+)$/.test(normalised) ? Number(normalised) : Number.NaN;
}

const round2 = (value: number) => Math.round((value + Math.sign(value) * Number.EPSILON) * 100) / 100;

/** Quantity × unit price, rounded to cents as the API rounds it; null while either is missing or not a number. */
export function lineTotal(line: Pick<LineDraft, "quantity" | "unitPrice">): number | null {
  const quantity = parseDecimal(line.quantity);
  const price = parseDecimal(line.unitPrice);
  if (quantity === null || price === null || Number.isNaN(quantity) || Number.isNaN(price)) return null;
  return round2(quantity * price);
}

/** What the document totals when no total is given: the sum of the line totals. */
export function linesTotal(lines: LineDraft[]): number {
  return round2(lines.reduce((sum, line) => sum + (lineTotal(line) ?? 0), 0));
}

const isBlankLine = (line: LineDraft) => [line.sku, line.name, line.unit, line.quantity, line.unitPrice].every((v) => v.trim() === "");
const isBlankRelated = (related: RelatedDraft) => related.number.trim() === "";

/** A document number is part of the file's blob name too: letters, digits, '-', '_' and '.', not starting with '.'. */
export const numberPattern = /^(?!\.)[A-Za-z0-9._-]{1,50}$/;
const numberMessage = "Use 1–50 letters, digits, '-', '_' or '.'.";

/** What the page checks before sending, in the API's words; rows left empty are not checked, as they are not sent. */
export function draftProblems(draft: Draft): Problems {
  const problems: Problems = {};
  const info = typeInfo(draft.type);
  if (draft.counterpartyId === "") problems.counterpartyId = "Choose the customer the document is for.";
  const number = draft.number.trim();
  if (number === "") problems.number = "Enter the document's number.";
  else if (!numberPattern.test(number)) problems.number = numberMessage;
  if (draft.date === "") problems.date = "Enter the document's date.";
  if (info.dueDate && draft.dueDate && draft.date && draft.dueDate < draft.date) problems.dueDate = "It cannot be due before its date.";
  if (info.validUntil && draft.validUntil && draft.date && draft.validUntil < draft.date) problems.validUntil = "It cannot expire before its date.";
  if (info.period && draft.periodFrom && draft.periodTo && draft.periodTo < draft.periodFrom) problems.periodTo = "The period ends before it starts.";

  draft.lines.forEach((line, i) => {
    if (isBlankLine(line)) return;
    const at = `lines[${i}]`;
    if (line.sku.trim().length > 64) problems[`${at}.sku`] = "Use at most 64 characters.";
    if (line.name.trim() === "") problems[`${at}.name`] = "Enter what the line is for.";
    else if (line.name.trim().length > 200) problems[`${at}.name`] = "Use at most 200 characters.";
    if (line.unit.trim().length > 20) problems[`${at}.unit`] = "Use at most 20 characters.";
    const quantity = parseDecimal(line.quantity);
    if (quantity === null) problems[`${at}.quantity`] = "Enter the quantity.";
    else if (Number.isNaN(quantity) || Math.abs(quantity) > 1_000_000) problems[`${at}.quantity`] = "Enter a quantity up to 1,000,000.";
    const price = parseDecimal(line.unitPrice);
    if (price !== null && (Number.isNaN(price) || price < 0 || price > 100_000_000)) problems[`${at}.unitPrice`] = "Enter a price from 0.";
  });

  for (const field of ["total", "taxTotal"] as const) {
    const amount = parseDecimal(draft[field]);
    if (amount !== null && (Number.isNaN(amount) || amount < 0 || amount > 1_000_000_000)) problems[field] = "Enter an amount from 0.";
  }
  draft.related.forEach((related, i) => {
    if (!isBlankRelated(related) && related.number.trim().length > 50) problems[`related[${i}].number`] = "Use at most 50 characters.";
  });
  if (draft.notes.trim().length > 2000) problems.notes = `Use at most 2,000 characters (now ${draft.notes.trim().length}).`;
  return problems;
}

export interface BuiltRequest {
  counterpartyId: string;
  type: DocumentType;
  number: string;
  document: DocumentRequest;
  /** For each line sent, the form's row it came from (empty rows are left out), to place the API's messages. */
  lineRows: number[];
  relatedRows: number[];
}

/** The value, or undefined when the field was left empty, so the body leaves it out. */
const text = (value: string) => value.trim() || undefined;
const amount = (value: string) => parseDecimal(value) ?? undefined;

/** The object without the members that are undefined: what JSON would send, and what a test compares. */
function present<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * The body of PUT /api/manage/documents/{counterpartyId}/{type}/{number} from a draft that passed `draftProblems`:
 * only the dates the type has, numbers as numbers, nothing for what was left empty (the API then computes line
 * totals and the total, and gives a new document its type's first status).
 */
export function buildRequest(draft: Draft): BuiltRequest {
  const info = typeInfo(draft.type);
  const lineRows: number[] = [];
  const lines: DocumentLineRequest[] = [];
  draft.lines.forEach((line, i) => {
    if (isBlankLine(line)) return;
    lineRows.push(i);
    lines.push(
      present<DocumentLineRequest>({
        sku: text(line.sku),
        name: line.name.trim(),
        unit: text(line.unit),
        quantity: parseDecimal(line.quantity) ?? 0,
        unitPrice: amount(line.unitPrice),
      }),
    );
  });
  const relatedRows: number[] = [];
  const related: RelatedDocumentRequest[] = [];
  draft.related.forEach((r, i) => {
    if (isBlankRelated(r)) return;
    relatedRows.push(i);
    related.push({ type: r.type, number: r.number.trim() });
  });
  const document = present<DocumentRequest>({
    date: draft.date,
    status: draft.status,
    dueDate: info.dueDate ? text(draft.dueDate) : undefined,
    validUntil: info.validUntil ? text(draft.validUntil) : undefined,
    periodFrom: info.period ? text(draft.periodFrom) : undefined,
    periodTo: info.period ? text(draft.periodTo) : undefined,
    lines,
    total: amount(draft.total),
    taxTotal: amount(draft.taxTotal),
    related,
    notes: text(draft.notes),
  });
  return { counterpartyId: draft.counterpartyId, type: draft.type, number: draft.number.trim(), document, lineRows, relatedRows };
}

/**
 * The API's per-field messages from a 400, keyed as the form's fields are: `lines[i]` and `related[i]` count the
 * rows sent, which skip the empty ones, so they are turned back into the form's rows. Keys compare without case.
 */
export function apiProblems(error: unknown, sent: Pick<BuiltRequest, "lineRows" | "relatedRows"> | null): Problems {
  if (!(error instanceof ApiError) || error.status !== 400 || !error.problem.errors) return {};
  const problems: Problems = {};
  for (const [key, messages] of Object.entries(error.problem.errors)) {
    const match = /^(lines|related)\[(\d+)\](.*)$/i.exec(key);
    let field = key;
    if (match) {
      const rows = match[1]!.toLowerCase() === "lines" ? sent?.lineRows : sent?.relatedRows;
      const row = rows?.[Number(match[2])] ?? Number(match[2]);
      field = `${match[1]!.toLowerCase()}[${row}]${match[3]}`;
    }
    field = canonicalField(field);
    problems[field] = problems[field] ? `${problems[field]} ${messages.join(" ")}` : messages.join(" ");
  }
  return problems;
}

/** The API's field names are camelCase, as the body; a case-insensitive match maps `Lines[0].Quantity` too. */
function canonicalField(field: string): string {
  const known = ["counterpartyId", "number", "date", "status", "dueDate", "validUntil", "periodFrom", "periodTo", "lines", "total", "taxTotal", "related", "notes"];
  const parts = /^([A-Za-z]+)(\[\d+\])?(?:\.([A-Za-z]+))?$/.exec(field);
  if (!parts) return field;
  const head = known.find((k) => k.toLowerCase() === parts[1]!.toLowerCase()) ?? parts[1]!;
  const leaves = ["sku", "name", "unit", "quantity", "unitPrice", "lineTotal", "type", "number"];
  const leaf = parts[3] === undefined ? "" : "." + (leaves.find((k) => k.toLowerCase() === parts[3]!.toLowerCase()) ?? parts[3]);
  return `${head}${parts[2] ?? ""}${leaf}`;
}
