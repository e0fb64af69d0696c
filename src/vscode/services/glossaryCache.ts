/**
 * The extension's glossary cache: a large glossary kept parsed in the
 * extension's global storage, keyed on its content and the extension's version
 * (core/glossary/cache.ts), so that opening the workspace again does not read
 * its YAML anew. One file per workspace folder path, replaced when the glossary
 * changes. Unsaved text is parsed but never stored: typing in a large glossary
 * writes nothing. A cache that cannot be read or written only means a parse.
 */
import * as vscode from 'vscode';
import { GLOSSARY_CACHE_ABOVE, glossaryCacheKey, parseGlossary, readGlossaryCache, writeGlossaryCache, type Glossary, type SourceFile } from '../../core';

export interface ParsedGlossary {
  readonly glossary: Glossary;
  /** True when it came from the cache. */
  readonly cached: boolean;
}

export class GlossaryCache {
  private readonly decoder = new TextDecoder();
  private readonly encoder = new TextEncoder();
  /** The key each cache file holds, once this window has read or written it: a file known to hold another key is not read. */
  private readonly stored = new Map<string, string>();

  constructor(
    /** The extension's storage folder; undefined: no cache. */
    private readonly storage: vscode.Uri | undefined,
    private readonly version: string,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /**
   * The text of the folder's cache file, read ahead of its glossary (the file's name depends on the folder only);
   * undefined when there is none, or when this window already knows what it holds (`parse` reads it only if it
   * holds the key asked for).
   */
  read(folder: vscode.Uri): Promise<string | undefined> {
    const file = this.fileOf(folder);
    return !file || this.stored.has(file.toString()) ? Promise.resolve(undefined) : this.readFile(file);
  }

  /**
   * The glossary of `sources` (the folder's files, in order): from the cache when it holds these very texts, else
   * parsed. `saved`: the texts are the files as saved; only then is the cache read or written (unsaved text is
   * never stored, so it is never there). `kept`: the cache file's text as `read` gave it, if it was read ahead.
   */
  async parse(folder: vscode.Uri, sources: readonly SourceFile[], saved: boolean, kept?: Promise<string | undefined>): Promise<ParsedGlossary> {
    const size = sources.reduce((n, s) => n + s.text.length, 0);
    const file = this.fileOf(folder);
    if (!file || !saved || size < GLOSSARY_CACHE_ABOVE) return { glossary: parseGlossary(sources), cached: false };
    const key = glossaryCacheKey(sources, this.version);
    const known = this.stored.get(file.toString());
    const text = (await kept) ?? (known === key ? await this.readFile(file) : undefined);
    const hit = text === undefined ? undefined : readKept(text, key);
    if (hit) {
      this.stored.set(file.toString(), key);
      return { glossary: hit, cached: true };
    }
    const glossary = parseGlossary(sources);
    void this.store(file, glossary, key);
    return { glossary, cached: false };
  }

  /** The cache file of a folder: by the folder's scheme and path, not its authority (a remote's port may change between windows). */
  private fileOf(folder: vscode.Uri): vscode.Uri | undefined {
    return this.storage && vscode.Uri.joinPath(this.storage, `glossary-${glossaryCacheKey([{ file: `${folder.scheme}:${folder.path}`, text: '' }], 'folder')}.json`);
  }

  /** The cache file's text; undefined when there is none yet for this folder. */
  private async readFile(file: vscode.Uri): Promise<string | undefined> {
    try {
      return this.decoder.decode(await vscode.workspace.fs.readFile(file));
    } catch {
      return undefined;
    }
  }

  private async store(file: vscode.Uri, glossary: Glossary, key: string): Promise<void> {
    // After the load has finished and the documents are annotated: encoding a large glossary takes tens of milliseconds.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const text = writeGlossaryCache(glossary, key);
    if (text === undefined) return;
    try {
      await vscode.workspace.fs.createDirectory(this.storage!);
      await vscode.workspace.fs.writeFile(file, this.encoder.encode(text));
      this.stored.set(file.toString(), key);
      this.log.info(`Kept the parsed glossary (${glossary.entities.length} entities) for the next load`);
    } catch (error) {
      this.log.debug(`Could not keep the parsed glossary in ${file.toString(true)}: ${String(error)}`);
    }
  }
}

/** The cached glossary if `text` holds it for `key`; a damaged file is only a miss. */
function readKept(text: string, key: string): Glossary | undefined {
  try {
    return readGlossaryCache(text, key);
  } catch {
    return undefined;
  }
}
