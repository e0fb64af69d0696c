/**
 * Typed reads of Glossa's settings. package.json is the source of truth for
 * names, defaults and descriptions; every read here is per resource (a document
 * or a workspace folder), so multi-root workspaces can differ.
 */
import * as vscode from 'vscode';
import type { DiscoveryLevels, FindingLevel, FindingLevels, NormalizeStyle, NumberKind } from '../../core';
import { Disposable } from '../disposable';

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
  /** The severity of each kind of finding (discovery's included), or `off`. */
  levels: FindingLevels & DiscoveryLevels;
  ignoredNumbers: ReadonlySet<NumberKind>;
  /** What Normalize (and the spelling diagnostics) take as the right spelling. */
  normalizeStyle: NormalizeStyle;
  /** Offer canonical names as completions in articles. */
  completion: boolean;
}

const LEVELS: readonly FindingLevel[] = ['error', 'warning', 'info', 'hint', 'off'];

/**
 * Glossa's settings, one instance for the window. It holds the only settings
 * listener: it forgets the cached values first, then fires `onDidChange`, so
 * every subscriber reads the new ones.
 */
export class Config extends Disposable {
  /** Settings by workspace folder (every Glossa setting has resource scope, so a folder is the finest level at which they differ). */
  private readonly cache = new Map<string, GlossaConfig>();
  private readonly changed = this._register(new vscode.EventEmitter<vscode.ConfigurationChangeEvent>());
  /** Fires after a `glossa.*` setting changed, once the new values are readable. */
  readonly onDidChange = this.changed.event;

  constructor() {
    super();
    this._register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('glossa')) return;
        this.cache.clear();
        this.changed.fire(e);
      }),
    );
  }

  /** `glossa.scanProcesses`, a window's setting: how many scan processes, or null for the default. */
  scanProcesses(): number | null {
    const value = vscode.workspace.getConfiguration('glossa').get<unknown>('scanProcesses');
    return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
  }

  /** The settings in effect for `scope` (a document, a file URI or a workspace folder). */
  read(scope?: vscode.ConfigurationScope): GlossaConfig {
    const uri = scope instanceof vscode.Uri ? scope : scope && 'uri' in scope ? scope.uri : undefined;
    const key = (uri && vscode.workspace.getWorkspaceFolder(uri)?.uri.toString()) ?? '';
    let config = this.cache.get(key);
    if (!config) this.cache.set(key, (config = read(scope)));
    return config;
  }
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
      titleMismatch: level('diagnostics.titleMismatch', 'warning'),
      outdatedTitle: level('diagnostics.outdatedTitle', 'warning'),
      possibleVariant: level('diagnostics.possibleVariant', 'warning'),
      shortWordVariant: level('diagnostics.shortWordVariant', 'info'),
      unknownName: level('diagnostics.unknownName', 'hint'),
    },
    ignoredNumbers: new Set(strings('numbers.ignore', ['year', 'date', 'time']) as NumberKind[]),
    normalizeStyle: c.get<string>('normalize.style') === 'ascii' ? 'ascii' : 'canonical',
    completion: c.get<boolean>('completion.enabled', true),
  };
}

/** Settings whose change means the glossary and facts files must be found again. */
export function affectsFiles(e: vscode.ConfigurationChangeEvent): boolean {
  return e.affectsConfiguration('glossa.glossaryFiles') || e.affectsConfiguration('glossa.factsFiles');
}
