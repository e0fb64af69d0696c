// `npm run bench`: prints figures (not pass/fail) for the engine on generated corpora.
// Generates a workspace with ../shared/bench/gen.mjs once (kept in bench-workspace/, ignored),
// then measures `glossa stats` over 100 MB with glossaries of 100, 1,000 and 10,000 entities,
// glossary compile time, one 1 MB document's analysis in-process (mentions, numbers + verification,
// discovery; with and without discovery), the editor's keystroke re-analysis in-process, and peak memory.
// Then, unless --skip-editor, the in-editor figures inside a real VS Code (the
// integration harness): open → diagnostics of a 1 MB article and keystroke → annotated.
// Options: --corpus-mb N (default 100), --runs N (default 3), --skip-rg, --skip-editor.
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

/** Runs `glossa stats --format json` in a fresh process; returns wall time and the report's own timing. */
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

function ripgrep(corpus, patterns) {
  const probe = spawnSync('rg', ['--version'], { encoding: 'utf8' });
  if (probe.status !== 0 || args.includes('--skip-rg')) return null;
  const times = [];
  for (let k = 0; k < runs; k++) {
    const started = process.hrtime.bigint();
    spawnSync('rg', ['-F', '-f', patterns, '--count-matches', corpus], { cwd: out, maxBuffer: 256 * 2 ** 20 });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return median(times);
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
  // Mentions alone; the whole analysis (mentions, numbers, verification); discovery on its mentions, as the CLI's check runs it.
  const mentions = [];
  const analyze = [];
  const discover = [];
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
  }
  results.docBytes = Buffer.byteLength(doc, 'utf8');
  results.mentionsMs = median(mentions.slice(warmUp));
  results.analyzeMs = median(analyze.slice(warmUp));
  results.discoverMs = median(discover.slice(warmUp));
  results.withDiscoveryMs = median(analyze.slice(warmUp).map((a, i) => a + discover[i + warmUp]));
  results.keystroke = keystrokes(core, engine, doc);
  return results;
}

/**
 * The editor's keystroke path in-process: the bench's edit sequence (a character typed at the end of the
 * middle line, 40 times) re-analysed with the incremental core, as the extension host runs it after the
 * debounce (the text kept up to date by concatenation, as the editor keeps it).
 */
function keystrokes(core, engine, doc) {
  const isClaim = (n) => n.status !== 'ignored';
  const times = [];
  for (let round = 0; round < 3; round++) {
    let text = doc;
    const raw = engine.analyze(text);
    let analysis = { mentions: raw.mentions, numbers: raw.numbers.filter(isClaim) };
    if (raw.date) analysis.date = raw.date;
    const lineEnd = text.indexOf('\n', text.length >> 1);
    for (let k = 0; k < 40; k++) {
      const at = lineEnd + k;
      const previousText = text;
      text = text.slice(0, at) + (k % 2 ? ' ' : 'x') + text.slice(at);
      const t = cpuMs();
      const result = core.reanalyze(engine, analysis, text, { start: at, oldEnd: at, newEnd: at + 1 }, isClaim, undefined, { format: 'plain', previousText });
      if (round > 0) times.push(cpuMs() - t);
      analysis = result ? result.analysis : engine.analyze(text);
    }
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { median: median(times), p95: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))], count: times.length };
}
generate();
const corpus = `corpus-${corpusMb}mb`;
console.log(`\nGlossa benchmark — ${corpus}, ${runs} runs each, medians; machine: ${(await import('node:os')).cpus().length} cores, Node ${process.version}\n`);

const rows = [];
for (const size of sizes) {
  const samples = [];
  for (let k = 0; k < runs; k++) samples.push(stats(corpus, `glossary-${size}.yaml`));
  const wall = median(samples.map((s) => s.wallMs));
  const s = samples[0];
  rows.push({ size, wall, compile: median(samples.map((x) => x.compileMs)), scan: median(samples.map((x) => x.scanMs)), rss: Math.max(...samples.map((x) => x.peakRssBytes)), bytes: s.bytes, mentions: s.mentions, files: s.files });
}
const rg = ripgrep(corpus, 'patterns-10000.txt');

console.log('glossa stats (whole process):');
console.log('  entities   wall s   MB/s   load+compile ms   scan s   peak MiB   mentions');
for (const r of rows) {
  console.log(
    `  ${String(r.size).padStart(8)}   ${fmt(r.wall / 1000, 2).padStart(6)}   ${fmt(r.bytes / 1e6 / (r.wall / 1000), 1).padStart(5)}   ${fmt(r.compile).padStart(15)}   ${fmt(r.scan / 1000, 2).padStart(6)}   ${fmt(r.rss / 2 ** 20).padStart(8)}   ${fmt(r.mentions).padStart(8)}`,
  );
}
if (rg !== null) {
  const ours = rows[rows.length - 1].wall;
  console.log(`\nrg -F -f patterns-10000.txt --count-matches ${corpus}: ${fmt(rg / 1000, 2)} s; glossa stats with 10,000 entities: ${fmt(ours / 1000, 2)} s = ${fmt(ours / rg, 1)}× ripgrep (target ≤ 2×)`);
} else if (!args.includes('--skip-rg')) {
  console.log('\n(ripgrep not installed: no comparison; `apt-get install ripgrep` to add it)');
}

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
  `  keystroke re-analysis in the middle of it (the editor's edit sequence, in-process, CPU time): median ${fmt(p.keystroke.median, 2)} ms, ` +
    `p95 ${fmt(p.keystroke.p95, 2)} ms over ${p.keystroke.count} keystrokes`,
);
console.log(`  peak memory of glossa stats: ${fmt(Math.max(...rows.map((r) => r.rss)) / 2 ** 20)} MiB (target ≤ 150 MiB)`);

function editorFigures() {
  // A workspace with the 10,000-entity glossary and the 1 MB corpus as one article.
  const dir = path.join(out, 'editor');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'articles'), { recursive: true });
  fs.copyFileSync(path.join(out, 'glossary-10000.yaml'), path.join(dir, 'glossary.yaml'));
  const source = path.join(out, 'corpus-1mb');
  const text = fs.readdirSync(source).sort().map((f) => fs.readFileSync(path.join(source, f), 'utf8')).join('\n\n');
  fs.writeFileSync(path.join(dir, 'articles', 'one-megabyte.txt'), text);
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'run-integration.mjs'), '--workspace', dir, '--tests', path.join(root, 'out', 'test', 'bench', 'editor.js')], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, GLOSSA_TEST_TIMEOUT: '300' },
    maxBuffer: 64 * 2 ** 20,
  });
  const lines = `${r.stdout}`.split('\n').filter((l) => l.startsWith('editor: '));
  if (r.status !== 0 || lines.length === 0) {
    console.log(`  (the in-editor run failed, exit ${r.status}:)\n${`${r.stdout}\n${r.stderr}`.trim().split('\n').slice(-15).join('\n')}`);
    return;
  }
  for (const line of lines) console.log(`  ${line.slice('editor: '.length)}`);
}

if (!args.includes('--skip-editor')) {
  console.log('\nIn the editor (a real VS Code: the 10,000-entity glossary, one 1 MB article):');
  editorFigures();
}
