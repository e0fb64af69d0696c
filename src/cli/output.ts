/** What the CLI prints: the JSON contract of DESIGN.md, or text for people (1-based line:column). */
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

const out = (s: string) => process.stdout.write(s);

function where(p: { file: string; line: number; character: number }): string {
  return `${p.file}:${p.line + 1}:${p.character + 1}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function printCheck(report: CheckReport, format: OutputFormat): void {
  if (format === 'json') {
    out(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  const tally = report.tally;
  const order = { error: 0, warning: 1, info: 2, hint: 3 };
  for (const p of [...report.problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.character - b.character || order[a.severity] - order[b.severity])) {
    out(`${where(p)}: ${p.severity} ${p.code}: ${p.message}\n`);
  }
  const count = (s: string) => report.problems.filter((p) => p.severity === s).length;
  const byStatus = (s: string) => (tally ? (tally.byStatus[s] ?? 0) : report.numbers.filter((n) => n.status === s).length);
  const entities = tally ? tally.entities.size : new Set(report.mentions.map((m) => m.entity)).size;
  const mentions = tally ? tally.mentions : report.mentions.length;
  const numbers = tally ? tally.numbers : report.numbers.length;
  out(
    `\n${plural(report.files.length, 'file')}: ${plural(mentions, 'mention')} of ${plural(entities, 'entity').replace('entitys', 'entities')}, ` +
      `${plural(numbers, 'number')} (${byStatus('verified')} verified, ${byStatus('conflicting')} conflicting, ${byStatus('disputed')} disputed, ${byStatus('unverified')} unverified); ` +
      `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${count('info')} info` +
      `${report.variants.length > 0 ? `; ${plural(report.variants.length, 'possible variant')} (glossa suggest lists the names the glossary lacks)` : ''}\n`,
  );
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
  for (const p of problems) out(`${where(p)}: ${p.severity} ${p.code}: ${p.message}\n`);
  let total = 0;
  for (const r of results) {
    for (const e of r.edits) out(`${where({ file: r.file, line: e.line, character: e.character })}: ${e.oldText} → ${e.newText}\n`);
    total += r.edits.length;
  }
  const verb = written ? 'Rewrote' : 'Would rewrite';
  out(`\n${verb} ${plural(total, 'spelling')} in ${plural(results.length, 'file')}${written || total === 0 ? '' : ' (run with --write to apply)'}.\n`);
}

export function printStats(report: StatsReport, format: OutputFormat): void {
  if (format === 'json') {
    out(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  for (const p of report.problems) out(`${where(p)}: ${p.severity} ${p.code}: ${p.message}\n`);
  for (const e of report.entities) {
    out(`${e.canonical} ${e.mentions}: ${e.spellings.map((s) => `${s.text} ${s.count}`).join(', ')} (${plural(e.files, 'file')})\n`);
  }
  const mb = report.bytes / 1e6;
  const seconds = report.timing.totalMs / 1000;
  process.stderr.write(
    `\n${plural(report.files, 'file')}, ${mb.toFixed(1)} MB, ${report.spellingsCompiled} spellings: ` +
      `compiled in ${report.timing.compileMs.toFixed(0)} ms, scanned in ${(report.timing.scanMs / 1000).toFixed(2)} s ` +
      `(${(mb / Math.max(seconds, 1e-9)).toFixed(1)} MB/s overall), peak memory ${(report.timing.peakRssBytes / 2 ** 20).toFixed(0)} MiB\n`,
  );
}
