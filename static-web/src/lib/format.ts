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
