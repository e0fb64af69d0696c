/**
 * `glossa`: the command-line program over the same core as the extension.
 * check: problems and mentions; normalize: rewrite variants; stats: the mention index;
 * suggest: the names the glossary lacks.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import {
  DEFAULT_IGNORED_NUMBER_KINDS,
  Engine,
  LineIndex,
  MentionIndex,
  applyEdits,
  type MentionIndexSnapshot,
  findings,
  parseLedger,
  textFormatOf,
  type SourceFile,
} from '../core';
import { parseCli, UsageError, USAGE, type CliOptions } from './args';
import { corpusFiles, displayPath, InputError, readText } from './files';
import { chunkFiles, runChunks, serveJobs, threadsFor, type ChunkRunner, type JobInput } from './jobs';
import { addTally, CheckJsonPrinter, CheckTextPrinter, inPrintOrder, printCheck, printNormalize, printStats, type CheckReport, type CheckTally, type StatsEntity } from './output';
import { loadGlossary } from './glossaryCache';
import { suggest, variantRows } from './suggest';

const VERSION = '0.1.0';

function loadSources(explicit: string[], fallback: string, required: boolean): SourceFile[] {
  if (explicit.length > 0) return explicit.map((file) => ({ file: displayPath(file), text: readText(file) }));
  if (fs.existsSync(fallback)) return [{ file: displayPath(fallback), text: readText(fallback) }];
  if (required) throw new InputError(`No ${fallback} in the current folder: pass --glossary FILE.`);
  return [];
}

function loadEngine(options: CliOptions): Engine {
  return engineFrom(options, loadSources(options.glossary, 'glossary.yaml', true), options.command === 'check' ? loadSources(options.facts, 'facts.yaml', false) : []);
}

function engineFrom(options: CliOptions, glossary: SourceFile[], facts: SourceFile[]): Engine {
  return new Engine(loadGlossary(glossary, VERSION, options.cache), options.command === 'check' ? parseLedger(facts) : { facts: [], problems: [] });
}

/** What `check` finds in a run of files: the report's rows for them, in file order. */
type CheckPart = Pick<CheckReport, 'files' | 'mentions' | 'variants' | 'numbers' | 'problems'> & { tally?: CheckTally };

function checkFiles(engine: Engine, files: string[], options: CliOptions): CheckPart {
  const part: CheckPart = { files: [], mentions: [], variants: [], numbers: [], problems: [] };
  // The text format prints counts of mentions and numbers: keep those, not a row for each.
  const tally: CheckTally | undefined = options.format === 'json' ? undefined : (part.tally = { mentions: 0, entities: new Set(), numbers: 0, byStatus: {} });
  for (const file of files) {
    const text = readText(file);
    const name = displayPath(file);
    const lines = new LineIndex(text);
    const analysis = engine.analyze(text, { format: textFormatOf(file) });
    part.files.push(name);
    for (const m of analysis.mentions) {
      const entity = engine.entity(m.entityId)!;
      if (tally) {
        tally.mentions++;
        tally.entities.add(entity.id);
        continue;
      }
      const mention: CheckReport['mentions'][number] = { file: name, ...range(lines, m.start, m.end), text: m.text, entity: entity.id, kind: entity.kind, canonical: entity.name, variant: m.variant };
      if (m.title) mention.title = m.title.text.replace(/\s+/g, ' ');
      part.mentions.push(mention);
    }
    for (const n of analysis.numbers) {
      if (!options.allNumbers && DEFAULT_IGNORED_NUMBER_KINDS.has(n.kind)) continue;
      if (tally) {
        tally.numbers++;
        tally.byStatus[n.status] = (tally.byStatus[n.status] ?? 0) + 1;
        continue;
      }
      part.numbers.push({ file: name, ...range(lines, n.start, n.end), text: n.text, kind: n.kind, value: n.value, unit: n.unit, qualifier: n.qualifier, status: n.status, fact: n.fact });
    }
    // Possible variants as the editor finds them (each file on its own); unknown names are for `glossa suggest`, not looked for here.
    if (options.discovery) {
      analysis.discovery = engine.discover(text, analysis.mentions, undefined, textFormatOf(file), { unknownNames: false });
      part.variants.push(...variantRows(name, lines, analysis.discovery.variants));
    }
    for (const f of findings(analysis, engine, { levels: { unknownName: 'off' } })) {
      // A literal rather than a spread of `range`: a large corpus has hundreds of thousands of problems.
      const s = lines.positionAt(f.start);
      const e = lines.positionAt(f.end);
      part.problems.push({ file: name, line: s.line, character: s.character, endLine: e.line, endCharacter: e.character, severity: f.severity, code: f.code, message: f.message });
    }
  }
  return part;
}

/** What `stats` counts in a run of files. */
interface StatsPart {
  bytes: number;
  index: MentionIndexSnapshot;
}

function statsFiles(engine: Engine, files: string[]): StatsPart {
  // Read one file at a time: the index keeps only counts.
  const index = new MentionIndex();
  const entityOf = (id: string) => engine.entity(id);
  let bytes = 0;
  for (const file of files) {
    const text = readText(file);
    bytes += Buffer.byteLength(text, 'utf8');
    index.add(engine.mentions(text, { format: textFormatOf(file) }), entityOf);
  }
  return { bytes, index: index.snapshot() };
}

/** The runner of a command on one thread: this one, or a worker's (`serveJobs`). */
function chunkRunner(options: CliOptions, engine: Engine): ChunkRunner<CheckPart | StatsPart> {
  return options.command === 'check' ? (files) => checkFiles(engine, files, options) : (files) => statsFiles(engine, files);
}

/**
 * Runs `check` or `stats` over the corpus on `--jobs` threads: the engine is built
 * on each from the sources' text; the parts come back in file order.
 */
async function scanCorpus<R extends CheckPart | StatsPart>(options: CliOptions, onEngine: (engine: Engine, files: string[]) => void, onPart?: (part: R) => Promise<void> | void): Promise<R[]> {
  const glossary = loadSources(options.glossary, 'glossary.yaml', true);
  const facts = options.command === 'check' ? loadSources(options.facts, 'facts.yaml', false) : [];
  const files = corpusFiles(options.paths.length > 0 ? options.paths : ['.']);
  const threads = threadsFor(options, chunkFiles(files, 1).bytes, os.availableParallelism());
  const { chunks } = chunkFiles(files, threads);
  return (await runChunks(
    __filename,
    { options, glossary, facts, chunks },
    threads,
    () => {
      const engine = engineFrom(options, glossary, facts);
      onEngine(engine, files);
      return chunkRunner(options, engine);
    },
    onPart as ((part: CheckPart | StatsPart) => Promise<void> | void) | undefined,
  )) as R[];
}

async function check(options: CliOptions): Promise<number> {
  let engine: Engine | undefined;
  const severe = { errors: false, warnings: false };
  const note = (problems: readonly { severity: string }[]) => {
    for (const p of problems) {
      if (p.severity === 'error') severe.errors = true;
      else if (p.severity === 'warning') severe.warnings = true;
    }
  };
  // Printed as the parts come: the JSON always, the text when the files are checked in its order (they are, unless
  // their names sort differently by locale than by code unit). The problems of a large corpus are never all held.
  let printer: CheckTextPrinter | CheckJsonPrinter | undefined;
  const collected: CheckPart[] = [];
  await scanCorpus<CheckPart>(
    options,
    (e, files) => {
      engine = e;
      const head = [...e.glossary.problems, ...e.ledger.problems];
      const names = files.map(displayPath);
      if (options.format === 'json') printer = new CheckJsonPrinter(names, head);
      else if (inPrintOrder(names)) printer = new CheckTextPrinter(head);
      else return;
      note(head);
    },
    (part) => {
      if (!printer) return void collected.push(part);
      note(part.problems);
      return printer.add(part);
    },
  );
  if (printer) {
    await printer.finish();
  } else {
    const report: CheckReport = { files: [], mentions: [], variants: [], numbers: [], problems: [...engine!.glossary.problems, ...engine!.ledger.problems] };
    for (const part of collected) {
      for (const key of ['files', 'mentions', 'variants', 'numbers', 'problems'] as const) {
        const into = report[key] as unknown[];
        for (const row of part[key]) into.push(row);
      }
      if (part.tally) addTally((report.tally ??= { mentions: 0, entities: new Set(), numbers: 0, byStatus: {} }), part.tally);
    }
    printCheck(report);
    note(report.problems);
  }
  return severe.errors || (options.strict && severe.warnings) ? 1 : 0;
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

async function stats(options: CliOptions): Promise<number> {
  const started = performance.now();
  let engine: Engine | undefined;
  let compiled = started;
  const parts = await scanCorpus<StatsPart>(options, (e) => {
    engine = e;
    compiled = performance.now();
  });
  const index = new MentionIndex();
  const entityOf = (id: string) => engine!.entity(id);
  let bytes = 0;
  let files = 0;
  for (const part of parts) {
    bytes += part.bytes;
    files += part.index.files;
    index.merge(part.index, entityOf);
  }
  const entities: StatsEntity[] = index
    .entries('glossary')
    .map(({ entity, mentions, files: fileCount, spellings }) => ({ entity: entity.id, kind: entity.kind, canonical: entity.name, mentions, files: fileCount, spellings }));
  const finished = performance.now();
  printStats(
    {
      files,
      bytes,
      entities,
      timing: { compileMs: compiled - started, scanMs: finished - compiled, totalMs: finished - started, peakRssBytes: process.resourceUsage().maxRSS * 1024 },
      spellingsCompiled: engine!.matcher.spellingCount,
      problems: engine!.glossary.problems,
    },
    options.format,
  );
  return engine!.glossary.problems.some((p) => p.severity === 'error') ? 1 : 0;
}

function range(lines: LineIndex, start: number, end: number) {
  const s = lines.positionAt(start);
  const e = lines.positionAt(end);
  return { line: s.line, character: s.character, endLine: e.line, endCharacter: e.character };
}

/**
 * A reader that stops reading (`glossa check | head`) ends the program quietly, not with a stack trace, and with
 * the status of a program the closed pipe stopped (128 + SIGPIPE): the check did not finish, so a pipeline under
 * `set -o pipefail` does not pass for a clean one.
 */
function stopWhenTheReaderLeaves(): void {
  if (process.stdout.listenerCount('error') > 0) return;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(128 + (os.constants.signals.SIGPIPE ?? 13));
    throw error;
  });
}

export async function main(argv: string[]): Promise<number> {
  stopWhenTheReaderLeaves();
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
        return await check(options);
      case 'normalize':
        return normalize(options);
      case 'stats':
        return await stats(options);
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

if (!isMainThread && (workerData as Partial<JobInput> | null)?.glossaJob === true) {
  // A worker thread of `--jobs` (jobs.ts): this same file, started by the main thread.
  const input = workerData as JobInput;
  serveJobs(input, parentPort!, () => chunkRunner(input.options, engineFrom(input.options, input.glossary, input.facts)));
} else if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
