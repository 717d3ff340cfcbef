import type { Schema } from "./api";

export type Money = Schema<"Money">;

// Formatting follows the browser's language, so a buyer in Lyon sees "1 234,50 €" and one in Bristol "€1,234.50".
const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(money: Money | null | undefined): string {
  if (!money) return "";
  let format = moneyFormats.get(money.currency);
  if (!format) {
    format = new Intl.NumberFormat(undefined, { style: "currency", currency: money.currency });
    moneyFormats.set(money.currency, format);
  }
  return format.format(money.amount);
}

export function formatQuantity(quantity: number, precision = 3): string {
  return new Intl.NumberFormat(undefined, { maximumFractionDigits: precision }).format(quantity);
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** Document dates are calendar dates (yyyy-mm-dd): shown as written, never shifted by the time zone. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return "";
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? value : dateFormat.format(date);
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return "";
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateTimeFormat.format(date);
}

const sizeFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

/** A file size as people read it: "820 bytes", "12.4 KB", "3.1 MB" (1 KB = 1,024 bytes, as file managers show). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${sizeFormat.format(bytes)} bytes`;
  if (bytes < 1024 * 1024) return `${sizeFormat.format(bytes / 1024)} KB`;
  return `${sizeFormat.format(bytes / (1024 * 1024))} MB`;
}

const fileTypes: [test: RegExp, words: string][] = [
  [/pdf/i, "PDF"],
  [/^image\/png/i, "PNG image"],
  [/^image\/jpe?g/i, "JPEG image"],
  [/spreadsheet|ms-excel/i, "Excel workbook"],
  [/wordprocessing|msword/i, "Word document"],
  [/presentation|powerpoint/i, "PowerPoint presentation"],
  [/csv/i, "CSV file"],
  [/zip/i, "ZIP archive"],
];

/** A file's type in words from its content type, else its extension in capitals ("XML"), else "File". */
export function describeFileType(contentType: string, fileName = ""): string {
  const known = fileTypes.find(([test]) => test.test(contentType));
  if (known) return known[1];
  const extension = fileName.includes(".") ? fileName.slice(fileName.lastIndexOf(".") + 1) : "";
  return extension ? extension.toUpperCase() : "File";
}
