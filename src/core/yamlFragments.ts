/**
 * The large-file path of the YAML inputs: a file that is one top-level block list
 * is parsed a few dozen items at a time, with the same nodes, positions and
 * problems as a whole-file parse, and a fraction of its peak memory.
 */

import { isSeq, type Node } from 'yaml';
import type { SourceFile } from './glossary/types';
import { LineIndex } from './text/lineIndex';
import type { Problem } from './types';
import { YamlSource } from './yamlSource';

/**
 * Reads the items of the top-level list `key` of a large file fragment by
 * fragment, calling `read` on each in order (with its index in the whole list).
 * Returns what `read` returned and the problems found, or undefined when the file
 * does not have the plain shape or a fragment has a YAML error or fails: the
 * caller then parses the whole file, which reports them as usual.
 */
export function readListInFragments<T>(
  file: SourceFile,
  key: string,
  itemsPerFragment: number | undefined,
  read: (source: YamlSource, item: Node, index: number) => T | undefined,
): { items: T[]; problems: Problem[] } | undefined {
  const fragments = listFragments(file.text, key, itemsPerFragment);
  if (!fragments) return undefined;
  const lines = new LineIndex(file.text);
  const items: T[] = [];
  const problems: Problem[] = [];
  let index = 0;
  try {
    for (const fragment of fragments) {
      const source = new YamlSource(file.file, file.text, { ...fragment, lines });
      const list = source.doc.contents;
      if (source.hasSyntaxErrors || !isSeq(list)) return undefined;
      for (const item of list.items as Node[]) {
        const value = read(source, item, index++);
        if (value !== undefined) items.push(value);
      }
      problems.push(...source.problems);
    }
  } catch {
    return undefined;
  }
  return { items, problems };
}

/**
 * Splits a large file of the simple shape `key:` followed by a block list (comments
 * around it allowed, nothing else at the top level, no anchors, aliases, tags,
 * tabs or document markers) into fragments of about `itemsPerFragment` list items
 * each, so that each can be parsed on its own: the `yaml` package needs many
 * times a file's size in memory while it parses it, and a fragment's garbage is
 * freed before the next. Returns null for any other shape (parse the whole file).
 */
export function listFragments(text: string, key: string, itemsPerFragment = 50): { start: number; end: number }[] | null {
  if (/^\s*(?:---|\.\.\.)/m.test(text) || /(?:^|[\s[{,])[&*!][^\s]/m.test(text) || /^\t/m.test(text)) return null;
  const lineRe = /[^\n]*(?:\n|$)/g;
  let seenKey = false;
  let indent = -1;
  let itemCount = 0;
  const starts: number[] = [];
  for (let m = lineRe.exec(text); m !== null && m[0] !== ''; m = lineRe.exec(text)) {
    const line = m[0].replace(/\r?\n$/, '');
    const trimmed = line.trimStart();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const lineIndent = line.length - trimmed.length;
    if (!seenKey) {
      if (lineIndent !== 0 || !new RegExp(`^${key}:\\s*(?:#.*)?$`).test(line)) return null;
      seenKey = true;
      continue;
    }
    if (indent < 0) {
      if (!trimmed.startsWith('- ') && trimmed !== '-') return null;
      indent = lineIndent;
    }
    if (lineIndent === indent && (trimmed.startsWith('- ') || trimmed === '-')) {
      if (itemCount % itemsPerFragment === 0) starts.push(m.index);
      itemCount++;
    } else if (lineIndent <= indent) {
      return null; // Another top-level key, or a mistake: the whole-file parse reports it.
    }
  }
  if (!seenKey || starts.length === 0) return null;
  return starts.map((start, i) => ({ start, end: i + 1 < starts.length ? starts[i + 1] : text.length }));
}
