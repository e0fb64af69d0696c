// `npm run bench`: prints figures (not pass/fail) for the engine on generated corpora.
// Generates a workspace with ../shared/bench/gen.mjs once (kept in bench-workspace/, ignored),
// then measures, each in fresh processes: the glossary load (fast path and full) for 100, 1,000
// and 10,000 entities; `glossa stats` over 100 MB for each size; check (with and without discovery)
// and stats with --jobs 1 and 2 paired with ripgrep in the same rounds (cold and warm); one 1 MB
// article's cost over the glossary load; then, in-process, one 1 MB document's analysis (mentions,
// numbers + verification, discovery; with and without discovery), the editor's keystroke
// re-analysis, and peak memory.
// Then, unless --skip-editor, the in-editor figures inside a real VS Code (the
// integration harness): open → diagnostics of a 1 MB article and keystroke → annotated.
// Then, unless --skip-editor-scale, the editor at scale: *Check All Files in the
// Workspace* on the whole generated corpus in the real VS Code, with hovers and
// keystrokes meanwhile, and the extension host's memory growth.
// Then the web bundle's size and activation time beside the Node host's (webFigures).
// Options: --corpus-mb N (default 100), --runs N (default 3), --skip-rg, --skip-editor,
// --skip-editor-scale.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const corpusMb = Number(option('corpus-mb', '100'));
const runs = Number(option('runs', '3'));
const sizes = [100, 1000, 10000];
const out = path.join(root, 'bench-workspace');
const generator = path.resolve(root, '..', 'shared', 'bench', 'gen.mjs');
// Every `glossa` the bench runs keeps its glossary cache here, not in the user's cache folder.
const glossaryCache = path.join(out, '.glossa-cache');
process.env.GLOSSA_CACHE_DIR = glossaryCache;

/** This process's CPU time in ms (user + system): what the in-process figures count, so that other load on a shared machine does not inflate them. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function generate() {
  const marker = path.join(out, `.generated-${corpusMb}mb`);
  if (fs.existsSync(marker)) return;
  if (!fs.existsSync(generator)) {
    console.error(`bench: the generator is missing (${path.relative(root, generator)}); it comes with the shared folder beside the repository.`);
    process.exit(2);
  }
  console.log(`Generating a ${corpusMb} MB corpus and glossaries of ${sizes.join(', ')} entities in ${path.relative(root, out)}/ …`);
  fs.rmSync(out, { recursive: true, force: true });
  const r = spawnSync(process.execPath, [generator, '--out', out, '--corpus', `1,${corpusMb}`, '--glossary', sizes.join(',')], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  fs.writeFileSync(marker, '');
}

/** Runs `glossa stats --format json` (default --jobs) in a fresh process; returns wall time and the report's own timing. */
function stats(corpus, glossary) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'stats', corpus, '--glossary', glossary, '--format', 'json'], {
    cwd: out,
    maxBuffer: 256 * 2 ** 20,
    encoding: 'utf8',
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0) {
    console.error(r.stderr);
    throw new Error(`glossa stats exited with ${r.status}`);
  }
  const report = JSON.parse(r.stdout);
  return { wallMs, ...report.timing, bytes: report.bytes, files: report.files, mentions: report.entities.reduce((s, e) => s + e.mentions, 0) };
}

function inProcess() {
  // The tsc build of the core (npm run compile-tests), so the figures are the engine's, without the CLI.
  const core = require(path.join(root, 'out', 'src', 'core', 'index.js'));
  const results = {};
  const glossaryText = fs.readFileSync(path.join(out, 'glossary-10000.yaml'), 'utf8');
  const parse = [];
  const compile = [];
  for (let k = 0; k < 5; k++) {
    let t = performance.now();
    const glossary = core.parseGlossary([{ file: 'glossary-10000.yaml', text: glossaryText }]);
    parse.push(performance.now() - t);
    t = performance.now();
    core.EntityMatcher.compile(glossary.entities);
    compile.push(performance.now() - t);
  }
  results.parseMs = median(parse);
  results.compileMs = median(compile);

  // One ~1 MB document: the 1 MB corpus's files joined.
  const dir = path.join(out, 'corpus-1mb');
  const doc = fs.readdirSync(dir).sort().map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n\n');
  const engine = new core.Engine(core.parseGlossary([{ file: 'glossary-10000.yaml', text: glossaryText }]));
  // Mentions alone; the whole analysis (mentions, numbers, verification); discovery on its mentions as the editor runs it
  // (possible variants and unknown names), and as `glossa check` runs it (possible variants only).
  const mentions = [];
  const analyze = [];
  const discover = [];
  const discoverVariants = [];
  // Warm: the first rounds run before the optimizing compiler has caught up (more so on a loaded machine); they are not counted.
  const warmUp = 5;
  for (let k = 0; k < warmUp + 11; k++) {
    let t = cpuMs();
    engine.mentions(doc);
    mentions.push(cpuMs() - t);
    t = cpuMs();
    const analysis = engine.analyze(doc);
    analyze.push(cpuMs() - t);
    t = cpuMs();
    engine.discover(doc, analysis.mentions);
    discover.push(cpuMs() - t);
    t = cpuMs();
    engine.discover(doc, analysis.mentions, undefined, 'plain', { unknownNames: false });
    discoverVariants.push(cpuMs() - t);
  }
  results.docBytes = Buffer.byteLength(doc, 'utf8');
  results.mentionsMs = median(mentions.slice(warmUp));
  results.analyzeMs = median(analyze.slice(warmUp));
  results.discoverMs = median(discover.slice(warmUp));
  results.withDiscoveryMs = median(analyze.slice(warmUp).map((a, i) => a + discover[i + warmUp]));
  results.discoverVariantsMs = median(discoverVariants.slice(warmUp));
  results.withVariantsMs = median(analyze.slice(warmUp).map((a, i) => a + discoverVariants[i + warmUp]));
  results.keystroke = keystrokes(core, engine, doc);
  return results;
}

/**
 * The editor's keystroke path in-process: the bench's edit sequence (a character typed at the end of the
 * middle line, 40 times) re-analysed with the incremental core, as the extension host runs it after the
 * debounce (the text kept up to date by concatenation, as the editor keeps it). The editor's change handler
 * reads the new text around the edit (its UTF-8 size), which makes V8 join the concatenation into one string
 * before the debounce: timed here apart from the re-analysis.
 */
function keystrokes(core, engine, doc) {
  const isClaim = (n) => n.status !== 'ignored';
  const times = [];
  const textTimes = [];
  for (let round = 0; round < 3; round++) {
    let text = doc;
    const raw = engine.analyze(text);
    let analysis = { mentions: raw.mentions, numbers: raw.numbers.filter(isClaim) };
    if (raw.date) analysis.date = raw.date;
    const lineEnd = text.indexOf('\n', text.length >> 1);
    for (let k = 0; k < 40; k++) {
      const at = lineEnd + k;
      const previousText = text;
      let t = cpuMs();
      text = text.slice(0, at) + (k % 2 ? ' ' : 'x') + text.slice(at);
      text.charCodeAt(at);
      if (round > 0) textTimes.push(cpuMs() - t);
      t = cpuMs();
      const result = core.reanalyze(engine, analysis, text, { start: at, oldEnd: at, newEnd: at + 1 }, isClaim, undefined, { format: 'plain', previousText });
      if (round > 0) times.push(cpuMs() - t);
      analysis = result ? result.analysis : engine.analyze(text);
    }
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { median: median(times), p95: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))], count: times.length, textMedian: median(textTimes) };
}
generate();
const corpus = `corpus-${corpusMb}mb`;
const cores = (await import('node:os')).availableParallelism();
console.log(`\nGlossa benchmark — ${corpus}, ${runs} runs each, medians; machine: ${cores} cores, Node ${process.version}\n`);

// Every CLI figure is a fresh process; its peak memory is read by a preloaded hook at exit.
const rssHook = path.join(out, '.maxrss.cjs');
fs.writeFileSync(rssHook, "process.on('exit', () => process.stderr.write(`\\nglossa-bench-maxrss ${process.resourceUsage().maxRSS * 1024}\\n`));\n");
function run(command, argv, { keepOutput = true } = {}) {
  const node = command === 'node';
  const started = process.hrtime.bigint();
  const r = spawnSync(node ? process.execPath : command, node ? ['-r', rssHook, ...argv] : argv, {
    cwd: out,
    maxBuffer: 256 * 2 ** 20,
    encoding: 'utf8',
    stdio: ['ignore', keepOutput ? 'pipe' : 'ignore', 'pipe'],
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${command} ${argv.join(' ')} exited with ${r.status}: ${r.stderr}`);
  const rss = /glossa-bench-maxrss (\d+)/.exec(r.stderr ?? '');
  return { wallMs, rssBytes: rss ? Number(rss[1]) : 0, stdout: r.stdout };
}
const cli = (...argv) => run('node', [path.join(root, 'dist', 'cli.js'), ...argv]);
/** The same, its output (every problem of a large corpus) discarded. */
const cliQuiet = (...argv) => run('node', [path.join(root, 'dist', 'cli.js'), ...argv], { keepOutput: false });
const hasRg = !args.includes('--skip-rg') && spawnSync('rg', ['--version']).status === 0;

/** Runs each named command once per round, in turn (so each figure is paired with the others of its round): first run and median of the rest. */
function paired(commands, rounds) {
  const samples = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (let k = 0; k < rounds; k++) for (const [name, command] of Object.entries(commands)) samples[name].push(command());
  return Object.fromEntries(
    Object.entries(samples).map(([name, xs]) => {
      const warm = xs.length > 1 ? xs.slice(1) : xs;
      return [name, { cold: xs[0].wallMs, warm: median(warm.map((x) => x.wallMs)), rss: Math.max(...xs.map((x) => x.rssBytes)), last: xs[xs.length - 1] }];
    }),
  );
}

// 1. Glossary load in a cold process: parse + validate (fast path, the full `yaml` path, and from the
// glossary cache the CLI and the extension keep), then compile.
const loadScript = `
const core = require(${JSON.stringify(path.join(root, 'out', 'src', 'core', 'index.js'))});
const fs = require('node:fs');
const text = fs.readFileSync(process.argv[1], 'utf8');
const mode = process.argv[2];
let t = performance.now();
let glossary;
if (mode === 'cached') {
  glossary = core.readGlossaryCache(fs.readFileSync(process.argv[3], 'utf8'), core.glossaryCacheKey([{ file: process.argv[1], text }], 'bench'));
  if (!glossary) throw new Error('the bench glossary cache misses');
} else {
  glossary = core.parseGlossary([{ file: process.argv[1], text }], { fastPath: mode === 'fast' });
}
const parseMs = performance.now() - t;
t = performance.now();
new core.Engine(glossary);
console.log(JSON.stringify({ parseMs, compileMs: performance.now() - t }));`;
console.log('Glossary load in a cold process (parse + validate, then compile: the Engine with its matcher), ms:');
console.log('  entities   fast parse   compile   total     full parse   total     cache read   total     glossa stats on one line: load, --no-cache   cached');
const oneLine = path.join(out, 'one-line.txt');
fs.writeFileSync(oneLine, 'Sergey Lavrov met Tô Lâm.\n');
const core = require(path.join(root, 'out', 'src', 'core', 'index.js'));
for (const size of sizes) {
  const glossary = `glossary-${size}.yaml`;
  const cacheFile = path.join(glossaryCache, `bench-${glossary}.json`);
  {
    const files = [{ file: path.join(out, glossary), text: fs.readFileSync(path.join(out, glossary), 'utf8') }];
    fs.mkdirSync(glossaryCache, { recursive: true });
    fs.writeFileSync(cacheFile, core.writeGlossaryCache(core.parseGlossary(files), core.glossaryCacheKey(files, 'bench')));
  }
  const load = (mode) => () => {
    const r = run('node', ['-e', loadScript, path.join(out, glossary), mode, cacheFile]);
    const o = JSON.parse(r.stdout);
    return { ...r, wallMs: o.parseMs + o.compileMs, parseMs: o.parseMs, compileMs: o.compileMs };
  };
  const samples = { fast: [], full: [], cached: [], cli: [], cliCached: [] };
  const cliLoad = (...flags) => JSON.parse(cli('stats', oneLine, '--glossary', glossary, '--format', 'json', '--jobs', '1', ...flags).stdout).timing.compileMs;
  cliLoad(); // Fills the CLI's cache for this glossary.
  for (let k = 0; k < Math.max(runs, 3); k++) {
    samples.fast.push(load('fast')());
    samples.full.push(load('full')());
    samples.cached.push(load('cached')());
    samples.cli.push(cliLoad('--no-cache'));
    samples.cliCached.push(cliLoad());
  }
  const m = (xs, key) => median(xs.map((x) => x[key]));
  console.log(
    `  ${String(size).padStart(8)}   ${fmt(m(samples.fast, 'parseMs')).padStart(10)}   ${fmt(m(samples.fast, 'compileMs')).padStart(7)}   ${fmt(m(samples.fast, 'wallMs')).padStart(5)}` +
      `     ${fmt(m(samples.full, 'parseMs')).padStart(10)}   ${fmt(m(samples.full, 'wallMs')).padStart(5)}` +
      `     ${fmt(m(samples.cached, 'parseMs')).padStart(10)}   ${fmt(m(samples.cached, 'wallMs')).padStart(5)}` +
      `     ${fmt(median(samples.cli)).padStart(42)}   ${fmt(median(samples.cliCached)).padStart(6)}`,
  );
}
console.log('  (target: 10,000 entities loaded in ≤ 300 ms; a glossary under 64 KB is never cached: it parses as fast as a cache reads)');

// 2. The whole corpus: stats for each glossary size, then check and stats on 1 and 2 threads paired with ripgrep.
const rows = [];
for (const size of sizes) {
  const samples = [];
  for (let k = 0; k < runs; k++) samples.push(stats(corpus, `glossary-${size}.yaml`));
  const wall = median(samples.map((s) => s.wallMs));
  const s = samples[0];
  rows.push({ size, wall, compile: median(samples.map((x) => x.compileMs)), scan: median(samples.map((x) => x.scanMs)), rss: Math.max(...samples.map((x) => x.peakRssBytes)), bytes: s.bytes, mentions: s.mentions, files: s.files });
}
console.log(`\nglossa stats (whole process, default --jobs: the cores from 4 MB of text, else 1):`);
console.log('  entities   wall s   MB/s   load+compile ms   scan s   peak MiB   mentions');
for (const r of rows) {
  console.log(
    `  ${String(r.size).padStart(8)}   ${fmt(r.wall / 1000, 2).padStart(6)}   ${fmt(r.bytes / 1e6 / (r.wall / 1000), 1).padStart(5)}   ${fmt(r.compile).padStart(15)}   ${fmt(r.scan / 1000, 2).padStart(6)}   ${fmt(r.rss / 2 ** 20).padStart(8)}   ${fmt(r.mentions).padStart(8)}`,
  );
}

const commands = {};
if (hasRg) commands.rg = () => run('rg', ['-F', '-f', 'patterns-10000.txt', '--count-matches', corpus], { keepOutput: false });
for (const jobs of [1, 2]) {
  commands[`stats --jobs ${jobs}`] = () => cli('stats', corpus, '--glossary', 'glossary-10000.yaml', '--format', 'json', '--jobs', String(jobs));
  commands[`check --jobs ${jobs}`] = () => cliQuiet('check', corpus, '--glossary', 'glossary-10000.yaml', '--jobs', String(jobs));
}
// The same check without discovery (possible variants): what discovery costs (issue target: at most 30% more).
commands['check --jobs 1 --no-discovery'] = () => cliQuiet('check', corpus, '--glossary', 'glossary-10000.yaml', '--jobs', '1', '--no-discovery');
const corpusRuns = paired(commands, runs + 1);
console.log(`\nThe ${corpus} corpus with 10,000 entities, paired in each round (cold: the first round; warm: median of the ${runs} others):`);
console.log('  command                         cold s   warm s   × ripgrep (warm)   peak MiB');
for (const [name, r] of Object.entries(corpusRuns)) {
  const ratio = corpusRuns.rg ? `${fmt(r.warm / corpusRuns.rg.warm, 2)}×` : '–';
  console.log(`  ${name.padEnd(30)}  ${fmt(r.cold / 1000, 2).padStart(6)}   ${fmt(r.warm / 1000, 2).padStart(6)}   ${ratio.padStart(16)}   ${name === 'rg' ? '' : fmt(r.rss / 2 ** 20).padStart(8)}`);
}
if (hasRg) console.log(`  (rg -F -f patterns-10000.txt --count-matches ${corpus}; target: glossa ≤ 2× ripgrep, peak ≤ 150 MiB)`);
else if (!args.includes('--skip-rg')) console.log('  (ripgrep not installed: no comparison; `apt-get install ripgrep` to add it)');
if (corpusRuns['check --jobs 1 --no-discovery']) {
  const without = corpusRuns['check --jobs 1 --no-discovery'].warm;
  console.log(`  discovery adds ${fmt((100 * (corpusRuns['check --jobs 1'].warm - without)) / without)}% to glossa check --jobs 1 (warm medians; target ≤ 30%)`);
}
const same = corpusRuns['stats --jobs 1'] && JSON.stringify({ ...JSON.parse(corpusRuns['stats --jobs 1'].last.stdout), timing: 0 }) === JSON.stringify({ ...JSON.parse(corpusRuns['stats --jobs 2'].last.stdout), timing: 0 });
console.log(`  stats --jobs 1 and --jobs 2 count the same: ${same ? 'yes' : 'NO'}`);
// The other ways a CI runs check (default --jobs, one run each): the JSON report (to /dev/null, as above), and the
// text format into a pipe that the bench reads as it comes.
const json = cliQuiet('check', corpus, '--glossary', 'glossary-10000.yaml', '--format', 'json');
const piped = cli('check', corpus, '--glossary', 'glossary-10000.yaml');
console.log(
  `  check --format json: ${fmt(json.wallMs / 1000, 2)} s, peak ${fmt(json.rssBytes / 2 ** 20)} MiB; ` +
    `check into a pipe: ${fmt(piped.wallMs / 1000, 2)} s, peak ${fmt(piped.rssBytes / 2 ** 20)} MiB (one run each)`,
);

// 3. One 1 MB article in a cold CLI process, over the glossary load: `glossa check` on it against the same command on one line.
const article = path.join(out, 'article-1mb.txt');
const articleDir = path.join(out, 'corpus-1mb');
fs.writeFileSync(article, fs.readdirSync(articleDir).sort().map((f) => fs.readFileSync(path.join(articleDir, f), 'utf8')).join('\n\n'));
const articleRuns = paired({ article: () => cliQuiet('check', article, '--glossary', 'glossary-10000.yaml'), oneLine: () => cliQuiet('check', oneLine, '--glossary', 'glossary-10000.yaml') }, Math.max(runs, 3) + 1);
console.log(
  `\nglossa check on one 1 MB article with 10,000 entities: ${fmt(articleRuns.article.warm / 1000, 2)} s, on a one-line file ${fmt(articleRuns.oneLine.warm / 1000, 2)} s: ` +
    `the article costs ${fmt((articleRuns.article.warm - articleRuns.oneLine.warm) / 1000, 2)} s over the glossary load (warm medians; target ≤ 0.1 s)`,
);

const p = inProcess();
console.log('\nIn-process (the core alone):');
console.log(`  10,000-entity glossary: parse ${fmt(p.parseMs)} ms, compile ${fmt(p.compileMs)} ms (target compile ≤ 300 ms)`);
console.log(
  `  one ${fmt(p.docBytes / 1e6, 2)} MB document, CPU time: mentions ${fmt(p.mentionsMs, 1)} ms, numbers + verification ${fmt(p.analyzeMs - p.mentionsMs, 1)} ms, ` +
    `discovery ${fmt(p.discoverMs, 1)} ms`,
);
console.log(
  `  its whole analysis: without discovery ${fmt(p.analyzeMs, 1)} ms, with it ${fmt(p.withDiscoveryMs, 1)} ms ` +
    `(discovery adds ${fmt((100 * (p.withDiscoveryMs - p.analyzeMs)) / p.analyzeMs)}%, target ≤ 30%; whole analysis target ≤ 20 ms)`,
);
console.log(
  `  with discovery as glossa check runs it (possible variants only): ${fmt(p.withVariantsMs, 1)} ms, discovery ${fmt(p.discoverVariantsMs, 1)} ms ` +
    `(adds ${fmt((100 * (p.withVariantsMs - p.analyzeMs)) / p.analyzeMs)}%)`,
);
console.log(
  `  keystroke re-analysis in the middle of it (the editor's edit sequence, in-process, CPU time): median ${fmt(p.keystroke.median, 2)} ms, ` +
    `p95 ${fmt(p.keystroke.p95, 2)} ms over ${p.keystroke.count} keystrokes; before it, in the change handler, the new text made (concatenated and joined) in ${fmt(p.keystroke.textMedian, 2)} ms`,
);
console.log(`  peak memory of glossa stats (default --jobs): ${fmt(Math.max(...rows.map((r) => r.rss)) / 2 ** 20)} MiB (target ≤ 150 MiB)`);
const held = engineMemory();
if (held) {
  console.log(
    `  the 10,000-entity glossary's live heap, after a full collection: its entities ${fmt(held.glossary, 1)} MiB, the engine (matcher, titles, ledger) ` +
      `${fmt(held.engine, 1)} MiB, discovery's index ${fmt(held.discovery, 1)} MiB (each worker thread of glossa check holds an engine and its index)`,
  );
}

/** The heap each part of a compiled 10,000-entity glossary holds, measured in a child process that may force collections. */
function engineMemory() {
  const script = `
    const fs = require('fs');
    const core = require(${JSON.stringify(path.join(root, 'out', 'src', 'core', 'index.js'))});
    const heap = () => { gc(); gc(); return process.memoryUsage().heapUsed / 2 ** 20; };
    const text = fs.readFileSync(${JSON.stringify(path.join(out, 'glossary-10000.yaml'))}, 'utf8');
    const base = heap();
    const glossary = core.parseGlossary([{ file: 'glossary-10000.yaml', text }]);
    const parsed = heap();
    const engine = new core.Engine(glossary);
    const compiled = heap();
    void engine.discovery;
    const indexed = heap();
    console.log(JSON.stringify({ glossary: parsed - base, engine: compiled - parsed, discovery: indexed - compiled, entities: engine.entities.length }));`;
  const r = spawnSync(process.execPath, ['--expose-gc', '-e', script], { encoding: 'utf8' });
  if (r.status !== 0) {
    console.log(`  (the memory figure failed: ${r.stderr.trim().split('\n').slice(-3).join(' ')})`);
    return undefined;
  }
  return JSON.parse(r.stdout);
}

function editorFigures() {
  // A workspace with the 10,000-entity glossary and the 1 MB corpus as one article.
  const dir = path.join(out, 'editor');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'articles'), { recursive: true });
  fs.copyFileSync(path.join(out, 'glossary-10000.yaml'), path.join(dir, 'glossary.yaml'));
  const source = path.join(out, 'corpus-1mb');
  const text = fs.readdirSync(source).sort().map((f) => fs.readFileSync(path.join(source, f), 'utf8')).join('\n\n');
  fs.writeFileSync(path.join(dir, 'articles', 'one-megabyte.txt'), text);
  // A second window on the same folder and server data finds the glossary the first kept parsed. Its article is
  // gone, so that the window restores no editor whose analysis would share the glossary load's time.
  const data = path.join(out, 'editor-data');
  fs.rmSync(data, { recursive: true, force: true });
  runInEditor(dir, 'editor.js', 'editor: ', { GLOSSA_TEST_DATA_DIR: data });
  fs.rmSync(path.join(data, 'workspace', 'articles'), { recursive: true, force: true });
  const glossaryOnly = path.join(out, 'editor-glossary-only');
  fs.rmSync(glossaryOnly, { recursive: true, force: true });
  fs.mkdirSync(glossaryOnly);
  fs.copyFileSync(path.join(dir, 'glossary.yaml'), path.join(glossaryOnly, 'glossary.yaml'));
  runInEditor(glossaryOnly, 'editor.js', 'editor: ', { GLOSSA_TEST_DATA_DIR: data, GLOSSA_BENCH_READY_ONLY: '1' });
  fs.rmSync(data, { recursive: true, force: true });
  fs.rmSync(glossaryOnly, { recursive: true, force: true });
}

function editorScaleFigures() {
  // A workspace with the 10,000-entity glossary and the whole corpus under corpus/.
  const dir = path.join(out, 'editor-scale');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(path.join(out, 'glossary-10000.yaml'), path.join(dir, 'glossary.yaml'));
  fs.cpSync(path.join(out, corpus), path.join(dir, 'corpus'), { recursive: true });
  runInEditor(dir, 'editorScale.js', 'editor-scale: ');
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Runs a compiled test/bench entry in the real VS Code on a copy of `dir`; prints its lines that start with `prefix`. */
function runInEditor(dir, entry, prefix, env = {}) {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'run-integration.mjs'), '--workspace', dir, '--tests', path.join(root, 'out', 'test', 'bench', entry)], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, GLOSSA_TEST_TIMEOUT: '600', ...env },
    maxBuffer: 64 * 2 ** 20,
  });
  const lines = `${r.stdout}`.split('\n').filter((l) => l.startsWith(prefix));
  if (r.status !== 0 || lines.length === 0) {
    console.log(`  (the in-editor run failed, exit ${r.status}:)\n${`${r.stdout}\n${r.stderr}`.trim().split('\n').slice(-15).join('\n')}`);
    return;
  }
  for (const line of lines) console.log(`  ${line.slice(prefix.length)}`);
}

if (!args.includes('--skip-editor')) {
  console.log('\nIn the editor (a real VS Code: the 10,000-entity glossary, one 1 MB article):');
  editorFigures();
}

if (!args.includes('--skip-editor-scale')) {
  console.log(`\nThe editor at scale (a real VS Code: the 10,000-entity glossary, ${corpus} as the workspace):`);
  editorScaleFigures();
}

// VS Code for the Web: the browser bundle beside the Node one, as the .vsix ships them
// (esbuild.mjs --production), and the time each extension host takes to activate
// Glossa from them in the same workspace (test/bench/activation.ts). The
// development build is put back afterwards.
function webFigures() {
  const build = (...flags) => {
    const r = spawnSync(process.execPath, [path.join(root, 'esbuild.mjs'), ...flags], { cwd: root, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`esbuild.mjs ${flags.join(' ')} failed:\n${r.stderr}`);
  };
  console.log('\nVS Code for the Web (the browser bundle beside the Node one, minified as the .vsix ships them):');
  build('--production');
  try {
    for (const [label, file] of [['Node host', 'dist/extension.js'], ['web worker host', 'dist/web/extension.js']]) {
      console.log(`  ${label.padEnd(15)} ${file.padEnd(22)} ${fmt(fs.statSync(path.join(root, file)).size / 1024).padStart(5)} KiB`);
    }
    if (args.includes('--skip-editor')) return;
    const dir = path.join(out, 'editor');
    for (const extra of [[], ['--web']]) {
      const tests = extra.length ? path.join(root, 'test', 'bench', 'activation.ts') : path.join(root, 'out', 'test', 'bench', 'activation.js');
      const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'run-integration.mjs'), ...extra, '--workspace', dir, '--tests', tests], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
      const lines = `${r.stdout}`.split('\n').filter((l) => l.startsWith('activation: '));
      if (r.status !== 0 || lines.length === 0) console.log(`  (the activation run${extra.length ? ' in the web worker host' : ''} failed, exit ${r.status}:)\n${`${r.stdout}\n${r.stderr}`.trim().split('\n').slice(-10).join('\n')}`);
      for (const line of lines) console.log(`  ${line.slice('activation: '.length)} (the 10,000-entity glossary workspace)`);
    }
  } finally {
    build();
  }
}
webFigures();
