/** What the CLI prints: the JSON contract of DESIGN.md, or text for people (1-based line:column). */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Problem, VariantRow } from '../core';

interface Ranged {
  file: string;
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
}

/** What --format asks for; `yaml` only reaches `glossa suggest`. */
export type OutputFormat = 'text' | 'json' | 'yaml';

export interface CheckReport {
  files: string[];
  /** `title`: the title written right before a person's mention, when there is one. */
  mentions: (Ranged & { text: string; entity: string; kind: string; canonical: string; variant: string; title?: string })[];
  /** Possible variants: spellings that read as a known entity's and are not in the glossary. */
  variants: VariantRow[];
  numbers: (Ranged & { text: string; kind: string; value: number; unit: string | null; qualifier: string | null; status: string; fact: string | null })[];
  problems: Problem[];
  /**
   * For the text format, which prints only counts of mentions and numbers: the counts,
   * in place of `mentions` and `numbers` (left empty). Never printed as such.
   */
  tally?: CheckTally;
}

/** The counts the text format prints, kept instead of every mention and number row. */
export interface CheckTally {
  mentions: number;
  entities: Set<string>;
  numbers: number;
  byStatus: Record<string, number>;
}

/** Adds `more` to `into`. */
export function addTally(into: CheckTally, more: CheckTally): void {
  into.mentions += more.mentions;
  for (const id of more.entities) into.entities.add(id);
  into.numbers += more.numbers;
  for (const [status, n] of Object.entries(more.byStatus)) into.byStatus[status] = (into.byStatus[status] ?? 0) + n;
}

export type { VariantRow };

export interface StatsEntity {
  entity: string;
  kind: string;
  canonical: string;
  mentions: number;
  files: number;
  spellings: { text: string; count: number }[];
}

export interface StatsReport {
  files: number;
  bytes: number;
  entities: StatsEntity[];
  spellingsCompiled: number;
  timing: { compileMs: number; scanMs: number; totalMs: number; peakRssBytes: number };
  problems: Problem[];
}

/** What prints a piece of output: a promise when the output is behind (a pipe read slowly), settled once it has caught up. */
export type Write = (s: string | Uint8Array) => Promise<void> | undefined;

// The wait for the standard output to drain, while it is behind: one for every write until then.
let draining: Promise<void> | undefined;

/** Writes to the standard output. */
export const out: Write = (s) => {
  if (process.stdout.write(s)) return draining;
  return (draining ??= new Promise((resolve) =>
    process.stdout.once('drain', () => {
      draining = undefined;
      resolve();
    }),
  ));
};

function where(p: { file: string; line: number; character: number }): string {
  return `${p.file}:${p.line + 1}:${p.character + 1}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `check`'s text format for a report held whole (its files not in the order the text sorts them). */
export function printCheck(report: CheckReport): void {
  const printer = new CheckTextPrinter([]);
  printer.add(report);
  printer.finish();
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2, hint: 3 };

/** The order of the text format: by file, line, column, then severity. */
function byPlace(a: Problem, b: Problem): number {
  return (a.file === b.file ? 0 : a.file.localeCompare(b.file)) || a.line - b.line || a.character - b.character || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
}

/** Does the text format's order (`byPlace`) keep `names` (the files, in the order they are checked) as they are? */
export function inPrintOrder(names: readonly string[]): boolean {
  for (let i = 1; i < names.length; i++) if (names[i - 1].localeCompare(names[i]) >= 0) return false;
  return true;
}

/**
 * `check`'s text format, printed part by part (a run of files at a time, in
 * `inPrintOrder`), so that a large corpus's problems are never all held: each
 * part's problems sorted and merged with the glossary's and the ledger's
 * (`head`), which sort before a file's own at the same place, as in one sort of
 * them all; the counts at the end.
 */
export class CheckTextPrinter {
  private readonly head: Problem[];
  private next = 0;
  private files = 0;
  private readonly tally: CheckTally = { mentions: 0, entities: new Set(), numbers: 0, byStatus: {} };
  private readonly bySeverity: Record<string, number> = {};
  private variants = 0;
  /** Lines not written yet: one write per part (or per 64 KB), not one per problem. */
  private pending = '';
  /** The output's wait after the last write, if it had to wait. */
  private wait: Promise<void> | undefined;

  constructor(
    head: readonly Problem[],
    private readonly write: Write = out,
  ) {
    this.head = [...head].sort(byPlace);
  }

  /** Prints a part; a promise when the output is behind (see `Write`). */
  add(part: Pick<CheckReport, 'files' | 'mentions' | 'variants' | 'numbers' | 'problems' | 'tally'>): Promise<void> | undefined {
    this.wait = undefined;
    for (const p of [...part.problems].sort(byPlace)) {
      while (this.next < this.head.length && byPlace(this.head[this.next], p) <= 0) this.print(this.head[this.next++]);
      this.print(p);
    }
    this.flush();
    this.files += part.files.length;
    this.variants += part.variants.length;
    const tally = this.tally;
    if (part.tally) {
      addTally(tally, part.tally);
    } else {
      tally.mentions += part.mentions.length;
      for (const m of part.mentions) tally.entities.add(m.entity);
      tally.numbers += part.numbers.length;
      for (const n of part.numbers) tally.byStatus[n.status] = (tally.byStatus[n.status] ?? 0) + 1;
    }
    return this.wait;
  }

  finish(): void {
    while (this.next < this.head.length) this.print(this.head[this.next++]);
    const { mentions, entities, numbers } = this.tally;
    const byStatus = (s: string) => this.tally.byStatus[s] ?? 0;
    const count = (s: string) => this.bySeverity[s] ?? 0;
    this.flush();
    this.write(
      `\n${plural(this.files, 'file')}: ${plural(mentions, 'mention')} of ${plural(entities.size, 'entity').replace('entitys', 'entities')}, ` +
        `${plural(numbers, 'number')} (${byStatus('verified')} verified, ${byStatus('conflicting')} conflicting, ${byStatus('disputed')} disputed, ${byStatus('unverified')} unverified); ` +
        `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${count('info')} info` +
        `${this.variants > 0 ? `; ${plural(this.variants, 'possible variant')} (glossa suggest lists the names the glossary lacks)` : ''}\n`,
    );
  }

  private print(p: Problem): void {
    this.bySeverity[p.severity] = (this.bySeverity[p.severity] ?? 0) + 1;
    this.pending += `${where(p)}: ${p.severity} ${p.code}: ${p.message}\n`;
    if (this.pending.length >= 1 << 16) this.flush();
  }

  private flush(): void {
    if (this.pending === '') return;
    this.wait = this.write(this.pending) ?? this.wait;
    this.pending = '';
  }
}

/** `check`'s JSON sections that follow the mentions, in their order. */
const LATER_SECTIONS = ['variants', 'numbers', 'problems'] as const;

/**
 * `check`'s JSON, printed part by part: the very text of `JSON.stringify(report,
 * null, 2)`, never held whole (on a large corpus it runs to hundreds of
 * megabytes). The files and the mentions go out as they come; the variants,
 * numbers and problems, which follow every mention, wait in temporary files.
 */
export class CheckJsonPrinter {
  private mentions = 0;
  private readonly later: Record<(typeof LATER_SECTIONS)[number], HeldText>;
  private wait: Promise<void> | undefined;

  constructor(
    files: readonly string[],
    head: readonly Problem[],
    private readonly write: Write = out,
  ) {
    const held = new HeldFiles();
    this.later = { variants: held.text(), numbers: held.text(), problems: held.text() };
    for (const p of head) this.later.problems.add(p);
    this.put(`{\n  "files": ${files.map((f, i) => rowAt(i, f)).join('')}${arrayEnd(files.length)},\n  "mentions": `);
  }

  /** Prints a part's mentions and keeps the rest; a promise when the output is behind (see `Write`). */
  add(part: Pick<CheckReport, 'mentions' | 'variants' | 'numbers' | 'problems'>): Promise<void> | undefined {
    this.wait = undefined;
    let text = '';
    for (const m of part.mentions) {
      text += rowAt(this.mentions++, m);
      if (text.length >= 1 << 16) {
        this.put(text);
        text = '';
      }
    }
    if (text !== '') this.put(text);
    for (const key of LATER_SECTIONS) for (const r of part[key]) this.later[key].add(r);
    return this.wait;
  }

  /** Prints the rest, then lets the temporary files go. */
  async finish(): Promise<void> {
    await this.wait;
    await this.write(arrayEnd(this.mentions));
    for (const key of LATER_SECTIONS) {
      await this.write(`,\n  ${JSON.stringify(key)}: `);
      await this.later[key].copyTo(this.write);
    }
    await this.write('\n}\n');
  }

  private put(text: string): void {
    this.wait = this.write(text) ?? this.wait;
  }
}

/** Row `index` of a JSON array two levels down, as `JSON.stringify(…, null, 2)` prints it there: the bracket or comma before it, then the row. */
function rowAt(index: number, value: unknown): string {
  return `${index === 0 ? '[\n' : ',\n'}    ${JSON.stringify(value, null, 2).replace(/\n/g, '\n    ')}`;
}

/** What closes such an array of `count` rows (`[]` when there are none). */
function arrayEnd(count: number): string {
  return count === 0 ? '[]' : '\n  ]';
}

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * The temporary files of one printer, in a folder of their own, removed when
 * the last is copied out or the process exits. Where no file can be made, the
 * text is held in memory instead.
 */
class HeldFiles {
  /** Undefined until the first file; null when gone, or when none could be made. */
  private folder: string | undefined | null;
  /** Texts not copied out yet. */
  private texts = 0;
  private created = 0;
  private readonly cleanUp = () => this.remove();
  // Interrupted (Ctrl+C), the program removes its files, then ends as the signal would have ended it.
  private readonly interrupted = (signal: NodeJS.Signals) => {
    this.remove();
    process.kill(process.pid, signal);
  };

  text(): HeldText {
    this.texts++;
    return new HeldText(this);
  }

  /** A new file's descriptor, or undefined (then the caller holds its text itself). */
  create(): { fd: number; file: string } | undefined {
    if (this.folder === undefined) {
      try {
        this.folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-'));
        process.once('exit', this.cleanUp);
        for (const signal of SIGNALS) process.once(signal, this.interrupted);
      } catch {
        this.folder = null;
      }
    }
    if (this.folder === null) return undefined;
    const file = path.join(this.folder, `section-${++this.created}`);
    try {
      return { fd: fs.openSync(file, 'w+'), file };
    } catch {
      return undefined;
    }
  }

  done(): void {
    if (--this.texts === 0) this.remove();
  }

  private remove(): void {
    if (!this.folder) return;
    fs.rmSync(this.folder, { recursive: true, force: true });
    process.removeListener('exit', this.cleanUp);
    for (const signal of SIGNALS) process.removeListener(signal, this.interrupted);
    this.folder = null;
  }
}

/** The rows of one JSON section, as text, kept until they can be printed. */
class HeldText {
  private count = 0;
  private pending = '';
  private file: { fd: number; file: string } | undefined | null = null;
  private readonly inMemory: string[] = [];

  constructor(private readonly files: HeldFiles) {}

  add(value: unknown): void {
    this.pending += rowAt(this.count++, value);
    if (this.pending.length >= 1 << 16) this.flush();
  }

  /** Writes the section (its rows, or `[]`) and lets its file go. */
  async copyTo(write: Write): Promise<void> {
    this.flush();
    for (const text of this.inMemory) await write(text);
    this.inMemory.length = 0;
    if (this.file) {
      const { fd } = this.file;
      for (let at = 0; ; ) {
        // A buffer for each piece: the output may hold on to one until it has written it.
        const buffer = Buffer.allocUnsafe(1 << 20);
        const n = fs.readSync(fd, buffer, 0, buffer.length, at);
        if (n === 0) break;
        at += n;
        await write(buffer.subarray(0, n));
      }
      fs.closeSync(fd);
      fs.rmSync(this.file.file, { force: true });
      this.file = undefined;
    }
    this.files.done();
    await write(arrayEnd(this.count));
  }

  private flush(): void {
    if (this.pending === '') return;
    if (this.file === null) this.file = this.files.create();
    if (this.file) fs.writeSync(this.file.fd, this.pending);
    else this.inMemory.push(this.pending);
    this.pending = '';
  }
}

export function printNormalize(
  results: { file: string; edits: { line: number; character: number; oldText: string; newText: string; entity: string }[] }[],
  written: boolean,
  format: OutputFormat,
  problems: Problem[],
): void {
  if (format === 'json') {
    out(`${JSON.stringify({ written, files: results, problems }, null, 2)}\n`);
    return;
  }
  const lines: string[] = [];
  for (const p of problems) lines.push(`${where(p)}: ${p.severity} ${p.code}: ${p.message}\n`);
  let total = 0;
  for (const r of results) {
    for (const e of r.edits) lines.push(`${where({ file: r.file, line: e.line, character: e.character })}: ${e.oldText} → ${e.newText}\n`);
    total += r.edits.length;
  }
  out(lines.join(''));
  const verb = written ? 'Rewrote' : 'Would rewrite';
  out(`\n${verb} ${plural(total, 'spelling')} in ${plural(results.length, 'file')}${written || total === 0 ? '' : ' (run with --write to apply)'}.\n`);
}

export function printStats(report: StatsReport, format: OutputFormat): void {
  if (format === 'json') {
    out(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  const lines: string[] = [];
  for (const p of report.problems) lines.push(`${where(p)}: ${p.severity} ${p.code}: ${p.message}\n`);
  for (const e of report.entities) {
    lines.push(`${e.canonical} ${e.mentions}: ${e.spellings.map((s) => `${s.text} ${s.count}`).join(', ')} (${plural(e.files, 'file')})\n`);
  }
  out(lines.join(''));
  const mb = report.bytes / 1e6;
  const seconds = report.timing.totalMs / 1000;
  process.stderr.write(
    `\n${plural(report.files, 'file')}, ${mb.toFixed(1)} MB, ${report.spellingsCompiled} spellings: ` +
      `compiled in ${report.timing.compileMs.toFixed(0)} ms, scanned in ${(report.timing.scanMs / 1000).toFixed(2)} s ` +
      `(${(mb / Math.max(seconds, 1e-9)).toFixed(1)} MB/s overall), peak memory ${(report.timing.peakRssBytes / 2 ** 20).toFixed(0)} MiB\n`,
  );
}
