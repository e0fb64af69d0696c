/**
 * Typed reads of Glossa's settings. package.json is the source of truth for
 * names, defaults and descriptions; every read here is per resource (a document
 * or a workspace folder), so multi-root workspaces can differ.
 */
import * as vscode from 'vscode';
import type { FindingLevel, FindingLevels, NormalizeStyle, NumberKind } from '../../core';

export type DiagnosticsScope = 'openFiles' | 'workspace';

export interface GlossaConfig {
  glossaryFiles: string[];
  factsFiles: string[];
  include: string[];
  exclude: string[];
  /** In bytes; 0 for no limit. */
  maxFileSize: number;
  highlight: boolean;
  diagnosticsScope: DiagnosticsScope;
  levels: FindingLevels;
  ignoredNumbers: ReadonlySet<NumberKind>;
  /** What Normalize (and the spelling diagnostics) take as the right spelling. */
  normalizeStyle: NormalizeStyle;
}

const LEVELS: readonly FindingLevel[] = ['error', 'warning', 'info', 'off'];

/** Settings by workspace folder, while `watchConfig()` keeps them fresh. */
let cache: Map<string, GlossaConfig> | undefined;

/**
 * Caches the settings per workspace folder (every Glossa setting has resource
 * scope, so a folder is the finest level at which they differ) and forgets them
 * on any change. Register it before anything else that listens to configuration
 * changes, so those listeners read the new values.
 */
export function watchConfig(): vscode.Disposable {
  cache = new Map();
  const listener = vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('glossa')) cache?.clear();
  });
  return new vscode.Disposable(() => {
    listener.dispose();
    cache = undefined;
  });
}

/** The settings in effect for `scope` (a document, a file URI or a workspace folder). */
export function readConfig(scope?: vscode.ConfigurationScope): GlossaConfig {
  if (!cache) return read(scope);
  const uri = scope instanceof vscode.Uri ? scope : scope && 'uri' in scope ? scope.uri : undefined;
  const key = (uri && vscode.workspace.getWorkspaceFolder(uri)?.uri.toString()) ?? '';
  let config = cache.get(key);
  if (!config) cache.set(key, (config = read(scope)));
  return config;
}

function read(scope?: vscode.ConfigurationScope): GlossaConfig {
  const c = vscode.workspace.getConfiguration('glossa', scope);
  const strings = (key: string, fallback: string[]): string[] => {
    const value = c.get<unknown>(key);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : fallback;
  };
  const level = (key: string, fallback: FindingLevel): FindingLevel => {
    const value = c.get<string>(key);
    return LEVELS.includes(value as FindingLevel) ? (value as FindingLevel) : fallback;
  };
  const maxFileSize = c.get<number>('maxFileSize', 2097152);
  return {
    glossaryFiles: strings('glossaryFiles', ['glossary.yaml']),
    factsFiles: strings('factsFiles', ['facts.yaml']),
    include: strings('include', ['**/*.{txt,md}']),
    exclude: strings('exclude', []),
    maxFileSize: Number.isFinite(maxFileSize) && maxFileSize > 0 ? maxFileSize : 0,
    highlight: c.get<boolean>('highlight.enabled', true),
    diagnosticsScope: c.get<string>('diagnostics.scope') === 'workspace' ? 'workspace' : 'openFiles',
    levels: {
      unverifiedNumber: level('diagnostics.unverifiedNumber', 'warning'),
      conflictingNumber: level('diagnostics.conflictingNumber', 'error'),
      disputedNumber: level('diagnostics.disputedNumber', 'warning'),
      nonCanonicalSpelling: level('diagnostics.nonCanonicalSpelling', 'info'),
    },
    ignoredNumbers: new Set(strings('numbers.ignore', ['year', 'date', 'time']) as NumberKind[]),
    normalizeStyle: c.get<string>('normalize.style') === 'ascii' ? 'ascii' : 'canonical',
  };
}

/** Settings whose change means the glossary and facts files must be found again. */
export function affectsFiles(e: vscode.ConfigurationChangeEvent): boolean {
  return e.affectsConfiguration('glossa.glossaryFiles') || e.affectsConfiguration('glossa.factsFiles');
}

/** Settings whose change changes which files are corpus files. */
export function affectsCorpus(e: vscode.ConfigurationChangeEvent): boolean {
  return e.affectsConfiguration('glossa.include') || e.affectsConfiguration('glossa.exclude') || e.affectsConfiguration('glossa.maxFileSize');
}

/** Settings whose change changes what is reported about a text. */
export function affectsFindings(e: vscode.ConfigurationChangeEvent): boolean {
  return e.affectsConfiguration('glossa.diagnostics') || e.affectsConfiguration('glossa.numbers') || e.affectsConfiguration('glossa.normalize');
}
