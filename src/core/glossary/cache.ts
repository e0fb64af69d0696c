/**
 * A parsed glossary as compact JSON, keyed on its sources' content: a large
 * glossary then loads without its YAML being read again (a 10,000-entity file
 * parses in hundreds of milliseconds; its cache in tens). The key covers the
 * file names, every text and the Glossa version, so any edit, a rename or an
 * upgrade is a miss, and the entities and problems come back exactly as the
 * parser made them. Where the cache is kept is the caller's (the CLI: a cache
 * folder; the extension: its global storage).
 */

import type { Problem, SourceLocation } from '../types';
import type { Entity, Glossary, IgnoredSpelling, SourceFile } from './types';

/** Bumped whenever what the parser makes, or this encoding, changes. */
const FORMAT = 1;

/** Below this much glossary text (UTF-16 code units) parsing is as quick as reading a cache: none is kept. */
export const GLOSSARY_CACHE_ABOVE = 64 * 1024;

/** [file index, line, character, endLine, endCharacter] */
type Where = [number, number, number, number, number];

/** An entity as cached: its locations as `Where`s. */
type CachedEntity = Omit<Entity, 'location' | 'nameLocation'> & { location: Where; nameLocation: Where };

type CachedProblem = Omit<Problem, keyof SourceLocation> & { at: Where };

interface CachedGlossary {
  format: number;
  key: string;
  files: string[];
  entities: CachedEntity[];
  problems: CachedProblem[];
  ignore?: { text: string; at: Where }[];
}

/**
 * The content key of a glossary's sources (53 bits of two 32-bit hashes over
 * every name and text, with their lengths): equal for equal sources only, as
 * far as a cache needs.
 */
export function glossaryCacheKey(files: readonly SourceFile[], version: string): string {
  let h1 = 0xdeadbeef ^ FORMAT;
  let h2 = 0x41c6ce57 ^ FORMAT;
  const add = (s: string): void => {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    // The length ends each string, so that no two lists of strings hash alike by shifting text between them.
    h1 = Math.imul(h1 ^ s.length, 2246822507);
    h2 = Math.imul(h2 ^ s.length, 3266489909);
  };
  add(version);
  for (const file of files) {
    add(file.file);
    add(file.text);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** Does JSON keep `value` as it is (no NaN or infinity, nothing undefined, only plain objects and arrays)? */
function survivesJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(survivesJson);
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) return Object.values(value as object).every(survivesJson);
  return false;
}

/** `glossary` as cache text under `key`; undefined when JSON cannot hold it exactly (an `extra` value such as `.nan`). */
export function writeGlossaryCache(glossary: Glossary, key: string): string | undefined {
  const files: string[] = [];
  const fileIndex = new Map<string, number>();
  const where = (l: SourceLocation): Where => {
    let k = fileIndex.get(l.file);
    if (k === undefined) fileIndex.set(l.file, (k = files.push(l.file) - 1));
    return [k, l.line, l.character, l.endLine, l.endCharacter];
  };
  const entities: CachedEntity[] = [];
  for (const e of glossary.entities) {
    if (!survivesJson(e.extra)) return undefined;
    entities.push({ ...e, location: where(e.location), nameLocation: where(e.nameLocation) });
  }
  const problems = glossary.problems.map(({ file, line, character, endLine, endCharacter, ...rest }): CachedProblem => ({ ...rest, at: where({ file, line, character, endLine, endCharacter }) }));
  const cached: CachedGlossary = { format: FORMAT, key, files, entities, problems };
  if (glossary.ignore) cached.ignore = glossary.ignore.map((i) => ({ text: i.text, at: where(i.location) }));
  return JSON.stringify(cached);
}

/** The glossary in cache text `text` when it was written under `key`; undefined for another key or text that is not a cache. */
export function readGlossaryCache(text: string, key: string): Glossary | undefined {
  let cached: CachedGlossary;
  try {
    cached = JSON.parse(text) as CachedGlossary;
  } catch {
    return undefined;
  }
  if (cached === null || typeof cached !== 'object' || cached.format !== FORMAT || cached.key !== key) return undefined;
  const files = cached.files;
  const location = (w: Where): SourceLocation => ({ file: files[w[0]], line: w[1], character: w[2], endLine: w[3], endCharacter: w[4] });
  const entities: Entity[] = [];
  for (const c of cached.entities) {
    // Every field in the parser's order, so that entities read from a cache share one shape with parsed ones.
    const entity: Entity = {
      id: c.id,
      kind: c.kind,
      name: c.name,
      aliases: c.aliases,
      aka: c.aka,
      short: c.short,
      shortIsDefault: c.shortIsDefault,
      titles: c.titles,
      links: c.links,
      extra: c.extra,
      location: location(c.location),
      nameLocation: location(c.nameLocation),
    };
    if (c.shortIsDefault === undefined) delete entity.shortIsDefault;
    if (c.datedTitles !== undefined) entity.datedTitles = c.datedTitles;
    if (c.description !== undefined) entity.description = c.description;
    if (c.country !== undefined) entity.country = c.country;
    entities.push(entity);
  }
  const problems = cached.problems.map(({ at, ...rest }): Problem => ({ ...location(at), ...rest }));
  const glossary: Glossary = { entities, problems };
  if (cached.ignore) glossary.ignore = cached.ignore.map((i): IgnoredSpelling => ({ text: i.text, location: location(i.at) }));
  return glossary;
}
