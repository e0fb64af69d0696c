/**
 * `glossa`: the command-line program over the same core as the extension.
 * check: problems and mentions; normalize: rewrite variants; stats: the mention index.
 */
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  DEFAULT_IGNORED_NUMBER_KINDS,
  Engine,
  LineIndex,
  applyEdits,
  entitySpellings,
  findings,
  parseGlossary,
  parseLedger,
  textFormatOf,
  type SourceFile,
} from '../core';
import { parseCli, UsageError, USAGE, type CliOptions } from './args';
import { corpusFiles, displayPath, InputError, readText } from './files';
import { printCheck, printNormalize, printStats, type CheckReport, type StatsEntity } from './output';

const VERSION = '0.1.0';
const NON_ASCII_OR_SPACE = /[^\x21-\x7e ]/;

function loadSources(explicit: string[], fallback: string, required: boolean): SourceFile[] {
  if (explicit.length > 0) return explicit.map((file) => ({ file: displayPath(file), text: readText(file) }));
  if (fs.existsSync(fallback)) return [{ file: displayPath(fallback), text: readText(fallback) }];
  if (required) throw new InputError(`No ${fallback} in the current folder: pass --glossary FILE.`);
  return [];
}

function loadEngine(options: CliOptions): Engine {
  const glossary = parseGlossary(loadSources(options.glossary, 'glossary.yaml', true));
  const ledger = options.command === 'check' ? parseLedger(loadSources(options.facts, 'facts.yaml', false)) : { facts: [], problems: [] };
  return new Engine(glossary, ledger);
}

function check(options: CliOptions): number {
  const engine = loadEngine(options);
  const files = corpusFiles(options.paths.length > 0 ? options.paths : ['.']);
  const report: CheckReport = { files: [], mentions: [], numbers: [], problems: [...engine.glossary.problems, ...engine.ledger.problems] };
  for (const file of files) {
    const text = readText(file);
    const name = displayPath(file);
    const lines = new LineIndex(text);
    const analysis = engine.analyze(text, { format: textFormatOf(file) });
    report.files.push(name);
    for (const m of analysis.mentions) {
      const entity = engine.entity(m.entityId)!;
      report.mentions.push({ file: name, ...range(lines, m.start, m.end), text: m.text, entity: entity.id, kind: entity.kind, canonical: entity.name, variant: m.variant });
    }
    for (const n of analysis.numbers) {
      if (!options.allNumbers && DEFAULT_IGNORED_NUMBER_KINDS.has(n.kind)) continue;
      report.numbers.push({ file: name, ...range(lines, n.start, n.end), text: n.text, kind: n.kind, value: n.value, unit: n.unit, qualifier: n.qualifier, status: n.status, fact: n.fact });
    }
    for (const f of findings(analysis, engine)) {
      report.problems.push({ file: name, ...range(lines, f.start, f.end), severity: f.severity, code: f.code, message: f.message });
    }
  }
  printCheck(report, options.format);
  const errors = report.problems.some((p) => p.severity === 'error');
  const warnings = report.problems.some((p) => p.severity === 'warning');
  return errors || (options.strict && warnings) ? 1 : 0;
}

function normalize(options: CliOptions): number {
  const engine = loadEngine(options);
  const glossaryErrors = engine.glossary.problems.filter((p) => p.severity === 'error');
  const files = corpusFiles(options.paths.length > 0 ? options.paths : ['.']);
  const results = [];
  for (const file of files) {
    const text = readText(file);
    const edits = engine.normalize(text, { style: options.style, format: textFormatOf(file) });
    if (edits.length === 0) continue;
    const lines = new LineIndex(text);
    results.push({ file: displayPath(file), edits: edits.map((e) => ({ ...range(lines, e.start, e.end), oldText: e.oldText, newText: e.newText, entity: e.entityId })) });
    if (options.write) fs.writeFileSync(file, applyEdits(text, edits), 'utf8');
  }
  printNormalize(results, options.write, options.format, glossaryErrors);
  return glossaryErrors.length > 0 ? 1 : 0;
}

function stats(options: CliOptions): number {
  const started = performance.now();
  const engine = loadEngine(options);
  const compiled = performance.now();
  const files = corpusFiles(options.paths.length > 0 ? options.paths : ['.']);
  // entity id -> spelling -> count; entity id -> files: read one file at a time.
  const spellings = new Map<string, Map<string, number>>();
  const fileCounts = new Map<string, number>();
  let bytes = 0;
  for (const file of files) {
    const text = readText(file);
    bytes += Buffer.byteLength(text, 'utf8');
    const inFile = new Set<string>();
    for (const m of engine.mentions(text, { format: textFormatOf(file) })) {
      let bySpelling = spellings.get(m.entityId);
      if (!bySpelling) spellings.set(m.entityId, (bySpelling = new Map()));
      // Count NFD-encoded and line-broken spellings with their ordinary form.
      const spelling = NON_ASCII_OR_SPACE.test(m.text) ? m.text.normalize('NFC').replace(/\s+/g, ' ') : m.text;
      const count = bySpelling.get(spelling);
      // A new key is copied: the mention's text is a view on the whole file, which the key would keep alive.
      if (count === undefined) bySpelling.set(detached(spelling), 1);
      else bySpelling.set(spelling, count + 1);
      inFile.add(m.entityId);
    }
    for (const id of inFile) fileCounts.set(id, (fileCounts.get(id) ?? 0) + 1);
  }
  const entities: StatsEntity[] = [];
  for (const [id, bySpelling] of spellings) {
    const entity = engine.entity(id)!;
    // The glossary's own spellings in its order (name, aliases, aka, short forms), as DESIGN.md
    // shows them; then other written forms (diacritic-free, capitals), most frequent first.
    const rank = new Map(entitySpellings(entity).map((s, i) => [s.text, i]));
    const order = (text: string) => rank.get(text) ?? Number.MAX_SAFE_INTEGER;
    const spellingList = [...bySpelling]
      .map(([text, count]) => ({ text, count }))
      .sort((a, b) => order(a.text) - order(b.text) || b.count - a.count || a.text.localeCompare(b.text));
    entities.push({ entity: id, kind: entity.kind, canonical: entity.name, mentions: spellingList.reduce((s, x) => s + x.count, 0), files: fileCounts.get(id) ?? 0, spellings: spellingList });
  }
  entities.sort((a, b) => b.mentions - a.mentions || a.canonical.localeCompare(b.canonical));
  const finished = performance.now();
  printStats(
    {
      files: files.length,
      bytes,
      entities,
      timing: { compileMs: compiled - started, scanMs: finished - compiled, totalMs: finished - started, peakRssBytes: process.resourceUsage().maxRSS * 1024 },
      spellingsCompiled: engine.matcher.spellingCount,
      problems: engine.glossary.problems,
    },
    options.format,
  );
  return engine.glossary.problems.some((p) => p.severity === 'error') ? 1 : 0;
}

/** A copy of `s` that does not share the memory of the text it was sliced from. */
function detached(s: string): string {
  return Buffer.from(s, 'utf8').toString('utf8');
}

function range(lines: LineIndex, start: number, end: number) {
  const s = lines.positionAt(start);
  const e = lines.positionAt(end);
  return { line: s.line, character: s.character, endLine: e.line, endCharacter: e.character };
}

export function main(argv: string[]): number {
  try {
    const options = parseCli(argv);
    if (options === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return argv.length === 0 ? 2 : 0;
    }
    if (options === 'version') {
      process.stdout.write(`glossa ${VERSION}\n`);
      return 0;
    }
    switch (options.command) {
      case 'check':
        return check(options);
      case 'normalize':
        return normalize(options);
      case 'stats':
        return stats(options);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`glossa: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof InputError) {
      process.stderr.write(`glossa: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
