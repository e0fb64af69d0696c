/**
 * `glossa suggest`: the names the glossary lacks (DESIGN.md, Discovery), grouped
 * across the corpus into candidate entries, and the possible variants of known
 * ones, through the core's `suggestEntities` (as the editor's Suggestions view).
 * Two passes: the first learns which words the corpus also writes in lower case
 * (a capitalised one of them only begins a sentence) and which acronyms recur;
 * the second finds the candidates.
 */
import { Document, isMap, isSeq, type YAMLMap, type YAMLSeq } from 'yaml';
import { candidateRow, Engine, LineIndex, suggestEntities, textFormatOf, type PossibleVariant, type Problem, type ReportRange, type SuggestedEntity, type SuggestReport, type VariantRow } from '../core';
import type { CliOptions } from './args';
import { corpusFiles, displayPath, readText } from './files';

type Location = ReportRange;

const out = (s: string) => process.stdout.write(s);

/** The possible variants of one file as the JSON reports them. */
export function variantRows(file: string, lines: LineIndex, variants: readonly PossibleVariant[]): VariantRow[] {
  return variants.map((v) => ({ file, ...locate(lines, v.start, v.end), text: v.text, entity: v.entityId, canonical: v.canonical, reason: v.reason }));
}

/** Runs `glossa suggest`; returns the exit status (1 when the glossary has errors). */
export function suggest(options: CliOptions, engine: Engine): number {
  const files = corpusFiles(options.paths.length > 0 ? options.paths : ['.']);
  const variants: VariantRow[] = [];
  // Pass 1 reads each file for its words; pass 2 reads it again (one file at a time), so the corpus is never held whole.
  let lines = new LineIndex('');
  const { candidates } = suggestEntities<Location>(
    files.map((file) => {
      const name = displayPath(file);
      return {
        name,
        words: () => engine.discoveryWords(readText(file), textFormatOf(file)),
        discover: (words) => {
          const text = readText(file);
          lines = new LineIndex(text);
          const discovery = engine.discover(text, engine.mentions(text, { format: textFormatOf(file) }), words, textFormatOf(file));
          variants.push(...variantRows(name, lines, discovery.variants));
          return discovery;
        },
        locate: (start, end) => locate(lines, start, end),
      };
    }),
    engine.entities.map((e) => e.id),
  );
  const problems = engine.glossary.problems;
  const report: SuggestReport = {
    candidates: candidates.map((c) => candidateRow(c, (o) => ({ file: o.file, ...o.at }))),
    variants,
  };
  for (const p of problems) process.stderr.write(`${p.file}:${p.line + 1}:${p.character + 1}: ${p.severity} ${p.code}: ${p.message}\n`);
  if (options.format === 'json') out(`${JSON.stringify(report, null, 2)}\n`);
  else if (options.format === 'yaml') out(candidatesAsGlossary(candidates));
  else printText(report, files.length);
  return problems.some((p: Problem) => p.severity === 'error') ? 1 : 0;
}

/**
 * The candidates as a glossary a keeper can paste from: valid glossary YAML, one
 * entry per candidate with a comment giving its count and first occurrence.
 */
export function candidatesAsGlossary(candidates: readonly SuggestedEntity<Location>[]): string {
  const entries = candidates.map((c) => ({ id: c.id, kind: c.kind, name: c.name, ...(c.aliases.length > 0 ? { aliases: c.aliases } : {}) }));
  const doc = new Document({ entities: entries });
  doc.commentBefore = ' Names the glossary lacks, found by glossa suggest: check each entry (kind, spellings) before adding it.';
  const list = doc.get('entities', true) as YAMLSeq;
  list.items.forEach((item, i) => {
    const c = candidates[i];
    const first = c.occurrences[0];
    const where = `${first.file}:${first.at.line + 1}:${first.at.character + 1}`;
    (item as YAMLMap).commentBefore = ` ${c.count} ${c.count === 1 ? 'occurrence' : 'occurrences'} in ${c.files} ${c.files === 1 ? 'file' : 'files'}; first at ${where}`;
    if (isMap(item)) {
      const aliases = item.get('aliases', true);
      if (isSeq(aliases)) aliases.flow = true;
    }
  });
  return doc.toString({ lineWidth: 0 });
}

function printText(report: SuggestReport, fileCount: number): void {
  for (const c of report.candidates) {
    const first = c.occurrences[0];
    const spellings = c.spellings.map((s) => `${s.text} ${s.count}`).join(', ');
    out(`${c.name} (${c.kind}, ${c.id}): ${c.count} in ${c.files} ${c.files === 1 ? 'file' : 'files'}: ${spellings}; first at ${first.file}:${first.line + 1}:${first.character + 1}\n`);
  }
  if (report.variants.length > 0) out('\nPossible variants of known entities:\n');
  for (const v of report.variants) out(`${v.file}:${v.line + 1}:${v.character + 1}: "${v.text}" looks like ${v.canonical} (${v.reason})\n`);
  const n = report.candidates.length;
  out(`\n${n} ${n === 1 ? 'candidate' : 'candidates'} and ${report.variants.length} possible ${report.variants.length === 1 ? 'variant' : 'variants'} in ${fileCount} ${fileCount === 1 ? 'file' : 'files'}${n > 0 ? '; --format yaml prints them as glossary entries' : ''}.\n`);
}

function locate(lines: LineIndex, start: number, end: number): Location {
  const s = lines.positionAt(start);
  const e = lines.positionAt(end);
  return { line: s.line, character: s.character, endLine: e.line, endCharacter: e.character };
}
