/**
 * How a parsed number is shown to a reviewer (hover card, diagnostics, CLI):
 * "4,580,000,000 USD", "6.7%", "40,000", "75th".
 */

import type { NumberKind } from './types';

/** `value` with thousands separators: 4580000000 → "4,580,000,000", 6.7 → "6.7". */
export function groupDigits(value: number): string {
  if (!Number.isFinite(value) || Math.abs(value) >= 1e21) return String(value);
  const s = String(Math.abs(value));
  if (s.includes('e')) return String(value); // tiny values: keep JavaScript's exponent form
  const dot = s.indexOf('.');
  const int = dot < 0 ? s : s.slice(0, dot);
  const frac = dot < 0 ? '' : s.slice(dot);
  const grouped = int.replace(/\B(?=(\d{3})+$)/g, ',');
  return (value < 0 ? '-' : '') + grouped + frac;
}

function ordinalSuffix(n: number): string {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return 'th';
  switch (n % 10) {
    case 1:
      return 'st';
    case 2:
      return 'nd';
    case 3:
      return 'rd';
    default:
      return 'th';
  }
}

/**
 * The value as a reviewer reads it: money "4,580,000,000 USD", percent "6.7%",
 * count "40,000", ordinal "75th", year "2025"; dates and times as written
 * (their `text`) when given, else their value.
 */
export function formatValue(n: { value: number; unit: string | null; kind: NumberKind; text?: string }): string {
  switch (n.kind) {
    case 'money':
      return n.unit === null ? groupDigits(n.value) : `${groupDigits(n.value)} ${n.unit}`;
    case 'percent':
      return `${groupDigits(n.value)}%`;
    case 'count':
      return groupDigits(n.value);
    case 'ordinal':
      return Number.isInteger(n.value) ? `${groupDigits(n.value)}${ordinalSuffix(n.value)}` : groupDigits(n.value);
    case 'year':
      return String(n.value);
    case 'date':
    case 'time':
      return n.text ?? String(n.value);
  }
}
