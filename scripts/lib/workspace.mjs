// Fresh copies of the workspaces the tests open: tests may edit files, so every run
// gets its own copy in a temporary folder.
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { repoRoot, say } from './codeServer.mjs';

/** The shared folder beside the clone (../shared), where the article corpus lives. */
export const sharedDir = path.resolve(repoRoot, '..', 'shared');

/**
 * The integration tests' workspace in `dest`: everything in test/fixtures/corpus
 * (glossary.yaml, facts.yaml, ...) plus the articles of ../shared/corpus/*.txt in
 * articles/. The article text is not part of the project; it is copied at run time.
 */
export async function makeFixtureWorkspace(dest, { tag = 'workspace' } = {}) {
  await fsp.mkdir(dest, { recursive: true });
  const fixtures = path.join(repoRoot, 'test', 'fixtures', 'corpus');
  const copied = [];
  if (fs.existsSync(fixtures)) {
    await fsp.cp(fixtures, dest, { recursive: true });
    copied.push(...(await fsp.readdir(fixtures)));
  } else {
    say(tag, `warning: ${path.relative(repoRoot, fixtures)} does not exist yet; the workspace has no glossary`);
  }
  const corpus = path.join(sharedDir, 'corpus');
  let articles = [];
  if (fs.existsSync(corpus)) {
    articles = (await fsp.readdir(corpus)).filter((name) => name.endsWith('.txt')).sort();
    await fsp.mkdir(path.join(dest, 'articles'), { recursive: true });
    for (const name of articles) await fsp.copyFile(path.join(corpus, name), path.join(dest, 'articles', name));
  } else {
    say(tag, `warning: no article corpus at ../shared/corpus; the workspace has no articles`);
  }
  say(tag, `fixture workspace: ${copied.length ? copied.join(', ') : 'no fixtures'} + ${articles.length} articles`);
  return dest;
}

/** A copy of samples/ (the sample workspace a new user opens) in `dest`. */
export async function makeSampleWorkspace(dest) {
  return copyWorkspace(path.join(repoRoot, 'samples'), dest);
}

/** A copy of the folder `source` (if it exists) in `dest`. */
export async function copyWorkspace(source, dest) {
  await fsp.mkdir(dest, { recursive: true });
  if (fs.existsSync(source)) await fsp.cp(source, dest, { recursive: true });
  return dest;
}

/**
 * The multi-root test workspace in `dest`: folder `fixture` (the fixture workspace,
 * as makeFixtureWorkspace builds it), folder `samples` (a copy of samples/, with its
 * own glossary, ledger and articles), and `multi-root.code-workspace` listing both.
 * Returns the path of the .code-workspace file.
 */
export async function makeMultiRootWorkspace(dest, { tag = 'workspace' } = {}) {
  await makeFixtureWorkspace(path.join(dest, 'fixture'), { tag });
  await makeSampleWorkspace(path.join(dest, 'samples'));
  const file = path.join(dest, 'multi-root.code-workspace');
  const workspace = { folders: [{ path: 'fixture' }, { path: 'samples' }], settings: {} };
  await fsp.writeFile(file, JSON.stringify(workspace, null, 2) + '\n');
  say(tag, `multi-root workspace: fixture + samples (${path.basename(file)})`);
  return file;
}
