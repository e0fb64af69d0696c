/**
 * Titles and roles (DESIGN.md): the title written right before a mention of a
 * person, and what the glossary says of it. `title-mismatch`: the title is
 * another person's and not this one's ("Prime Minister Tô Lâm"); `outdated-title`:
 * it is this person's, but not on the document's date. Titles compare folded
 * and ignoring case, word by word; a title written with more words that contain
 * one of the person's titles is that title ("Russian Foreign Minister" holds
 * "Foreign Minister").
 */

import type { Mention, MentionTitle } from '../entities/types';
import type { DatedTitle, Entity } from '../glossary/types';
import { isWordCode } from '../text/chars';
import { countryOfDemonym } from '../text/demonyms';
import { fold } from '../text/fold';
import { FUNCTION_WORDS, USUAL_TITLE_WORDS } from '../text/wordLists';
import { isCapitalisedAt } from '../entities/neighbours';

/** A word of a written title: folded and lower-case, with its span. */
interface Word {
  key: string;
  start: number;
  end: number;
}

/** A glossary title as words, with the separator after each word but the last. */
interface TitleKey {
  words: string[];
  /** `seps[i]` stands between `words[i]` and `words[i + 1]`: ' ' for white space, else its punctuation. */
  seps: string[];
}

interface IndexedTitle extends TitleKey {
  /** The folded key of the whole title. */
  key: string;
  /** The entities with this title, in glossary order, each with the title as it spells it. */
  holders: { entity: Entity; title: string }[];
}

/** What the glossary says of the title before a person's mention. */
export type TitleVerdict =
  | { kind: 'held'; title: string }
  | {
      kind: 'outdated';
      /** The person's title, as the glossary spells it. */
      title: string;
      /** Where it is written (a part of the mention's title). */
      start: number;
      end: number;
      terms: DatedTitle[];
      /** Others whose dates for it contain the document's date. */
      holders: Entity[];
    }
  | {
      kind: 'mismatch';
      /** The other people's title, as the glossary spells it. */
      title: string;
      start: number;
      end: number;
      /** Who holds it, this person not among them: those whose dates contain the document's date when some do. */
      holders: Entity[];
      /** True when `holders` are those holding it on the document's date by their dates. */
      onDay: boolean;
    };

/** The most words bridged before a glossary title ("Vietnamese Deputy …"): qualifiers of it. */
const MAX_QUALIFIERS = 3;
/** Words that make another office of the title after them ("Deputy Prime Minister" is not "Prime Minister"). */
const RANK_WORDS: ReadonlySet<string> = new Set(['deputy', 'vice', 'assistant', 'acting', 'associate', 'interim', 'under']);
/** Words right before a title that say it is no longer held ("former President", "ex-President", "then-President"). */
const PAST_WORDS: ReadonlySet<string> = new Set(['former', 'ex', 'late', 'then', 'outgoing', 'erstwhile', 'onetime', 'previous', 'retired']);

/** The separator between two words: ' ' for white space with at most one line break, else its punctuation; '' for none allowed. */
function separator(text: string, start: number, end: number): string {
  let out = '';
  let breaks = 0;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x0a && ++breaks > 1) return '';
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xa0 || c === 0x202f) continue;
    out += text[k];
  }
  return out === '' ? ' ' : fold(out);
}

/** Words of a title as the glossary writes it. */
function titleKey(title: string): TitleKey | undefined {
  const words: string[] = [];
  const seps: string[] = [];
  let i = 0;
  let previousEnd = -1;
  while (i < title.length) {
    while (i < title.length && !isWordCode(title.charCodeAt(i))) i++;
    if (i >= title.length) break;
    const start = i;
    while (i < title.length && isWordCode(title.charCodeAt(i))) i++;
    if (previousEnd >= 0) seps.push(separator(title, previousEnd, start));
    words.push(fold(title.slice(start, i)).toLowerCase());
    previousEnd = i;
  }
  return words.length > 0 ? { words, seps } : undefined;
}

/** Every glossary title, indexed by its last word; reads the title before a mention and judges it. */
export class TitleIndex {
  private readonly byLast = new Map<string, IndexedTitle[]>();
  private readonly byKey = new Map<string, IndexedTitle>();
  /** Every word of a glossary title: the qualifiers a written title may have before one. */
  private readonly titleWords = new Set<string>();
  private maxWords = 0;

  constructor(entities: readonly Entity[]) {
    for (const entity of entities) {
      for (const title of entity.titles) {
        const parsed = titleKey(title);
        if (!parsed) continue;
        const key = keyOf(parsed);
        let indexed = this.byKey.get(key);
        if (!indexed) {
          indexed = { ...parsed, key, holders: [] };
          this.byKey.set(key, indexed);
          const last = parsed.words[parsed.words.length - 1];
          const list = this.byLast.get(last);
          if (list) list.push(indexed);
          else this.byLast.set(last, [indexed]);
          for (const w of parsed.words) this.titleWords.add(w);
          this.maxWords = Math.max(this.maxWords, parsed.words.length);
        }
        if (!indexed.holders.some((h) => h.entity === entity)) indexed.holders.push({ entity, title });
      }
    }
  }

  /** True when no entity has a title: nothing to read or check. */
  get isEmpty(): boolean {
    return this.byKey.size === 0;
  }

  /**
   * The title written right before `start` (only white space between, at most one line
   * break): the longest glossary title ending there, with the qualifiers before it
   * (demonyms, title words: "Russian Foreign Minister"), or undefined.
   */
  before(text: string, start: number): MentionTitle | undefined {
    if (this.isEmpty) return undefined;
    const words: Word[] = [];
    const seps: string[] = [];
    let p = start;
    for (let n = 0; n < this.maxWords + MAX_QUALIFIERS; n++) {
      let q = p;
      while (q > 0 && p - q <= 4 && !isWordCode(text.charCodeAt(q - 1))) q--;
      if (q === 0 || q === p || p - q > 4) break;
      const sep = separator(text, q, p);
      if (sep === '' || (n === 0 && sep !== ' ')) break;
      let s = q;
      while (s > 0 && isWordCode(text.charCodeAt(s - 1))) s--;
      words.push({ key: fold(text.slice(s, q)).toLowerCase(), start: s, end: q });
      seps.push(sep);
      p = s;
      if (n === 0 && !this.byLast.has(words[0].key)) return undefined;
    }
    if (words.length === 0) return undefined;
    // seps[i] stands after words[i] (towards the mention).
    let longest = 0;
    for (const title of this.byLast.get(words[0].key) ?? []) {
      const n = title.words.length;
      if (n <= longest || n > words.length) continue;
      let ok = true;
      for (let k = 0; k < n && ok; k++) {
        const word = words[n - 1 - k];
        ok = word.key === title.words[k] && (k === n - 1 || seps[n - 1 - k] === title.seps[k]);
      }
      if (ok) longest = n;
    }
    if (longest === 0) return undefined;
    let first = longest;
    while (first < words.length && first < longest + MAX_QUALIFIERS && seps[first] === ' ' && this.isQualifier(text, words[first])) first++;
    const from = words[first - 1].start;
    const end = words[0].end;
    const title: MentionTitle = { start: from, end, text: text.slice(from, end) };
    const before = words[first];
    if (before && (seps[first] === ' ' || seps[first] === '-') && PAST_WORDS.has(before.key)) title.past = true;
    return title;
  }

  /** May this word stand before a glossary title as part of the written title ("Russian", "Deputy", "Party")? */
  private isQualifier(text: string, word: Word): boolean {
    if (!isCapitalisedAt(text, word.start) || FUNCTION_WORDS.has(word.key)) return false;
    return this.titleWords.has(word.key) || USUAL_TITLE_WORDS.has(word.key) || countryOfDemonym(text.slice(word.start, word.end)) !== undefined;
  }

  /**
   * What the glossary says of the title written before a mention of `entity` (a person),
   * on the document's `day` (`YYYY-MM-DD`) if it has one; undefined when the title is no
   * glossary title (or only a rank below one: "Deputy Prime Minister").
   */
  judge(entity: Entity, title: MentionTitle, day?: string): TitleVerdict | undefined {
    const found = this.titlesIn(title.text);
    if (found.length === 0) return undefined;
    const own = found.filter((f) => f.title.holders.some((h) => h.entity === entity));
    if (own.length > 0) {
      const spelled = (f: (typeof own)[number]): string => f.title.holders.find((h) => h.entity === entity)!.title;
      if (day === undefined || title.past) return { kind: 'held', title: spelled(own[0]) };
      const held = own.find((f) => holdsOn(entity, spelled(f), day));
      if (held) return { kind: 'held', title: spelled(held) };
      const { title: key, start, end } = own[0];
      const name = spelled(own[0]);
      return {
        kind: 'outdated',
        title: name,
        start: title.start + start,
        end: title.start + end,
        terms: (entity.datedTitles ?? []).filter((t) => t.title === name),
        holders: key.holders.filter((h) => h.entity !== entity && heldByDate(h.entity, h.title, day)).map((h) => h.entity),
      };
    }
    const { title: other, start, end } = found[0];
    const holders = other.holders.filter((h) => h.entity !== entity);
    const onDay = day === undefined ? [] : holders.filter((h) => heldByDate(h.entity, h.title, day));
    return {
      kind: 'mismatch',
      title: holders[0].title,
      start: title.start + start,
      end: title.start + end,
      holders: (onDay.length > 0 ? onDay : holders).map((h) => h.entity),
      onDay: onDay.length > 0,
    };
  }

  /** The glossary titles inside a written title, longest first, each with its span in it; none right after a rank word. */
  private titlesIn(written: string): { title: IndexedTitle; start: number; end: number }[] {
    const words: Word[] = [];
    const seps: string[] = [];
    let i = 0;
    while (i < written.length) {
      const gap = i;
      while (i < written.length && !isWordCode(written.charCodeAt(i))) i++;
      if (i >= written.length) break;
      const start = i;
      while (i < written.length && isWordCode(written.charCodeAt(i))) i++;
      if (words.length > 0) seps.push(separator(written, gap, start));
      words.push({ key: fold(written.slice(start, i)).toLowerCase(), start, end: i });
    }
    const out: { title: IndexedTitle; start: number; end: number }[] = [];
    for (let a = 0; a < words.length; a++) {
      if (a > 0 && RANK_WORDS.has(words[a - 1].key) && seps[a - 1] !== ',') continue;
      for (let b = a; b < words.length && b - a < this.maxWords; b++) {
        const key = keyOf({ words: words.slice(a, b + 1).map((w) => w.key), seps: seps.slice(a, b) });
        const title = this.byKey.get(key);
        if (title) out.push({ title, start: words[a].start, end: words[b].end });
      }
    }
    return out.sort((x, y) => y.title.words.length - x.title.words.length || y.end - x.end);
  }
}

function keyOf(title: TitleKey): string {
  let key = title.words[0];
  for (let k = 1; k < title.words.length; k++) key += title.seps[k - 1] + title.words[k];
  return key;
}

/** The terms of `title` (as the entity spells it), or undefined when it is undated (held at any date). */
function termsOf(entity: Entity, title: string): DatedTitle[] | undefined {
  const terms = entity.datedTitles?.filter((t) => t.title === title);
  return terms && terms.length > 0 ? terms : undefined;
}

/** Does `entity` hold `title` on `day` (`YYYY-MM-DD`)? An undated title is held at any date. */
export function holdsOn(entity: Entity, title: string, day: string): boolean {
  if (!entity.titles.includes(title)) return false;
  const terms = termsOf(entity, title);
  return !terms || terms.some((t) => (t.from === undefined || t.from <= day) && (t.until === undefined || day <= t.until));
}

/** Does `entity` hold `title` on `day` by a term whose dates contain it (not merely undated)? */
function heldByDate(entity: Entity, title: string, day: string): boolean {
  return termsOf(entity, title) !== undefined && holdsOn(entity, title, day);
}

/**
 * The person's current title, for the quick fix: on `day`, the first title (in glossary
 * order) held then; else the first undated title; else the one held last (still held, or
 * ended latest). Undefined for a person without titles.
 */
export function currentTitle(entity: Entity, day?: string): string | undefined {
  if (day !== undefined) {
    const held = entity.titles.find((t) => holdsOn(entity, t, day));
    if (held) return held;
  }
  const undated = entity.titles.find((t) => !termsOf(entity, t));
  if (undated) return undated;
  let latest: DatedTitle | undefined;
  for (const term of entity.datedTitles ?? []) {
    if (!latest || compareEnds(term, latest) > 0) latest = term;
  }
  return latest?.title;
}

/** Orders terms by when they end (still held last), then by when they began. */
function compareEnds(a: DatedTitle, b: DatedTitle): number {
  const end = (t: DatedTitle) => t.until ?? '9999-12-31';
  const begin = (t: DatedTitle) => t.from ?? '0000-00-00';
  return end(a) < end(b) ? -1 : end(a) > end(b) ? 1 : begin(a) < begin(b) ? -1 : begin(a) > begin(b) ? 1 : 0;
}

/** Sets `title` on each mention of a person that has a title written right before it. */
export function annotateTitles(index: TitleIndex, text: string, mentions: Mention[], entityOf: (id: string) => Entity | undefined): void {
  if (index.isEmpty) return;
  for (const mention of mentions) {
    if (entityOf(mention.entityId)?.kind !== 'person') continue;
    const title = index.before(text, mention.start);
    if (title) mention.title = title;
  }
}
