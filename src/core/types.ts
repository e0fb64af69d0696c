/**
 * The core's own types: plain data, no classes from `vscode` or Node.
 * Offsets are UTF-16 code-unit offsets into the text exactly as stored.
 */

/** A 0-based VS Code style position: line, and character in UTF-16 code units. */
export interface Position {
  line: number;
  character: number;
}

/** A half-open range of UTF-16 offsets `[start, end)` into one text. */
export interface Span {
  start: number;
  end: number;
}

/** `hint` is the faintest: shown in the editor as dots, not in the Problems panel. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';

/**
 * Stable problem codes. Diagnostics, quick fixes and the CLI's JSON all use
 * these strings, so they never change once released.
 */
export const ProblemCode = {
  yamlSyntax: 'yaml-syntax',
  notAList: 'not-a-list',
  missingField: 'missing-field',
  wrongType: 'wrong-type',
  invalidKind: 'invalid-kind',
  invalidId: 'invalid-id',
  duplicateId: 'duplicate-id',
  ambiguousAlias: 'ambiguous-alias',
  invalidValue: 'invalid-value',
  invalidStatus: 'invalid-status',
  emptyEntry: 'empty-entry',
} as const;
export type ProblemCode = (typeof ProblemCode)[keyof typeof ProblemCode];

/** Stable codes of what is found in a text (diagnostics in the editor, problems in the CLI). */
export const FindingCode = {
  unverifiedNumber: 'unverified-number',
  conflictingNumber: 'conflicting-number',
  disputedNumber: 'disputed-number',
  nonCanonicalSpelling: 'non-canonical-spelling',
  possibleVariant: 'possible-variant',
  unknownName: 'unknown-name',
  titleMismatch: 'title-mismatch',
  outdatedTitle: 'outdated-title',
} as const;
export type FindingCode = (typeof FindingCode)[keyof typeof FindingCode];

/** A severity, or `off` to report nothing of that kind. */
export type FindingLevel = Severity | 'off';

/** One finding in an analysed text (offsets into it): what the editor shows as a diagnostic and the CLI as a problem. */
export interface Finding {
  start: number;
  end: number;
  severity: Severity;
  code: FindingCode;
  message: string;
  /** The entity of a spelling finding. */
  entityId?: string;
  /** The fact a number finding is about. */
  factId?: string;
  /** For spellings: the replacement text a quick fix applies; for titles, the person's current title. */
  replacement?: string;
}

/** A positioned problem in an input file (glossary or facts ledger). */
export interface Problem {
  /** The file as the caller named it (workspace-relative path or URI string). */
  file: string;
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
  severity: Severity;
  code: ProblemCode | FindingCode;
  message: string;
}

/** Where something is defined in a source file. */
export interface SourceLocation {
  file: string;
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
}
