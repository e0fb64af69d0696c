import type { Problem, SourceLocation } from '../types';

export type ClaimKind = 'money' | 'percent' | 'count' | 'ordinal';
export type IgnoredKind = 'year' | 'date' | 'time';
export type NumberKind = ClaimKind | IgnoredKind;

/** A number found in a text, with its exact span (qualifier words outside it). */
export interface FoundNumber {
  start: number;
  end: number;
  text: string;
  kind: NumberKind;
  /** The parsed value: amount × scale ("USD 4.58 billion" → 4580000000). Years: the year. */
  value: number;
  /** Currency code for money (USD, VND, RUB, EUR, GBP, JPY, CNY), "%" for percent, else null. */
  unit: string | null;
  /** Approximation word before the number ("nearly", "more than"), lower-cased, else null. */
  qualifier: string | null;
  /** For counts: the noun after the number ("tons", "projects"), else null. */
  context: string | null;
}

export type FactStatus = 'verified' | 'disputed';

/** One entry of the facts ledger. */
export interface Fact {
  id: string;
  /** The value as written in the ledger. */
  value: string;
  /** The value parsed with the same parser as the text; null when it could not be parsed. */
  parsed: { kind: ClaimKind; value: number; unit: string | null } | null;
  about?: string;
  keywords: string[];
  source?: string;
  status: FactStatus;
  extra: Record<string, unknown>;
  /** The whole entry in its ledger file. */
  location: SourceLocation;
  /** The `value:` scalar, for pointing at the figure itself. */
  valueLocation?: SourceLocation;
}

export interface Ledger {
  facts: Fact[];
  problems: Problem[];
}

export type ClaimStatus = 'verified' | 'disputed' | 'conflicting' | 'unverified' | 'ignored';

/** A number with its verification status against the ledger. */
export interface CheckedNumber extends FoundNumber {
  status: ClaimStatus;
  /** The id of the fact that verifies, disputes or conflicts with the claim, else null. */
  fact: string | null;
}
