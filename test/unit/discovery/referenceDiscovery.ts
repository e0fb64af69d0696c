/**
 * The straightforward discovery the optimised `DiscoveryIndex` and `NameIndex`
 * stand for: the judgement as first written (every check asked of every word,
 * each sub-run of words sliced and looked up in the name index, every word's
 * neighbour keys looked up among the short forms), kept for tests only, so
 * that a later slip in a fast path fails a comparison on varied text.
 * `isCommon` is the production one: it judges by the word statistics, which
 * the scan owns.
 */

import type { Mention } from '../../../src/core/entities/types';
import type { Entity } from '../../../src/core/glossary/types';
import { fold } from '../../../src/core/text/fold';
import { FUNCTION_WORDS, MONTH_WORDS, USUAL_TITLE_WORDS, WEEKDAY_WORDS } from '../../../src/core/text/wordLists';
import { LONG_WORD, neighbourKeys, relate } from '../../../src/core/discovery/compare';
import { isCommon, type Discovery, type PossibleVariant, type UnknownName } from '../../../src/core/discovery/discover';
import { NameIndex, type VariantReason } from '../../../src/core/discovery/nameIndex';
import { CONNECTOR, INITIAL, scanText, SHORT_CAPS, spellingWords, type RunWords, type WordStats } from '../../../src/core/discovery/scan';

interface SpellingRef {
  entity: Entity;
  text: string;
}

interface ShortRef {
  entity: Entity;
  text: string;
}

// The letters of a currency are never a name (matching rule 11): "USD 4.58 billion".
const CURRENCY_CODES = new Set(['usd', 'vnd', 'rub', 'eur', 'gbp', 'jpy', 'cny', 'rmb', 'hkd', 'sgd', 'thb', 'krw', 'inr', 'aud', 'cad', 'chf']);
// Endings that make a demonym or an inflection of a glossary word (Russian, Russians, Vietnamese, Soviets).
const INFLECTIONS = ['ians', 'ian', 'ese', 'ns', 'n', 's'];
// A stem this short ("Man" → "Mann") is too often another word.
const MIN_STEM = 4;

/** The glossary side of discovery, compiled once per glossary. */
export class ReferenceDiscovery {
  private readonly names = new NameIndex<SpellingRef>();
  /** Distinct short forms (folded, lower-case, five letters or more) by neighbour key, and the entities of each. */
  private readonly shortWords = new Map<string, string[]>();
  private readonly shortRefs = new Map<string, ShortRef[]>();
  /** Title phrases (folded, lower-case words) by their first word and by their last word. */
  private readonly titlesByFirst = new Map<string, string[][]>();
  private readonly titlesByLast = new Map<string, string[][]>();
  /** Every word of every spelling: the stems of demonyms and inflections. */
  private readonly glossaryWords = new Set<string>();
  private readonly ignored: Set<string>;

  constructor(entities: readonly Entity[], ignore: Iterable<string> = []) {
    const titles = new Set<string>();
    for (const entity of entities) {
      const seen = new Set<string>();
      for (const text of [entity.name, ...entity.aliases, ...entity.aka]) {
        const words = spellingWords(text);
        for (const w of words) this.glossaryWords.add(w);
        const key = words.join(' ');
        if (seen.has(key)) continue;
        seen.add(key);
        this.names.add(words, { entity, text });
      }
      for (const text of entity.short) {
        const words = spellingWords(text);
        for (const w of words) this.glossaryWords.add(w);
        if (words.length !== 1 || words[0].length < LONG_WORD) continue;
        let refs = this.shortRefs.get(words[0]);
        if (!refs) {
          this.shortRefs.set(words[0], (refs = []));
          for (const k of new Set(neighbourKeys(words[0]))) push(this.shortWords, k, words[0]);
        }
        refs.push({ entity, text });
      }
      for (const title of entity.titles) {
        titles.add(spellingWords(title).join(' '));
        // After a comma, the rest of a title still stands before the name ("Minister of Culture, Sports and Tourism Nguyễn Văn Hùng").
        const parts = title.split(',');
        if (parts.length > 1) titles.add(spellingWords(parts[parts.length - 1]).join(' '));
      }
    }
    for (const word of USUAL_TITLE_WORDS) titles.add(word);
    for (const title of titles) {
      const words = title.split(' ').filter((w) => w !== '');
      if (words.length === 0) continue;
      push(this.titlesByFirst, words[0], words);
      push(this.titlesByLast, words[words.length - 1], words);
    }
    for (const list of [...this.titlesByFirst.values(), ...this.titlesByLast.values()]) list.sort((a, b) => b.length - a.length);
    this.ignored = new Set([...ignore].map(ignoreKey));
  }

  /** Is this spelling on the glossary's `ignore:` list (compared folded, ignoring case)? */
  isIgnored(text: string): boolean {
    return this.ignored.size > 0 && this.ignored.has(ignoreKey(text));
  }

  /**
   * Discovery in `text`, whose `mentions` the matcher found. `stats` tell common
   * words and real acronyms (default: the text's own; the CLI passes the whole
   * corpus's; a function gets the text's own and returns those to use).
   */
  discover(text: string, mentions: readonly Mention[], stats?: WordStats | ((own: WordStats) => WordStats)): Discovery {
    const scan = scanText(text);
    const words = stats === undefined ? scan.stats : typeof stats === 'function' ? stats(scan.stats) : stats;
    const variants: PossibleVariant[] = [];
    const unknownNames: UnknownName[] = [];
    // Where each entity was first fully mentioned: it licenses variants of its short form after it.
    const firstFull = new Map<string, number>();
    for (const m of mentions) if (m.variant !== 'short' && !firstFull.has(m.entityId)) firstFull.set(m.entityId, m.start);
    const out = { variants, unknownNames };
    const runs = scan.runs;
    const W = runs.words;
    let mi = 0;
    let covered = new Uint8Array(16);
    for (let r = 0; r < runs.count; r++) {
      const base = runs.first[r];
      const n = runs.end[r] - base;
      const runStart = W.start[base];
      while (mi < mentions.length && mentions[mi].end <= runStart) mi++;
      if (covered.length < n) covered = new Uint8Array(n * 2);
      let uncovered = 0;
      for (let j = 0; j < n; j++) {
        const ws = W.start[base + j];
        const we = W.end[base + j];
        let c = 0;
        for (let k = mi; k < mentions.length && mentions[k].start < we; k++) {
          if (mentions[k].end > ws) {
            c = 1;
            break;
          }
        }
        covered[j] = c;
        if (c === 0 && (W.flags[base + j] & CONNECTOR) === 0) uncovered++;
      }
      if (uncovered === 0) continue;
      // "and" joins the words of one name only after an "of" or "for" ("Ministry of Industry and Trade"); elsewhere,
      // or beside a mention, a title or a demonym, it joins two names ("Tô Lâm and State President Lương Cường").
      const place = runs.afterPlacePreposition[r] === 1;
      let from = 0;
      let inName = false;
      for (let i = Math.max(1, this.titleAt(W.key, base, 0, n, 1)); i < n - 1; i++) {
        if ((W.flags[base + i] & CONNECTOR) === 0) continue;
        const key = W.key[base + i];
        if (key === 'of' || key === 'for') inName = true;
        if (key !== 'and') continue;
        if (inName && !this.endsAName(W, base, n, covered, i - 1, -1) && !this.endsAName(W, base, n, covered, i + 1, 1)) continue;
        inName = false;
        this.discoverInRun(text, W, base, from, i, covered, from === 0 && place, words, firstFull, out);
        from = i + 1;
      }
      this.discoverInRun(text, W, base, from, n, covered, from === 0 && place, words, firstFull, out);
    }
    return { variants, unknownNames };
  }

  /** Discovery in the words `[from, to)` of the run whose words start at `base` (`covered` by mentions where 1). */
  private discoverInRun(
    text: string,
    W: RunWords,
    base: number,
    from: number,
    to: number,
    covered: Uint8Array,
    afterPlacePreposition: boolean,
    stats: WordStats,
    firstFull: Map<string, number>,
    out: Discovery,
  ): void {
    const { variants, unknownNames } = out;
    const K = W.key;
    const F = W.flags;
    let a = from;
    let b = to;
    // The usual one-word run at once: neither a short form's variant (under five letters) nor a recurring name.
    if (to - from === 1) {
      const key = K[base + from];
      if (key.length < LONG_WORD && ((F[base + from] & INITIAL) !== 0 || (stats.midCapital.get(key) ?? 0) < 2)) return;
    }
    // Trim from the left: connectors, titles, a sentence-initial common word, months, demonyms, rare acronyms.
    for (let changed = true; changed && a < b; ) {
      if (covered[a]) break;
      const key = K[base + a];
      const flags = F[base + a];
      const title = this.titleAt(K, base, a, b, 1);
      if (flags & CONNECTOR) a++;
      else if (title > 0) a += title;
      else if (flags & INITIAL && isCommon(key, stats)) a++;
      // A demonym qualifies what follows: trimmed before a title or a mention, kept in "Russian Economic Week".
      else if (this.isNotAName(key, flags, stats, false) || (this.isInflection(key) && (a + 1 === b || covered[a + 1] || this.titleAt(K, base, a + 1, b, 1) > 0))) a++;
      else changed = false;
    }
    for (let changed = true; changed && a < b; ) {
      if (covered[b - 1]) break;
      const title = this.titleAt(K, base, a, b, -1);
      if (F[base + b - 1] & CONNECTOR) b--;
      else if (title > 0) b -= title;
      else if (this.isNotAName(K[base + b - 1], F[base + b - 1], stats, true)) b--;
      else changed = false;
    }
    let nameWords = 0;
    let wordCount = 0;
    for (let i = a; i < b; i++) {
      if (F[base + i] & CONNECTOR) continue;
      wordCount++;
      if (!covered[i] && !USUAL_TITLE_WORDS.has(K[base + i])) nameWords++;
    }
    if (nameWords === 0) return;
    const start = W.start[base + a];
    const end = W.end[base + b - 1];
    const written = text.slice(start, end);
    if (this.isIgnored(written)) return;

    // Possible variants: the longest runs of uncovered words inside that read as one entity's spelling.
    let wholeIsVariant = false;
    // A variant has a word identical to one of a spelling's: without such a word, nothing to look up.
    let known = 0;
    for (let i = a; i < b && known < 2; i++) if (covered[i] === 0 && (F[base + i] & CONNECTOR) === 0 && this.glossaryWords.has(K[base + i])) known++;
    const maxWords = known > 0 ? Math.min(this.names.maxWords, b - a) : 0;
    const used = maxWords >= 2 ? new Uint8Array(b) : undefined;
    for (let len = maxWords; len >= 2; len--) {
      for (let s = a; s + len <= b; s++) {
        if (F[base + s] & CONNECTOR || F[base + s + len - 1] & CONNECTOR) continue;
        let free = true;
        for (let i = s; i < s + len && free; i++) free = covered[i] === 0 && used![i] === 0;
        if (!free) continue;
        const best = closest(this.names.lookup(K.slice(base + s, base + s + len)));
        if (!best) continue;
        const variant = this.variant(text, W.start[base + s], W.end[base + s + len - 1], best.value.entity, best.value.text, best.reason);
        if (!variant) continue;
        variants.push(variant);
        for (let i = s; i < s + len; i++) used![i] = 1;
        if (s === a && s + len === b && best.reason !== 'short-word') wholeIsVariant = true;
      }
    }
    if (wordCount === 1 && !covered[a]) {
      const short = this.shortFormVariant(K[base + a], W.start[base + a], firstFull);
      if (short) {
        const variant = this.variant(text, start, end, short.entity, short.text, short.reason);
        if (variant) {
          variants.push(variant);
          wholeIsVariant = true;
        }
      }
    }
    if (wholeIsVariant) return;
    if (wordCount >= 2 || (!FUNCTION_WORDS.has(K[base + a]) && (stats.midCapital.get(K[base + a]) ?? 0) >= 2)) {
      unknownNames.push({ start, end, text: written, afterPlacePreposition: a === from && afterPlacePreposition });
    }
  }

  private variant(text: string, start: number, end: number, entity: Entity, closestTo: string, reason: VariantReason): PossibleVariant | null {
    const written = text.slice(start, end);
    if (this.isIgnored(written)) return null;
    return { start, end, text: written, entityId: entity.id, canonical: entity.name, closestTo, reason };
  }

  /** A word (`key` at `start`) one edit or one equivalence from the short form of exactly one entity fully mentioned before it. */
  private shortFormVariant(key: string, start: number, firstFull: Map<string, number>): { entity: Entity; text: string; reason: VariantReason } | null {
    if (key.length < LONG_WORD || this.shortWords.size === 0 || firstFull.size === 0) return null;
    const tried = new Set<string>();
    let found = null as { entity: Entity; text: string; reason: VariantReason } | null;
    for (const k of neighbourKeys(key)) {
      for (const short of this.shortWords.get(k) ?? []) {
        if (tried.has(short)) continue;
        tried.add(short);
        const relation = relate(key, short);
        if (relation === null || relation === 'identical') continue;
        for (const ref of this.shortRefs.get(short)!) {
          const at = firstFull.get(ref.entity.id);
          if (at === undefined || at > start || found?.entity === ref.entity) continue;
          if (found) return null; // Two entities: a tie is no variant.
          found = { entity: ref.entity, text: ref.text, reason: relation };
        }
      }
    }
    return found;
  }

  /** The number of words of the longest title at the left (`dir` 1) or right (-1) edge of words `[a, b)` (of keys from `base`), or 0. */
  private titleAt(keys: readonly string[], base: number, a: number, b: number, dir: 1 | -1): number {
    const edge = dir === 1 ? a : b - 1;
    const phrases = (dir === 1 ? this.titlesByFirst : this.titlesByLast).get(keys[base + edge]);
    if (!phrases) return 0;
    for (const phrase of phrases) {
      const n = phrase.length;
      if (n > b - a) continue;
      const from = base + (dir === 1 ? a : b - n);
      let ok = true;
      for (let i = 0; i < n && ok; i++) ok = keys[from + i] === phrase[i];
      if (ok) return n;
    }
    return 0;
  }

  /** Months, weekdays, currency codes, acronyms seen only once; with `inflections`, also demonyms and inflections of glossary words. */
  private isNotAName(key: string, flags: number, stats: WordStats, inflections: boolean): boolean {
    if (MONTH_WORDS.has(key) || WEEKDAY_WORDS.has(key)) return true;
    if (flags & SHORT_CAPS && (CURRENCY_CODES.has(key) || (stats.caps.get(fold(key.toUpperCase())) ?? 0) < 2)) return true;
    return inflections && this.isInflection(key);
  }

  /** Is the word at `i` of the `n`-word run from `base` (next to an "and" on side `dir`) the edge of a mention, a title or a demonym? */
  private endsAName(W: RunWords, base: number, n: number, covered: Uint8Array, i: number, dir: 1 | -1): boolean {
    // "… and the Vietnamese Ministry": the word after the article.
    if (dir === 1 && (W.flags[base + i] & CONNECTOR) !== 0 && W.key[base + i] === 'the' && i + 1 < n) i++;
    const key = W.key[base + i];
    if (covered[i] === 1 || this.isInflection(key) || USUAL_TITLE_WORDS.has(key)) return true;
    return dir === 1 ? this.titleAt(W.key, base, i, n, 1) > 0 : this.titleAt(W.key, base, 0, i + 1, -1) > 0;
  }

  /** A glossary word plus n, ns, ese, ian, ians or s ("russian", "vietnamese", "soviets"). */
  isInflection(key: string): boolean {
    // Every ending ends in n, s or e: most words are out at once.
    const last = key.charCodeAt(key.length - 1);
    if (last !== 0x6e && last !== 0x73 && last !== 0x65) return false;
    for (const ending of INFLECTIONS) {
      if (key.length - ending.length < MIN_STEM || !key.endsWith(ending)) continue;
      const stem = key.slice(0, -ending.length);
      if (this.glossaryWords.has(stem)) return true;
      // China → Chinese, Korea → Korean.
      if ((ending === 'ese' || ending === 'n' || ending === 'ns') && this.glossaryWords.has(`${stem}a`)) return true;
    }
    return false;
  }
}

/** The closest match when it belongs to one entity only: a tie between two entities is no variant. */
function closest(matches: { value: SpellingRef; reason: VariantReason; distance: number }[]): { value: SpellingRef; reason: VariantReason } | null {
  if (matches.length === 0) return null;
  let best = matches[0];
  for (const m of matches) if (m.distance < best.distance || (m.distance === best.distance && m.reason === 'romanization' && best.reason !== 'romanization')) best = m;
  for (const m of matches) if (m.distance === best.distance && m.value.entity.id !== best.value.entity.id) return null;
  return best;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The form in which spellings compare with the ignore list: folded, lower-case, single spaces. */
function ignoreKey(text: string): string {
  return fold(text.normalize('NFC')).toLowerCase().replace(/\s+/g, ' ').trim();
}

