/**
 * Discovery in one text (DESIGN.md, "Discovery: names the glossary does not
 * know yet"): the candidates (capitalised runs that are not mentions, with
 * titles, demonyms, months, rare acronyms and sentence-initial common words
 * trimmed), the possible variants of known entities among them, and the
 * unknown names. A compiled `DiscoveryIndex` holds everything that depends on
 * the glossary only, indexed so that a lookup does not grow with its size.
 */

import type { Mention } from '../entities/types';
import type { Entity } from '../glossary/types';
import { fold } from '../text/fold';
import { FUNCTION_WORDS, MONTH_WORDS, USUAL_TITLE_WORDS, WEEKDAY_WORDS } from '../text/wordLists';
import { LONG_WORD, neighbourKeys, relate } from './compare';
import { NameIndex, type VariantReason } from './nameIndex';
import { CONNECTOR, extendHash, INITIAL, scanText, SHORT_CAPS, spellingWords, wordHash, type RunWords, type WordStats } from './scan';

/** A spelling that reads as a known entity's, and is not one of its spellings. */
export interface PossibleVariant {
  start: number;
  end: number;
  /** As written. */
  text: string;
  entityId: string;
  /** The entity's canonical name. */
  canonical: string;
  /** The glossary spelling it is closest to. */
  closestTo: string;
  reason: VariantReason;
}

/** A name the glossary does not know: a candidate of two words or more, or one word capitalised mid-sentence at least twice. */
export interface UnknownName {
  start: number;
  end: number;
  /** As written. */
  text: string;
  /** Right after "in", "from" or "to" (a hint that it is a place). */
  afterPlacePreposition: boolean;
}

/** What discovery finds in one text: plain data, in text order. */
export interface Discovery {
  variants: PossibleVariant[];
  unknownNames: UnknownName[];
}

export interface DiscoverOptions {
  /**
   * Look for unknown names too (the default). Without them (`glossa check`, which reports possible variants only), a
   * run with no word of a glossary spelling and no word near a short form is passed over at once.
   */
  unknownNames?: boolean;
}

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

/** What the glossary says of one word (folded, lower-case): the same for every text, so worked out once per word. */
interface WordInfo {
  /** `TITLE_FIRST`, `TITLE_LAST`, `TITLE_WORD`, `INFLECTION`, … */
  bits: number;
  /** The short forms one edit or one equivalence away (none for most words). */
  near: readonly NearShort[];
  /** The form under which `WordStats.caps` counts the word, once asked. */
  caps: string | undefined;
  /** Unique to this word (never reused within an index): what `closestSpelling` hashes. */
  id: number;
  /** `isCommon` of the word, in the `discover` call `commonEpoch` (it depends on the call's statistics). */
  common: boolean;
  commonEpoch: number;
}

interface NearShort {
  refs: readonly ShortRef[];
  reason: VariantReason;
}

// `WordInfo.bits`: the word begins (ends) a title phrase, or is one; is a demonym or an inflection of a glossary word; a month or
// a weekday; a currency code; a word of a glossary spelling; a usual title word; an English function word.
const TITLE_FIRST = 1;
const TITLE_LAST = 2;
const INFLECTION = 4;
const MONTH_OR_DAY = 8;
const CURRENCY = 16;
const GLOSSARY_WORD = 32;
const USUAL_TITLE = 64;
const FUNCTION = 128;
const TITLE_WORD = 256;
// Distinct capitalised words kept: a corpus has far fewer, a long run of the CLI starts again past this.
const INFO_CACHE_SIZE = 100_000;
// Runs of words whose closest spelling is remembered: a text has a few hundred distinct ones.
const CLOSEST_MEMO_SIZE = 10_000;
const NO_NEAR: readonly NearShort[] = [];
const NO_MENTIONS: readonly Mention[] = [];

/** The glossary side of discovery, compiled once per glossary. */
export class DiscoveryIndex {
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
    const filed: string[][] = [];
    const file = (entity: Entity, text: string): void => {
      const words = spellingWords(text);
      for (const w of words) this.glossaryWords.add(w);
      // Spellings that fold alike are filed once (an entity has a handful: comparing beats making a key of each).
      if (filed.some((other) => sameWords(other, words))) return;
      filed.push(words);
      this.names.add(words, { entity, text });
    };
    for (const entity of entities) {
      filed.length = 0;
      file(entity, entity.name);
      for (const text of entity.aliases) file(entity, text);
      for (const text of entity.aka) file(entity, text);
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
   * Without `options.unknownNames`, `unknownNames` is empty and `variants` the same.
   */
  discover(text: string, mentions: readonly Mention[], stats?: WordStats | ((own: WordStats) => WordStats), options: DiscoverOptions = {}): Discovery {
    const scan = scanText(text);
    const words = stats === undefined ? scan.stats : typeof stats === 'function' ? stats(scan.stats) : stats;
    const variants: PossibleVariant[] = [];
    const unknownNames: UnknownName[] = [];
    const out = { variants, unknownNames };
    const runs = scan.runs;
    const W = runs.words;
    const K = W.key;
    const F = W.flags;
    const midCapital = words.midCapital;
    // Where each entity was first fully mentioned (it licenses variants of its short form after it): made only when a
    // word comes near a short form.
    this.firstFull = undefined;
    this.mentions = mentions;
    this.epoch++;
    const wantUnknown = options.unknownNames !== false;
    this.wantUnknown = wantUnknown;
    let mi = 0;
    for (let r = 0; r < runs.count; r++) {
      const base = runs.first[r];
      const n = runs.end[r] - base;
      const runStart = W.start[base];
      while (mi < mentions.length && mentions[mi].end <= runStart) mi++;
      if (this.covered.length < n) {
        this.covered = new Uint8Array(n * 2);
        this.used = new Uint8Array(n * 2);
        this.info.length = n * 2;
      }
      const covered = this.covered;
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
        if (c === 0 && (F[base + j] & CONNECTOR) === 0) uncovered++;
      }
      if (uncovered === 0) continue;
      if (!wantUnknown && !this.mayHoldVariant(K, F, base, n)) continue;
      if (n === 1) {
        // The usual one-word run at once (as in `discoverInRun`): neither a short form's variant (under five letters)
        // nor a recurring name.
        const key = K[base];
        const mid = midCapital.get(key) ?? 0;
        if (key.length < LONG_WORD && ((F[base] & INITIAL) !== 0 || mid < 2)) continue;
        // One word finds no name in the name index (two words or more), so it gives a variant only near a short form,
        // and an unknown name only when it is no function word and recurs mid-sentence: without either, nothing.
        const info = this.wordInfo(key);
        if (info.near.length === 0 && ((info.bits & FUNCTION) !== 0 || mid < 2)) continue;
        this.discoverOneWord(text, W, base, info, mid, runs.afterPlacePreposition[r] === 1, words, out);
        continue;
      }
      const I = this.info;
      // (`mayHoldVariant` has filled them already.)
      if (wantUnknown) for (let j = 0; j < n; j++) I[j] = this.wordInfo(K[base + j]);
      // "and" joins the words of one name only after an "of" or "for" ("Ministry of Industry and Trade"); elsewhere,
      // or beside a mention, a title or a demonym, it joins two names ("Tô Lâm and State President Lương Cường").
      const place = runs.afterPlacePreposition[r] === 1;
      let from = 0;
      // With two words there is no "and" between two others: nothing to split.
      if (n > 2) {
        let inName = false;
        for (let i = Math.max(1, this.titleAt(K, base, 0, n, 1, I[0].bits)); i < n - 1; i++) {
          if ((F[base + i] & CONNECTOR) === 0) continue;
          const key = K[base + i];
          if (key === 'of' || key === 'for') inName = true;
          if (key !== 'and') continue;
          if (inName && !this.endsAName(W, base, n, i - 1, -1) && !this.endsAName(W, base, n, i + 1, 1)) continue;
          inName = false;
          this.discoverInRun(text, W, base, from, i, from === 0 && place, words, out);
          from = i + 1;
        }
      }
      this.discoverInRun(text, W, base, from, n, from === 0 && place, words, out);
    }
    this.mentions = NO_MENTIONS;
    this.firstFull = undefined;
    return out;
  }

  // The state of one `discover` call, kept between calls so that a text costs no allocation per run: which words of
  // the run are covered by mentions (1) or taken by a variant (`used`), and what the glossary says of each word.
  private covered = new Uint8Array(16);
  private used = new Uint8Array(16);
  private readonly info: WordInfo[] = new Array<WordInfo>(16);
  private mentions: readonly Mention[] = NO_MENTIONS;
  private wantUnknown = true;
  private firstFull: Map<string, number> | undefined;
  /** What the glossary says of each word (folded, lower-case) met lately: a text repeats its names. */
  private readonly infoCache = new Map<string, WordInfo>();
  private nextInfoId = 1;
  /** Counts `discover` calls: what a word's `common` was worked out for. */
  private epoch = 0;
  /** The closest spelling of runs of words looked up lately, by a hash of their words' ids (`closestSpelling`). */
  private readonly closestMemo = new Map<number, { words: readonly string[]; best: Closest | null }>();

  /** What the glossary says of a word, worked out once per distinct word. */
  private wordInfo(key: string): WordInfo {
    let info = this.infoCache.get(key);
    if (info === undefined) {
      let bits = 0;
      if (this.titlesByFirst.has(key)) bits |= TITLE_FIRST;
      if (this.titlesByLast.has(key)) bits |= TITLE_LAST;
      if (this.titlesByFirst.get(key)?.some((phrase) => phrase.length === 1)) bits |= TITLE_WORD;
      if (this.isInflection(key)) bits |= INFLECTION;
      if (MONTH_WORDS.has(key) || WEEKDAY_WORDS.has(key)) bits |= MONTH_OR_DAY;
      if (CURRENCY_CODES.has(key)) bits |= CURRENCY;
      if (this.glossaryWords.has(key)) bits |= GLOSSARY_WORD;
      if (USUAL_TITLE_WORDS.has(key)) bits |= USUAL_TITLE;
      if (FUNCTION_WORDS.has(key)) bits |= FUNCTION;
      info = { bits, near: this.nearShortForms(key), caps: undefined, id: this.nextInfoId++, common: false, commonEpoch: -1 };
      if (this.infoCache.size >= INFO_CACHE_SIZE) this.infoCache.clear();
      this.infoCache.set(key, info);
    }
    return info;
  }

  /**
   * Can the run of `n` words at `base` (`this.covered` filled) hold a possible variant? Only where an uncovered word is
   * a word of a glossary spelling (a spelling the name index finds has a word identical to one written) or near a
   * short form (a short form's variant is one such word). Fills `this.info` for the run's words.
   */
  private mayHoldVariant(K: readonly string[], F: Uint8Array, base: number, n: number): boolean {
    let may = false;
    for (let j = 0; j < n; j++) {
      const info = (this.info[j] = this.wordInfo(K[base + j]));
      if (this.covered[j] === 0 && (F[base + j] & CONNECTOR) === 0 && (info.bits & GLOSSARY_WORD || info.near.length > 0)) may = true;
    }
    return may;
  }

  /** Where the entity was first fully mentioned in the text being read (`discover`), if it was. */
  private firstFullMention(entityId: string): number | undefined {
    if (this.firstFull === undefined) {
      this.firstFull = new Map();
      for (const m of this.mentions) if (m.variant !== 'short' && !this.firstFull.has(m.entityId)) this.firstFull.set(m.entityId, m.start);
    }
    return this.firstFull.get(entityId);
  }

  /**
   * `discoverInRun` of a run of one word, uncovered (so no connector either), past its first exit: what the trims and
   * the checks there come to for one word. A title word, a sentence-initial common word, a month, a weekday, a currency
   * code, a rare acronym or a demonym is trimmed away whole; the index holds no spelling of one word; what is left is
   * a short form's variant, an unknown name, or nothing.
   */
  private discoverOneWord(text: string, W: RunWords, base: number, info: WordInfo, mid: number, afterPlacePreposition: boolean, stats: WordStats, out: Discovery): void {
    const key = W.key[base];
    const flags = W.flags[base];
    if (info.bits & (TITLE_WORD | INFLECTION)) return;
    if (flags & INITIAL && this.isCommonWord(key, info, stats)) return;
    if (this.isNotAName(key, info, flags, stats, false)) return;
    const start = W.start[base];
    const end = W.end[base];
    if (this.ignoredAt(text, start, end)) return;
    const short = this.shortFormVariant(info, start);
    if (short) {
      const variant = this.variant(text, start, end, short.entity, short.text, short.reason);
      if (variant) {
        out.variants.push(variant);
        return;
      }
    }
    if (this.wantUnknown && (info.bits & FUNCTION) === 0 && mid >= 2) out.unknownNames.push({ start, end, text: text.slice(start, end), afterPlacePreposition });
  }

  /** `isCommon`, asked once per distinct word in one `discover` call (the statistics do not change during it). */
  private isCommonWord(key: string, info: WordInfo, stats: WordStats): boolean {
    if (info.commonEpoch !== this.epoch) {
      info.common = isCommon(key, stats);
      info.commonEpoch = this.epoch;
    }
    return info.common;
  }

  /** Discovery in the words `[from, to)` of the run whose words start at `base` (`this.covered` and `this.info` filled for it). */
  private discoverInRun(text: string, W: RunWords, base: number, from: number, to: number, afterPlacePreposition: boolean, stats: WordStats, out: Discovery): void {
    const { variants, unknownNames } = out;
    const K = W.key;
    const F = W.flags;
    const I = this.info;
    const covered = this.covered;
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
      const flags = F[base + a];
      const info = I[a];
      let title = 0;
      if (flags & CONNECTOR) a++;
      else if ((title = this.titleAt(K, base, a, b, 1, info.bits)) > 0) a += title;
      else if (flags & INITIAL && this.isCommonWord(K[base + a], info, stats)) a++;
      // A demonym qualifies what follows: trimmed before a title or a mention, kept in "Russian Economic Week".
      else if (this.isNotAName(K[base + a], info, flags, stats, false) || (info.bits & INFLECTION && (a + 1 === b || covered[a + 1] || this.titleAt(K, base, a + 1, b, 1, I[a + 1].bits) > 0))) a++;
      else changed = false;
    }
    for (let changed = true; changed && a < b; ) {
      if (covered[b - 1]) break;
      const flags = F[base + b - 1];
      let title = 0;
      if (flags & CONNECTOR) b--;
      else if ((title = this.titleAt(K, base, a, b, -1, I[b - 1].bits)) > 0) b -= title;
      else if (this.isNotAName(K[base + b - 1], I[b - 1], flags, stats, true)) b--;
      else changed = false;
    }
    let nameWords = 0;
    let wordCount = 0;
    for (let i = a; i < b; i++) {
      if (F[base + i] & CONNECTOR) continue;
      wordCount++;
      if (!covered[i] && (I[i].bits & USUAL_TITLE) === 0) nameWords++;
    }
    if (nameWords === 0) return;
    const start = W.start[base + a];
    const end = W.end[base + b - 1];
    if (this.ignoredAt(text, start, end)) return;

    // Possible variants: the longest runs of uncovered words inside that read as one entity's spelling.
    let wholeIsVariant = false;
    // A variant has a word identical to one of a spelling's: without such a word, nothing to look up. (One word has
    // nothing to look up either: the index holds spellings of two words or more.)
    let known = 0;
    if (b - a >= 2) for (let i = a; i < b && known < 2; i++) if (covered[i] === 0 && (F[base + i] & CONNECTOR) === 0 && I[i].bits & GLOSSARY_WORD) known++;
    const maxWords = known > 0 ? Math.min(this.names.maxWords, b - a) : 0;
    const used = this.used;
    if (maxWords >= 2) used.fill(0, a, b);
    for (let len = maxWords; len >= 2; len--) {
      for (let s = a; s + len <= b; s++) {
        if (F[base + s] & CONNECTOR || F[base + s + len - 1] & CONNECTOR) continue;
        // Free words only, and one of them a glossary word: a spelling the index finds has a word identical to one written.
        let free = true;
        let glossaryWord = false;
        for (let i = s; i < s + len && free; i++) {
          free = covered[i] === 0 && used[i] === 0;
          if (I[i].bits & GLOSSARY_WORD) glossaryWord = true;
        }
        if (!free || !glossaryWord) continue;
        const best = this.closestSpelling(K, base, s, len);
        if (!best) continue;
        const variant = this.variant(text, W.start[base + s], W.end[base + s + len - 1], best.value.entity, best.value.text, best.reason);
        if (!variant) continue;
        variants.push(variant);
        for (let i = s; i < s + len; i++) used[i] = 1;
        if (s === a && s + len === b && best.reason !== 'short-word') wholeIsVariant = true;
      }
    }
    if (wordCount === 1 && !covered[a]) {
      const short = this.shortFormVariant(I[a], W.start[base + a]);
      if (short) {
        const variant = this.variant(text, start, end, short.entity, short.text, short.reason);
        if (variant) {
          variants.push(variant);
          wholeIsVariant = true;
        }
      }
    }
    if (wholeIsVariant || !this.wantUnknown) return;
    if (wordCount >= 2 || ((I[a].bits & FUNCTION) === 0 && (stats.midCapital.get(K[base + a]) ?? 0) >= 2)) {
      unknownNames.push({ start, end, text: text.slice(start, end), afterPlacePreposition: a === from && afterPlacePreposition });
    }
  }

  /**
   * `closest(names.lookup(...))` of the `len` words from word `s` of the run at `base`, remembered by the words: a text
   * looks up the same few runs of words again and again (the 1 MB bench document: 4,400 lookups of 116 distinct runs),
   * so a lookup is mostly a hash of the words' ids and a comparison of the words, no slice.
   */
  private closestSpelling(keys: readonly string[], base: number, s: number, len: number): Closest | null {
    const I = this.info;
    let h = len;
    for (let i = s; i < s + len; i++) h = Math.imul(h ^ I[i].id, 0x2c1b3c6d) ^ (h >>> 15);
    h &= 0x3fffffff;
    const memo = this.closestMemo.get(h);
    if (memo !== undefined && memo.words.length === len) {
      let same = true;
      for (let i = 0; i < len && same; i++) same = memo.words[i] === keys[base + s + i];
      if (same) return memo.best;
    }
    const words = keys.slice(base + s, base + s + len);
    const best = closest(this.names.lookup(words));
    if (this.closestMemo.size >= CLOSEST_MEMO_SIZE) this.closestMemo.clear();
    this.closestMemo.set(h, { words, best });
    return best;
  }

  /** Is `text.slice(start, end)` on the glossary's `ignore:` list? Sliced only when the list has spellings. */
  private ignoredAt(text: string, start: number, end: number): boolean {
    return this.ignored.size > 0 && this.ignored.has(ignoreKey(text.slice(start, end)));
  }

  private variant(text: string, start: number, end: number, entity: Entity, closestTo: string, reason: VariantReason): PossibleVariant | null {
    if (this.ignoredAt(text, start, end)) return null;
    return { start, end, text: text.slice(start, end), entityId: entity.id, canonical: entity.name, closestTo, reason };
  }

  /**
   * The short forms (five letters or more) one edit or one equivalence from `key`, in the order their neighbour keys
   * come, each once; none for a shorter word. What depends on the glossary only, kept with the word's `WordInfo`.
   */
  private nearShortForms(key: string): readonly NearShort[] {
    if (key.length < LONG_WORD || this.shortWords.size === 0) return NO_NEAR;
    let near: NearShort[] | undefined;
    let tried: Set<string> | undefined;
    for (const k of neighbourKeys(key)) {
      const shorts = this.shortWords.get(k);
      if (shorts === undefined) continue;
      for (const short of shorts) {
        if (tried?.has(short)) continue;
        (tried ??= new Set()).add(short);
        const relation = relate(key, short);
        if (relation === null || relation === 'identical') continue;
        (near ??= []).push({ refs: this.shortRefs.get(short)!, reason: relation });
      }
    }
    return near ?? NO_NEAR;
  }

  /** A word (`info` of the word at `start`) one edit or one equivalence from the short form of exactly one entity fully mentioned before it. */
  private shortFormVariant(info: WordInfo, start: number): { entity: Entity; text: string; reason: VariantReason } | null {
    let found = null as { entity: Entity; text: string; reason: VariantReason } | null;
    for (const near of info.near) {
      for (const ref of near.refs) {
        const at = this.firstFullMention(ref.entity.id);
        if (at === undefined || at > start || found?.entity === ref.entity) continue;
        if (found) return null; // Two entities: a tie is no variant.
        found = { entity: ref.entity, text: ref.text, reason: near.reason };
      }
    }
    return found;
  }

  /**
   * The number of words of the longest title at the left (`dir` 1) or right (-1) edge of words `[a, b)` (of keys from
   * `base`), or 0. `bits` are the edge word's: a word that begins (ends) no title is answered at once.
   */
  private titleAt(keys: readonly string[], base: number, a: number, b: number, dir: 1 | -1, bits: number): number {
    if ((bits & (dir === 1 ? TITLE_FIRST : TITLE_LAST)) === 0) return 0;
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
  private isNotAName(key: string, info: WordInfo, flags: number, stats: WordStats, inflections: boolean): boolean {
    if (info.bits & MONTH_OR_DAY) return true;
    if (flags & SHORT_CAPS && (info.bits & CURRENCY || (stats.caps.get((info.caps ??= fold(key.toUpperCase()))) ?? 0) < 2)) return true;
    return inflections && (info.bits & INFLECTION) !== 0;
  }

  /** Is the word at `i` of the `n`-word run from `base` (next to an "and" on side `dir`) the edge of a mention, a title or a demonym? */
  private endsAName(W: RunWords, base: number, n: number, i: number, dir: 1 | -1): boolean {
    // "… and the Vietnamese Ministry": the word after the article.
    if (dir === 1 && (W.flags[base + i] & CONNECTOR) !== 0 && W.key[base + i] === 'the' && i + 1 < n) i++;
    const bits = this.info[i].bits;
    if (this.covered[i] === 1 || bits & (INFLECTION | USUAL_TITLE)) return true;
    return dir === 1 ? this.titleAt(W.key, base, i, n, 1, bits) > 0 : this.titleAt(W.key, base, 0, i + 1, -1, bits) > 0;
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

/**
 * A word capitalised only because it begins a sentence: an English function
 * word, or one the corpus also writes in lower case (or an inflection of one:
 * "Politically" beside "political", "Reflecting" beside "reflects").
 */
export function isCommon(key: string, stats: WordStats): boolean {
  const lower = stats.lower;
  if (FUNCTION_WORDS.has(key)) return true;
  const h = wordHash(key);
  if (lower.has(h) || lower.has(extendHash(h, 's'))) return true;
  for (const ending of ['ally', 'ly', 'ing', 'ed']) {
    if (key.length - ending.length < 3 || !key.endsWith(ending)) continue;
    const stem = wordHash(key.slice(0, -ending.length));
    if (lower.has(stem) || lower.has(extendHash(stem, 's')) || lower.has(extendHash(stem, 'e')) || lower.has(extendHash(stem, 'al'))) return true;
  }
  return false;
}

type Closest = { value: SpellingRef; reason: VariantReason };

/** The closest match when it belongs to one entity only: a tie between two entities is no variant. */
function closest(matches: { value: SpellingRef; reason: VariantReason; distance: number }[]): Closest | null {
  if (matches.length === 0) return null;
  let best = matches[0];
  for (const m of matches) if (m.distance < best.distance || (m.distance === best.distance && m.reason === 'romanization' && best.reason !== 'romanization')) best = m;
  for (const m of matches) if (m.distance === best.distance && m.value.entity.id !== best.value.entity.id) return null;
  return best;
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
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
