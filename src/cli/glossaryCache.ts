/**
 * The CLI's glossary cache: one file per set of glossary files (by their full
 * paths), rewritten when their content changes, so the folder never holds more
 * than one copy per glossary. Any failure to read or write it only means the
 * YAML is parsed, as without a cache.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GLOSSARY_CACHE_ABOVE, glossaryCacheKey, parseGlossary, readGlossaryCache, writeGlossaryCache, type Glossary, type SourceFile } from '../core';

/** $GLOSSA_CACHE_DIR, else the XDG cache folder's `glossa`. */
export function cacheFolder(): string {
  const explicit = process.env.GLOSSA_CACHE_DIR;
  if (explicit) return path.resolve(explicit);
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'glossa');
}

/** The glossary of `sources`: from the cache when it holds these very texts, else parsed (and then kept there). */
export function loadGlossary(sources: readonly SourceFile[], version: string, useCache: boolean): Glossary {
  const size = sources.reduce((n, s) => n + s.text.length, 0);
  if (!useCache || size < GLOSSARY_CACHE_ABOVE) return parseGlossary(sources);
  const slot = createHash('sha1')
    .update(sources.map((s) => path.resolve(s.file)).join('\0'))
    .digest('hex')
    .slice(0, 16);
  const file = path.join(cacheFolder(), `glossary-${slot}.json`);
  const key = glossaryCacheKey(sources, version);
  let cached: string | undefined;
  try {
    cached = fs.readFileSync(file, 'utf8');
  } catch {
    // No cache yet, or an unreadable one: parse.
  }
  const hit = cached === undefined ? undefined : readGlossaryCache(cached, key);
  if (hit) return hit;
  const glossary = parseGlossary(sources);
  const text = writeGlossaryCache(glossary, key);
  if (text !== undefined) {
    // Written whole and then renamed, so that a reader on another thread or process never sees half a file.
    const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(temporary, text);
      fs.renameSync(temporary, file);
    } catch {
      // A read-only or full disk: the next run parses again.
      fs.rmSync(temporary, { force: true });
    }
  }
  return glossary;
}
