/** Shared test support: where the repository and the shared corpus are, and entity builders. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Entity, EntityKind } from '../../src/core';

function findRepoRoot(from: string): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json')) || !fs.existsSync(path.join(dir, 'src', 'core'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No repository root above ${from}`);
    dir = parent;
  }
  return dir;
}

export const repoRoot = findRepoRoot(__dirname);
/** The shared folder beside the repository (the real corpus, docs, bench generator). */
export const sharedDir = path.resolve(repoRoot, '..', 'shared');
export const corpusDir = path.join(sharedDir, 'corpus');

/** Every glossary file of the project (YAML with a top-level `entities:`), outside generated and dependency folders. */
export function projectGlossaries(): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (['node_modules', 'out', 'dist', 'bench-workspace', 'test-results'].includes(entry.name) || entry.name.startsWith('.')) continue;
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.ya?ml$/.test(entry.name)) {
        const text = fs.readFileSync(file, 'utf8');
        if (/^entities:/m.test(text)) out.push({ file: path.relative(repoRoot, file), text });
      }
    }
  };
  walk(repoRoot);
  return out;
}

/** The text of a real article by its number prefix ("001"). */
export function readArticle(prefix: string): { file: string; text: string } {
  const name = fs.readdirSync(corpusDir).find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`No article ${prefix} in ${corpusDir}`);
  return { file: name, text: fs.readFileSync(path.join(corpusDir, name), 'utf8') };
}

type EntityInit = Partial<Entity> & { id: string; kind: EntityKind; name: string };

const nowhere = { file: 'test.yaml', line: 0, character: 0, endLine: 0, endCharacter: 0 };

/** An entity as the glossary parser would produce it, with the default short form for people. */
export function entity(init: EntityInit): Entity {
  const defaultShort = init.kind === 'person' ? [init.name.split(/\s+/).pop()!] : [];
  return {
    aliases: [],
    aka: [],
    titles: [],
    links: {},
    extra: {},
    location: nowhere,
    nameLocation: nowhere,
    ...init,
    short: init.short ?? defaultShort,
  };
}

/** A small deterministic random generator (mulberry32). */
export function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
