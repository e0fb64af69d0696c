/**
 * The one place where the core's plain data becomes VS Code objects: offsets
 * and positioned problems to ranges, findings to diagnostics, entity kinds to
 * symbol kinds and icons.
 */
import * as vscode from 'vscode';
import type { EntityKind, Finding, Position, Problem, Severity, SourceLocation } from '../core';

/** Anything that turns a UTF-16 offset into a VS Code position (the core's LineIndex does). */
export interface PositionMap {
  positionAt(offset: number): Position;
}

export const DIAGNOSTIC_SOURCE = 'glossa';

export function toPosition(p: Position): vscode.Position {
  return new vscode.Position(p.line, p.character);
}

/** The range of the offsets `[start, end)`. */
export function toRange(map: PositionMap, start: number, end: number): vscode.Range {
  const s = map.positionAt(start);
  const e = map.positionAt(end);
  return new vscode.Range(s.line, s.character, e.line, e.character);
}

/** The range of a positioned problem or source location. */
export function locationRange(loc: Pick<SourceLocation, 'line' | 'character' | 'endLine' | 'endCharacter'>): vscode.Range {
  return new vscode.Range(loc.line, loc.character, loc.endLine, loc.endCharacter);
}

export function toSeverity(severity: Severity): vscode.DiagnosticSeverity {
  switch (severity) {
    case 'error':
      return vscode.DiagnosticSeverity.Error;
    case 'warning':
      return vscode.DiagnosticSeverity.Warning;
    case 'hint':
      return vscode.DiagnosticSeverity.Hint;
    default:
      return vscode.DiagnosticSeverity.Information;
  }
}

/**
 * A diagnostic that keeps its range as four numbers and makes the `Range` when read.
 * VS Code keeps every diagnostic of a collection: a workspace check of a large corpus
 * has hundreds of thousands, and a `Range` with its two `Position`s is three objects
 * more than the diagnostic (about 100 bytes each time).
 */
class CompactDiagnostic extends vscode.Diagnostic {
  // Declared only: a class field would be set after `super()`, over what the setter stored.
  declare private startLine: number;
  declare private startCharacter: number;
  declare private endLine: number;
  declare private endCharacter: number;

  // @ts-expect-error An accessor over the base class's property: `vscode.Diagnostic`'s constructor assigns `range`, which this setter takes.
  override get range(): vscode.Range {
    return new vscode.Range(this.startLine, this.startCharacter, this.endLine, this.endCharacter);
  }

  override set range(range: vscode.Range) {
    this.startLine = range.start.line;
    this.startCharacter = range.start.character;
    this.endLine = range.end.line;
    this.endCharacter = range.end.character;
  }
}

/** A finding in a text as a diagnostic with source "glossa" and the finding's stable code. */
export function findingToDiagnostic(finding: Finding, map: PositionMap, related?: vscode.DiagnosticRelatedInformation[]): vscode.Diagnostic {
  const diagnostic = new CompactDiagnostic(toRange(map, finding.start, finding.end), finding.message, toSeverity(finding.severity));
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = finding.code;
  if (related && related.length > 0) diagnostic.relatedInformation = related;
  return diagnostic;
}

/** A problem of a glossary or facts file as a diagnostic on that file. */
export function problemToDiagnostic(problem: Problem): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(locationRange(problem), problem.message, toSeverity(problem.severity));
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = problem.code;
  return diagnostic;
}

export function symbolKind(kind: EntityKind): vscode.SymbolKind {
  switch (kind) {
    case 'person':
      return vscode.SymbolKind.Object;
    case 'body':
      return vscode.SymbolKind.Struct;
    default:
      return vscode.SymbolKind.Namespace;
  }
}

/** The product icon of an entity kind, as used in the views and the hover card. */
export function kindIcon(kind: EntityKind): string {
  switch (kind) {
    case 'person':
      return 'person';
    case 'body':
      return 'organization';
    default:
      return 'location';
  }
}

/** The colour id (`contributes.colors`) of an entity kind. */
export function kindColor(kind: EntityKind): string {
  return `glossa.${kind}.foreground`;
}
