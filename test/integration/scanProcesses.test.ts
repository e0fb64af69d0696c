// The corpus index's scan processes (`glossa.scanProcesses`): a workspace read in a child process gives
// the same mentions and the same workspace-scope diagnostics as one read on the extension host's
// thread, for the files no document has open; unopened files with possible variants and unverified numbers included. The web worker
// host starts no processes: there the setting changes nothing, and the log says none was used.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { eventually, readDisk, setSetting } from './acting';
import { articleUri, Articles, glossa, glossaDiagnostics, glossaLog, workspaceFile } from './glossa';
import { inWebWorker } from './support';

const encoder = new TextEncoder();

/** An unopened article with a variant of a known name, a name the glossary lacks, and a figure nobody verified. */
const ARTICLE = [
  'Talks in Hà Nội',
  '',
  'Foreign Minister Serguei Lavrov met Nguyễn Phú Trọng in Hà Nội on Monday, where 1,250 delegates waited.',
  '',
].join('\n');

const PROCESS_LINE = /Corpus index: reading \d+ file\(s\) in scan processes/g;

/**
 * Every Glossa diagnostic of the workspace's corpus files that no document has open, as "file
 * line:character code message". An open document has an analysis of its own (unknown names shown
 * as hints, for one), so earlier suites' documents VS Code still holds are left out.
 */
async function workspaceDiagnostics(): Promise<{ lines: string[]; open: Set<string> }> {
  const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
  const uris = await vscode.workspace.findFiles('**/*.{txt,md}');
  const lines = uris
    .filter((uri) => !open.has(uri.toString()))
    .sort((a, b) => a.path.localeCompare(b.path))
    .flatMap((uri) => glossaDiagnostics(uri).map((d) => `${vscode.workspace.asRelativePath(uri)} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${String(d.code)} ${d.message}`));
  return { lines, open };
}

/** Reads the whole workspace again with `processes` scan processes, then shows every file's diagnostics; returns the mentions and diagnostics. */
async function scanWith(processes: number, planted: vscode.Uri): Promise<{ mentions: string; diagnostics: string[]; open: Set<string> }> {
  const api = await glossa();
  await setSetting('glossa', 'diagnostics.scope', undefined);
  // The previous scan's diagnostics go first, so that what is waited on below is this scan's.
  await eventually(() => glossaDiagnostics(planted).length === 0, 'the unopened article without diagnostics');
  await setSetting('glossa', 'scanProcesses', processes);
  await vscode.commands.executeCommand('glossa.refreshViews');
  await setSetting('glossa', 'diagnostics.scope', 'workspace');
  await eventually(() => glossaDiagnostics(planted).some((d) => d.code === 'possible-variant'), 'the diagnostics of the unopened article');
  const { lines, open } = await workspaceDiagnostics();
  return { mentions: JSON.stringify(await api.entities()), diagnostics: lines, open };
}

/** The lines of files that neither scan saw open. */
function unopenedInBoth(lines: string[], a: Set<string>, b: Set<string>): string[] {
  const openPaths = new Set([...a, ...b].map((uri) => vscode.workspace.asRelativePath(vscode.Uri.parse(uri))));
  return lines.filter((line) => !openPaths.has(line.slice(0, line.indexOf(' '))));
}

describe('scan processes', () => {
  it('read the workspace as the extension host does: the same mentions and diagnostics', async () => {
    const planted = workspaceFile('articles', 'scanned-apart.txt');
    await vscode.workspace.fs.writeFile(planted, encoder.encode(ARTICLE));
    // A real article too, under a name no earlier suite opened (those VS Code may still hold open).
    const copy = workspaceFile('articles', 'scanned-apart-copy.txt');
    await vscode.workspace.fs.copy(articleUri(Articles.trade), copy, { overwrite: true });
    try {
      const processLines = (await glossaLog()).match(PROCESS_LINE)?.length ?? 0;
      const apart = await scanWith(1, planted);
      const after = (await glossaLog()).match(PROCESS_LINE)?.length ?? 0;
      // On Node, the scan went to a process; the web worker host starts none.
      assert.strictEqual(after - processLines, inWebWorker ? 0 : 1, 'scans in processes');
      // ... and they did the work: had they failed, the extension host would have read the files itself.
      assert.ok(!(await glossaLog()).includes('scan processes failed'), 'the scan processes failed');
      const here = await scanWith(0, planted);
      assert.strictEqual((await glossaLog()).match(PROCESS_LINE)?.length ?? 0, after, 'no process with glossa.scanProcesses 0');

      assert.deepStrictEqual(unopenedInBoth(apart.diagnostics, apart.open, here.open), unopenedInBoth(here.diagnostics, apart.open, here.open));
      assert.strictEqual(apart.mentions, here.mentions);
      // What was compared: the unopened articles' findings.
      const mine = apart.diagnostics.filter((d) => d.startsWith('articles/scanned-apart.txt '));
      assert.ok(mine.some((d) => d.includes(' possible-variant ') && d.includes('Serguei Lavrov')), mine.join('\n'));
      assert.ok(mine.some((d) => d.includes(' unverified-number ')), mine.join('\n'));
      const copied = apart.diagnostics.filter((d) => d.startsWith('articles/scanned-apart-copy.txt '));
      assert.ok(copied.some((d) => d.includes(' non-canonical-spelling ')) && copied.some((d) => d.includes(' conflicting-number ')), copied.join('\n'));
      assert.ok(JSON.parse(apart.mentions).length > 0);
    } finally {
      await setSetting('glossa', 'diagnostics.scope', undefined);
      await setSetting('glossa', 'scanProcesses', undefined);
      await vscode.workspace.fs.delete(planted);
      await vscode.workspace.fs.delete(copy);
      // The suites after this one count the corpus's mentions: the copy's must be gone from it.
      const api = await glossa();
      await eventually(async () => !JSON.stringify(await api.entities()).includes('scanned-apart-copy'), 'the copy gone from the corpus');
    }
  });

  it('analyse the unopened files again after a glossary change, with the new glossary', async () => {
    const planted = workspaceFile('articles', 'scanned-after-change.txt');
    const glossary = workspaceFile('glossary.yaml');
    const before = await readDisk(glossary);
    await vscode.workspace.fs.writeFile(planted, encoder.encode(ARTICLE));
    try {
      await scanWith(1, planted);
      const processLines = (await glossaLog()).match(PROCESS_LINE)?.length ?? 0;
      // "Serguei Lavrov" becomes an alias: the unopened file's possible variant is gone, the name a mention.
      assert.ok(before.includes('aliases: [Sergei Lavrov]'));
      await vscode.workspace.fs.writeFile(glossary, encoder.encode(before.replace('aliases: [Sergei Lavrov]', 'aliases: [Sergei Lavrov, Serguei Lavrov]')));
      await eventually(() => !glossaDiagnostics(planted).some((d) => d.code === 'possible-variant'), 'the possible variant gone with the new alias');
      const lavrov = (await (await glossa()).entities()).find((e) => e.id === 'sergey-lavrov');
      assert.ok(lavrov?.locations.some((l) => l.uri === planted.toString() && l.text === 'Serguei Lavrov'), JSON.stringify(lavrov?.locations));
      const passes = ((await glossaLog()).match(PROCESS_LINE)?.length ?? 0) - processLines;
      assert.ok(inWebWorker ? passes === 0 : passes >= 1, `the files analysed again in a process: ${passes} pass(es)`);
      assert.ok(!(await glossaLog()).includes('scan processes failed'), 'the scan processes failed');
    } finally {
      await vscode.workspace.fs.writeFile(glossary, encoder.encode(before));
      await setSetting('glossa', 'diagnostics.scope', undefined);
      await setSetting('glossa', 'scanProcesses', undefined);
      await vscode.workspace.fs.delete(planted);
    }
  });
});
