/**
 * `glossa`: the command-line program over the same core as the extension.
 * check: problems and mentions; normalize: rewrite variants; stats: the mention index;
 * suggest: the names the glossary lacks.
 */
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  DEFAULT_IGNORED_NUMBER_KINDS,
  Engine,
  LineIndex,
  MentionIndex,
  applyEdits,
  findings,
  parseGlossary,
  parseLedger,
  textFormatOf,
  type SourceFile,
} from '../core';
import { parseCli, UsageError, USAGE, type CliOptions } from './args';
import { corpusFiles, displayPath, InputError, readText } from './files';
import { printCheck, printNormalize, printStats, type CheckReport, type StatsEntity } from './output';
import { suggest, variantRows } from './suggest';

const VERSION = '0.1.0';

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
  const report: CheckReport = { files: [], mentions: [], variants: [], numbers: [], problems: [...engine.glossary.problems, ...engine.ledger.problems] };
  for (const file of files) {
    const text = readText(file);
    const name = displayPath(file);
    const lines = new LineIndex(text);
    const analysis = engine.analyze(text, { format: textFormatOf(file) });
    report.files.push(name);
    for (const m of analysis.mentions) {
      const entity = engine.entity(m.entityId)!;
      const mention: CheckReport['mentions'][number] = { file: name, ...range(lines, m.start, m.end), text: m.text, entity: entity.id, kind: entity.kind, canonical: entity.name, variant: m.variant };
      if (m.title) mention.title = m.title.text.replace(/\s+/g, ' ');
      report.mentions.push(mention);
    }
    for (const n of analysis.numbers) {
      if (!options.allNumbers && DEFAULT_IGNORED_NUMBER_KINDS.has(n.kind)) continue;
      report.numbers.push({ file: name, ...range(lines, n.start, n.end), text: n.text, kind: n.kind, value: n.value, unit: n.unit, qualifier: n.qualifier, status: n.status, fact: n.fact });
    }
    // Possible variants as the editor finds them (each file on its own); unknown names are for `glossa suggest`.
    if (options.discovery) {
      analysis.discovery = engine.discover(text, analysis.mentions, undefined, textFormatOf(file));
      report.variants.push(...variantRows(name, lines, analysis.discovery.variants));
    }
    for (const f of findings(analysis, engine, { levels: { unknownName: 'off' } })) {
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
  // Read one file at a time: the index keeps only counts.
  const index = new MentionIndex();
  const entityOf = (id: string) => engine.entity(id);
  let bytes = 0;
  for (const file of files) {
    const text = readText(file);
    bytes += Buffer.byteLength(text, 'utf8');
    index.add(engine.mentions(text, { format: textFormatOf(file) }), entityOf);
  }
  const entities: StatsEntity[] = index
    .entries('glossary')
    .map(({ entity, mentions, files: fileCount, spellings }) => ({ entity: entity.id, kind: entity.kind, canonical: entity.name, mentions, files: fileCount, spellings }));
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
      case 'suggest':
        return suggest(options, loadEngine(options));
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
