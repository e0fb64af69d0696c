/**
 * Discovery after an edit, without re-reading the whole document: only the
 * paragraphs the re-analysis read again (`Reanalysis.region`) are discovered
 * again; what lies before stays and what lies after shifts. Plain data in and
 * out, so a test can compare it with a full discovery.
 *
 * Why this gives the same result as a full discovery:
 * - Candidates are runs of words on one line, and the region is whole
 *   paragraphs; its mentions come from the re-analysis, and the full mentions
 *   before it license short forms inside it as in the whole text. After it, the
 *   re-analysis is exact only when the region's full mentions name the same
 *   entities in the same order, so the first full mention of each stays on the
 *   same side of every word.
 * - Discovery also judges words by the document's word statistics (DESIGN.md:
 *   a capitalised word the text also writes in lower case only begins a
 *   sentence; an acronym must recur; a one-word name must recur in mid-sentence).
 *   The counts are kept up to date from the region's old and new text. Of the
 *   lower-case words only their presence is known, so a word removed from the
 *   region may or may not still be elsewhere: it is `stale`. The statistics a
 *   discovery consulted are recorded; the result is exact when nothing it
 *   consulted changed or is stale. Otherwise the caller runs a full discovery.
 */
import type { Engine } from '../engine';
import type { Discovery, PossibleVariant, UnknownName } from '../discovery/discover';
import type { WordHashes, WordStats } from '../discovery/scan';
import type { Mention } from '../entities/types';
import type { TextFormat } from '../text/markup';

/** A document's discovery with the statistics it was made from, to carry over to the next edit. */
export interface DiscoveryState {
  readonly discovery: Discovery;
  /** False when the discovery may differ from a full one: do not build on it. */
  readonly exact: boolean;
  /** The document's word statistics; owned by this state until a re-discovery takes them over. */
  stats: TrackedStats | undefined;
}

/** Word statistics and what a discovery asked of them. */
export interface TrackedStats {
  lower: WordHashes;
  caps: Map<string, number>;
  midCapital: Map<string, number>;
  /** Lower-case hashes that may be in `lower` without the text holding the word any more. */
  stale: Set<number>;
  askedLower: Set<number>;
  askedCaps: Set<string>;
  askedMid: Set<string>;
}

/** A full discovery of `text` (its `mentions` found with the same format), keeping the statistics for the next edit. */
export function discoverFully(engine: Engine, text: string, mentions: readonly Mention[], format: TextFormat): DiscoveryState {
  let tracked: TrackedStats | undefined;
  const discovery = engine.discover(
    text,
    mentions,
    (own) => {
      tracked = { ...own, stale: new Set(), askedLower: new Set(), askedCaps: new Set(), askedMid: new Set() };
      return recording(tracked);
    },
    format,
  );
  return { discovery, exact: true, stats: tracked };
}

/**
 * The discovery of `text` (the new text) from the state of `previousText` and the
 * region the re-analysis read again, `[start, end)` of the new text; `delta` is how
 * much the edit lengthened the text, `mentions` are the new text's. Undefined when
 * it cannot be done (the previous state was not exact, or its statistics were taken
 * over already): the caller discovers in full. Takes over the previous state's
 * statistics.
 */
export function rediscover(
  engine: Engine,
  previous: DiscoveryState,
  previousText: string,
  text: string,
  region: { start: number; end: number },
  delta: number,
  mentions: readonly Mention[],
  format: TextFormat,
): DiscoveryState | undefined {
  const stats = previous.stats;
  if (!previous.exact || !stats) return undefined;
  const { start, end } = region;
  const oldEnd = end - delta;
  const variants = partition(previous.discovery.variants, start, oldEnd);
  const unknownNames = partition(previous.discovery.unknownNames, start, oldEnd);
  if (!variants || !unknownNames) return undefined;
  previous.stats = undefined;

  // The statistics of the new text: the counts exactly, the lower-case words as far as they are known.
  const before = engine.discoveryWordsIn(previousText, start, oldEnd, format);
  const after = engine.discoveryWordsIn(text, start, end, format);
  let exact = true;
  for (const h of after.lower) {
    if (!stats.lower.has(h)) {
      stats.lower.add(h);
      if (stats.askedLower.has(h)) exact = false;
    }
    stats.stale.delete(h);
  }
  for (const h of before.lower) {
    if (after.lower.has(h)) continue;
    stats.stale.add(h);
    if (stats.askedLower.has(h)) exact = false;
  }
  exact = recount(stats.caps, before.caps, after.caps, stats.askedCaps) && exact;
  exact = recount(stats.midCapital, before.midCapital, after.midCapital, stats.askedMid) && exact;

  // The region's mentions in its own offsets, after the first full mention before it of each entity (it licenses short forms).
  const inRegion: Mention[] = [];
  const seen = new Set<string>();
  for (const m of mentions) {
    if (m.start >= end) break;
    if (m.end <= start) {
      if (m.variant !== 'short' && !seen.has(m.entityId)) {
        seen.add(m.entityId);
        inRegion.push({ ...m, start: -1, end: -1 });
      }
      continue;
    }
    inRegion.push({ ...m, start: m.start - start, end: m.end - start });
  }
  inRegion.sort((a, b) => a.start - b.start);
  // A stale word the region's discovery consults makes it inexact too.
  const askedHere = new Set<number>();
  const found = engine.discoverRegion(text, start, end, inRegion, recording(stats, askedHere), format);
  for (const h of askedHere) {
    if (stats.stale.has(h)) exact = false;
    stats.askedLower.add(h);
  }

  const discovery: Discovery = {
    variants: [...variants.before, ...found.variants.map((v) => shiftVariant(v, start)), ...variants.after.map((v) => shiftVariant(v, delta))],
    unknownNames: [...unknownNames.before, ...found.unknownNames.map((u) => shiftUnknown(u, start)), ...unknownNames.after.map((u) => shiftUnknown(u, delta))],
  };
  return { discovery, exact, stats: exact ? stats : undefined };
}

/** `counts` minus `before` plus `after`; false when a count that was consulted crossed the threshold of two. */
function recount(counts: Map<string, number>, before: Map<string, number>, after: Map<string, number>, asked: Set<string>): boolean {
  let exact = true;
  const net = new Map<string, number>();
  for (const [key, n] of before) net.set(key, -n);
  for (const [key, n] of after) net.set(key, (net.get(key) ?? 0) + n);
  for (const [key, by] of net) {
    if (by === 0) continue;
    const was = counts.get(key) ?? 0;
    const now = was + by;
    if (now <= 0) counts.delete(key);
    else counts.set(key, now);
    if (was >= 2 !== now >= 2 && asked.has(key)) exact = false;
  }
  return exact;
}

/** Statistics that record what is asked of them (discovery only reads `lower.has` and `get` of the counts). */
function recording(stats: TrackedStats, askedLower: Set<number> = stats.askedLower): WordStats {
  const { lower, caps, midCapital, askedCaps, askedMid } = stats;
  return {
    lower: {
      has(h: number) {
        askedLower.add(h);
        return lower.has(h);
      },
    } as WordHashes,
    caps: {
      get(key: string) {
        askedCaps.add(key);
        return caps.get(key);
      },
    } as Map<string, number>,
    midCapital: {
      get(key: string) {
        askedMid.add(key);
        return midCapital.get(key);
      },
    } as Map<string, number>,
  };
}

function shiftVariant(v: PossibleVariant, by: number): PossibleVariant {
  return { start: v.start + by, end: v.end + by, text: v.text, entityId: v.entityId, canonical: v.canonical, closestTo: v.closestTo, reason: v.reason };
}

function shiftUnknown(u: UnknownName, by: number): UnknownName {
  return { start: u.start + by, end: u.end + by, text: u.text, afterPlacePreposition: u.afterPlacePreposition };
}

/** Splits sorted spans into those before `start`, inside, and from `end` on; undefined if one straddles a boundary. */
function partition<T extends { start: number; end: number }>(items: readonly T[], start: number, end: number): { before: T[]; after: T[] } | undefined {
  let first = 0;
  while (first < items.length && items[first].start < start) first++;
  let last = first;
  while (last < items.length && items[last].start < end) last++;
  if (first > 0 && items[first - 1].end > start) return undefined;
  if (last > first && items[last - 1].end > end) return undefined;
  return { before: items.slice(0, first), after: items.slice(last) };
}
