/**
 * The matcher: finds every mention of every glossary entity in a text.
 *
 * One automaton for all spellings: a trie whose edges are folded words (the
 * first word) or a normalized separator plus a folded word (the next ones).
 * Mentions must sit on word boundaries (DESIGN.md rule 3), so walking the text
 * word by word is equivalent to a character Aho-Corasick restricted to word
 * starts, and far cheaper: most words are rejected by their first character
 * without being sliced or folded. Cost grows with the text, not with the
 * number of spellings.
 *
 * Rules 9–11 (DESIGN.md) look at the few characters around a word that
 * already matched, never at the rest of the text: a short form standing in a
 * longer name, a demonym right before a mention, the letters of a currency.
 */

import type { Entity } from '../glossary/types';
import { fold } from '../text/fold';
import { classifyCode, isAllCaps, isWordCode, lowerAsciiHash, WORD_CLASS } from '../text/chars';
import { countryOfDemonym, DEMONYM_SECOND_WORDS, DEMONYMS } from '../text/demonyms';
import { FUNCTION_WORDS, MONTH_WORDS, USUAL_TITLE_WORDS, WEEKDAY_WORDS } from '../text/wordLists';
import { isCapitalisedAt, isSentenceStart, wordAfter, wordBefore, type WordSpan } from './neighbours';
import type { Mention, Variant } from './types';

type Role = 'name' | 'alias' | 'aka' | 'short';

/** One glossary spelling that ends at a trie node. */
interface Spelling {
  entity: Entity;
  /** `entity.id`, read without going through the entity. */
  id: string;
  /** The trie nodes where the entity's short forms end (`EntityMatcher.shortNodes`), null if none. */
  shortNodes: TrieNode[] | null;
  role: Role;
  /** The spelling as written in the glossary. */
  text: string;
  /** Its upper-case form, for mentions written in capitals (`upperOf`: made on first use). */
  upper: string | undefined;
}

function upperOf(spelling: Spelling): string {
  return (spelling.upper ??= spelling.text.toUpperCase());
}

interface TrieNode {
  children: Map<string, TrieNode> | null;
  /** Spellings ending here; full names first, then short forms. */
  spellings: Spelling[] | null;
  /** True when some spelling ending here is a full (non-short) spelling. */
  hasFull: boolean;
  /** For a short form shared by many entities ("Hùng"): its spellings by entity, and those with titles. Built on first use. */
  shortIndex: { byEntity: Map<string, Spelling>; titled: Spelling[] } | undefined;
  /** The children under an ASCII key (" word"), by `hashWord` of the key: found from the text without building the key. Built on first use. */
  byHash: HashedChildren | undefined;
}

/** A node's child under an ASCII key. */
interface ChildEntry {
  key: string;
  node: TrieNode;
}

/** A node's ASCII children by hash: a short list is scanned (most nodes have a few children), a long one is a map. */
interface HashedChildren {
  hashes: Int32Array;
  entries: ChildEntry[];
  map: Map<number, ChildEntry[]> | null;
}

/** Above this many ASCII children a node's are found through a map rather than by scanning their hashes. */
const SCANNED_CHILDREN = 8;

/** A first word of some spelling, for lookups by hash without slicing the text. */
interface FirstWord {
  key: string;
  /** Null for a first word in capitals whose spellings are not in the caps trie yet (`firstNode`). */
  node: TrieNode | null;
  caps: boolean;
}

/**
 * The trie hits of one word start, longest first once sorted: kept in reused arrays, since
 * a text has thousands of them and most hold one.
 */
class Candidates {
  length = 0;
  readonly ends: number[] = [];
  readonly nodes: TrieNode[] = [];
  readonly caps: boolean[] = [];

  push(end: number, node: TrieNode, caps: boolean): void {
    const k = this.length++;
    this.ends[k] = end;
    this.nodes[k] = node;
    this.caps[k] = caps;
  }

  /** Longest first; at equal length the case-sensitive match first (an insertion sort: there are one to three). */
  sort(): void {
    const { ends, nodes, caps } = this;
    for (let i = 1; i < this.length; i++) {
      const end = ends[i];
      const node = nodes[i];
      const c = caps[i];
      let j = i - 1;
      while (j >= 0 && (ends[j] < end || (ends[j] === end && caps[j] && !c))) {
        ends[j + 1] = ends[j];
        nodes[j + 1] = nodes[j];
        caps[j + 1] = caps[j];
        j--;
      }
      ends[j + 1] = end;
      nodes[j + 1] = node;
      caps[j + 1] = c;
    }
  }
}

/** Slots (bits) of the first-word hash filter (a power of two). */
const FIRST_HASH_SLOTS = 1 << 18;
/**
 * Hashes are looked up masked to 30 bits: a small integer (Smi) key, which a Map hashes
 * without allocating, where a full 32-bit value would be a heap number at each lookup.
 */
const HASH_KEY = 0x3fffffff;
/** The longest demonym word (lower-cased, as `countryOfDemonym` reads it): a longer word before a mention is none. */
const LONGEST_DEMONYM_WORD = Math.max(...[...DEMONYMS.keys()].flatMap((key) => key.split(' ')).map((word) => word.length));
/** `lowerAsciiHash` of every word `demonymBefore` looks up as the last word of a demonym (one-word demonyms, second words). */
const DEMONYM_LAST_HASHES: ReadonlySet<number> = new Set(
  [...DEMONYMS.keys(), ...DEMONYM_SECOND_WORDS].filter((word) => !word.includes(' ')).map((word) => lowerAsciiHash(word, 0, word.length)),
);

/** Longest run of separator characters we try to bridge inside a name ("Vietnam - Russia"). */
const MAX_SEPARATOR = 4;

const NON_ASCII_RE = /[^\x00-\x7f]/;
const CURRENCY_SIGN_RE = /\p{Sc}/u;
/** How far rule 9 reads around a short form for a glossary title (folded characters). */
const TITLE_REACH = 120;
const WORD_RUN_RE = /[\p{L}\p{N}\p{M}]+/gu;
/**
 * Months and weekdays written in full, never part of a name ("told Lavrov Monday"). Not
 * their abbreviations: Thu, Tue, Mon and Sun are also Vietnamese and Chinese syllables.
 */
const DATE_NAMES: ReadonlySet<string> = new Set([
  ...[...MONTH_WORDS].filter((w) => w.length >= 5 || w === 'may' || w === 'june' || w === 'july'),
  ...[...WEEKDAY_WORDS].filter((w) => w.endsWith('day')),
]);

function newNode(): TrieNode {
  // Every field set here, so that all nodes share one shape and the walk's property reads stay monomorphic.
  return { children: null, spellings: null, hasFull: false, shortIndex: undefined, byHash: undefined };
}

/**
 * Splits a spelling into trie edge keys: the first folded word, then each
 * normalized separator + folded word. Leading and trailing punctuation is
 * dropped (a mention ends on a word). Returns null for a spelling with no word.
 */
export function spellingKeys(spelling: string): string[] | null {
  const folded = fold(spelling);
  const keys: string[] = [];
  let i = 0;
  const n = folded.length;
  let separator = '';
  while (i < n) {
    const start = i;
    while (i < n && !isWordCode(folded.charCodeAt(i))) i++;
    if (keys.length > 0) separator = normalizeSeparator(folded, start, i);
    if (i >= n) break;
    const wordStart = i;
    while (i < n && isWordCode(folded.charCodeAt(i))) i++;
    const word = folded.slice(wordStart, i);
    keys.push(keys.length === 0 ? word : separator + word);
  }
  return keys.length > 0 ? keys : null;
}

/**
 * The form in which separators between the words of a name compare: a run of
 * white space with at most one line break is one space; typographic quotes and
 * dashes are folded. Returns '' (never matches) for a paragraph break.
 */
function normalizeSeparator(text: string, start: number, end: number): string {
  if (end - start === 1) {
    const c = text.charCodeAt(start);
    if (c === 0x20 || c === 0x0a || c === 0x09 || c === 0xa0) return ' ';
  }
  let out = '';
  let breaks = 0;
  let inSpace = false;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x0a) breaks++;
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xa0 || c === 0x202f) {
      if (!inSpace) out += ' ';
      inSpace = true;
    } else {
      inSpace = false;
      out += text[k];
    }
  }
  if (breaks > 1) return '';
  return NON_ASCII_RE.test(out) ? fold(out) : out;
}

function startPattern(firstChars: Uint8Array): RegExp {
  let set = '';
  for (let c = 0; c < 128; c++) {
    if (firstChars[c]) set += /[\w]/.test(String.fromCharCode(c)) ? String.fromCharCode(c) : `\\x${c.toString(16).padStart(2, '0')}`;
  }
  return new RegExp(`[${set}\\u0080-\\uffff]`, 'g');
}

/** The hash the first-word index uses (over UTF-16 code units), as its maps key it (`HASH_KEY`). */
function hashWord(s: string, start: number, end: number): number {
  let h = s.charCodeAt(start);
  for (let k = start + 1; k < end; k++) h = (Math.imul(h, 31) + s.charCodeAt(k)) | 0;
  return h & HASH_KEY;
}

// Folded forms of the non-ASCII words seen lately: a corpus repeats its vocabulary.
const foldedWords = new Map<string, string>();

function foldWord(word: string): string {
  if (!NON_ASCII_RE.test(word)) return word;
  let folded = foldedWords.get(word);
  if (folded === undefined) {
    folded = fold(word);
    // Only short words are kept: V8 stores a longer slice as a view on the whole text,
    // and a cache key would keep every text it came from alive.
    if (word.length < 13) {
      if (foldedWords.size > 50_000) foldedWords.clear();
      foldedWords.set(word, folded);
    }
  }
  return folded;
}

/** Does `s` hold white space other than single spaces (a line break, a tab, two spaces)? */
function hasOddSpace(s: string): boolean {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c === 0x20) {
      if (s.charCodeAt(k + 1) === 0x20) return true;
    } else if (c === 0x0a || c === 0x0d || c === 0x09 || c === 0xa0 || c === 0x202f) {
      return true;
    }
  }
  return false;
}

export interface MatchOptions {
  /**
   * Entities fully mentioned before the text begins (entity id → the offset of that
   * mention, in the text's coordinates: negative when it lies before it), so that
   * their short forms count in a text that is a window of a longer document.
   */
  fullyMentioned?: Iterable<readonly [string, number]>;
}

/** A compiled glossary: match any text against all of its spellings at once. */
export class EntityMatcher {
  private readonly root = newNode();
  /**
   * The same spellings keyed in capitals, for names written in all capitals ("TÔ LÂM"): a
   * first word's spellings are put in when a text first writes that word in capitals, since
   * few are ever written so (`capsPending` holds the others).
   */
  private readonly capsRoot = newNode();
  /** Spellings not yet in the caps trie, by their first key in capitals. */
  private readonly capsPending = new Map<string, Spelling[]>();
  /** First code unit of every first word (ASCII only); others are always looked up. */
  private readonly firstChars = new Uint8Array(128);
  /** ASCII first words by hash: most capitalised words of a text are rejected here without allocating. */
  private readonly firstWordsByHash = new Map<number, FirstWord[]>();
  /** The low bits of those hashes, one bit each (small enough to stay in cache): most capitalised words of a text are rejected here, before the map. */
  private readonly firstHashBits = new Int32Array(FIRST_HASH_SLOTS >> 5);
  /** The trie nodes (in both tries) where each entity's short forms end: a full mention makes it their latest. */
  private readonly shortNodes = new Map<string, TrieNode[]>();
  /** Every spelling inserted (while compiling only). */
  private spellings: Spelling[] = [];
  /** Finds the characters a first word can start with: the ASCII ones in use, and any non-ASCII. */
  private readonly startRe: RegExp;
  private readonly titlesByEntity = new Map<string, string[]>();
  /** Every glossary title (folded, lower-case, single spaces) by its first and by its last word; built on first use. */
  private titleEdges?: { byFirst: Map<string, string[]>; byLast: Map<string, string[]> };
  readonly entities: readonly Entity[];
  readonly spellingCount: number;
  /** False: every lookup the straightforward way (no hash shortcuts, every entity of a short form compared), for tests comparing the two. */
  private readonly shortcuts: boolean;

  private constructor(entities: readonly Entity[], shortcuts: boolean) {
    this.shortcuts = shortcuts;
    this.entities = entities;
    let count = 0;
    // Each spelling of an entity once as a full spelling and once as a short form (an entity
    // has a handful: a list scan is cheaper than a set per entity).
    const full: string[] = [];
    const shorts: string[] = [];
    const add = (entity: Entity, text: string, role: Role) => {
      const seen = role === 'short' ? shorts : full;
      if (seen.includes(text)) return;
      seen.push(text);
      if (this.insert(text, role, entity)) count++;
    };
    for (const entity of entities) {
      full.length = 0;
      shorts.length = 0;
      add(entity, entity.name, 'name');
      for (const alias of entity.aliases) add(entity, alias, 'alias');
      for (const aka of entity.aka) add(entity, aka, 'aka');
      for (const short of entity.short) add(entity, short, 'short');
      if (entity.titles.length > 0) {
        this.titlesByEntity.set(entity.id, entity.titles.map((t) => fold(t).toLowerCase()));
      }
    }
    this.spellingCount = count;
    for (const spelling of this.spellings) spelling.shortNodes = this.shortNodes.get(spelling.id) ?? null;
    this.spellings = [];
    this.indexFirstWords(this.root.children?.entries() ?? [], false);
    this.indexFirstWords([...this.capsPending.keys()].map((key) => [key, null]), true);
    this.startRe = startPattern(this.firstChars);
  }

  private indexFirstWords(firstWords: Iterable<[string, TrieNode | null]>, caps: boolean): void {
    for (const [key, node] of firstWords) {
      if (NON_ASCII_RE.test(key)) continue; // Only non-ASCII text words can match it: they take the slow path.
      const h = hashWord(key, 0, key.length);
      const slot = h & (FIRST_HASH_SLOTS - 1);
      this.firstHashBits[slot >>> 5] |= 1 << (slot & 31);
      let list = this.firstWordsByHash.get(h);
      if (!list) this.firstWordsByHash.set(h, (list = []));
      list.push({ key, node, caps });
    }
  }

  /** Builds the automaton for a glossary's entities. */
  static compile(entities: readonly Entity[], options: { shortcuts?: boolean } = {}): EntityMatcher {
    return new EntityMatcher(entities, options.shortcuts ?? true);
  }

  private insert(text: string, role: Role, entity: Entity): boolean {
    const keys = spellingKeys(text);
    if (!keys) return false;
    const spelling: Spelling = { entity, id: entity.id, shortNodes: null, role, text, upper: undefined };
    this.spellings.push(spelling);
    this.insertKeys(this.root, keys, spelling);
    const capsFirst = keys[0].toUpperCase();
    const pending = this.capsPending.get(capsFirst);
    if (pending) pending.push(spelling);
    else this.capsPending.set(capsFirst, [spelling]);
    const first = capsFirst.charCodeAt(0);
    if (first < 128) this.firstChars[first] = 1;
    return true;
  }

  /** The caps trie's node for a first word in capitals (its spellings put in on first use), or undefined. */
  private capsFirst(key: string): TrieNode | undefined {
    const pending = this.capsPending.get(key);
    if (pending) {
      this.capsPending.delete(key);
      for (const spelling of pending) {
        this.insertKeys(
          this.capsRoot,
          spellingKeys(spelling.text)!.map((k) => k.toUpperCase()),
          spelling,
        );
      }
    }
    return this.capsRoot.children?.get(key);
  }

  /** The node of a first word of the hash index: a caps one's is made on first use. */
  private firstNode(first: FirstWord): TrieNode {
    return (first.node ??= this.capsFirst(first.key)!);
  }

  private insertKeys(root: TrieNode, keys: string[], spelling: Spelling): void {
    let node = root;
    for (const key of keys) {
      node.children ??= new Map();
      let child = node.children.get(key);
      if (!child) {
        child = newNode();
        node.children.set(key, child);
      }
      node = child;
    }
    const first = keys[0].charCodeAt(0);
    if (first < 128) this.firstChars[first] = 1;
    // Full spellings before short forms; within each, glossary order. A new array each time, of the exact length
    // (`concat`): most nodes end one or two spellings, and an array grown by `push` keeps room for sixteen.
    const list = node.spellings;
    const firstShort = list === null || spelling.role === 'short' ? -1 : list.findIndex((s) => s.role === 'short');
    node.spellings = list === null ? [spelling] : firstShort < 0 ? list.concat(spelling) : list.slice(0, firstShort).concat(spelling, list.slice(firstShort));
    if (spelling.role === 'short') {
      let nodes = this.shortNodes.get(spelling.entity.id);
      if (!nodes) this.shortNodes.set(spelling.entity.id, (nodes = []));
      if (!nodes.includes(node)) nodes.push(node);
    } else {
      node.hasFull = true;
    }
  }

  /** Every mention in `text`, in text order, non-overlapping (longest match wins). */
  match(text: string, options: MatchOptions = {}): Mention[] {
    const mentions: Mention[] = [];
    // Where each entity was last fully mentioned: licenses its short forms (rule 5).
    const licences = new Licences(options.fullyMentioned ?? [], this.shortcuts);
    const n = text.length;
    const rootChildren = this.root.children;
    if (!rootChildren) return mentions;
    const candidates = new Candidates();

    const wordClass = WORD_CLASS;
    // Jump between possible word starts with the regex engine (it scans far faster than a
    // JavaScript loop); `test` rather than `exec` so no match object is allocated per hit.
    const starts = this.startRe;
    starts.lastIndex = 0;
    while (starts.test(text)) {
      const ws = starts.lastIndex - 1;
      if (ws > 0) {
        const p = text.charCodeAt(ws - 1);
        let k = wordClass[p];
        if (k === 0) k = classifyCode(p);
        if (k === 1) continue; // Inside a word.
      }
      const c = text.charCodeAt(ws);
      let cls = wordClass[c];
      if (cls === 0) cls = classifyCode(c);
      if (cls !== 1) continue;
      // A candidate first word: hash it while finding its end.
      let h = c;
      let ascii = c < 128;
      let i = ws + 1;
      for (; i < n; i++) {
        const d = text.charCodeAt(i);
        let k = wordClass[d];
        if (k === 0) k = classifyCode(d);
        if (k !== 1) break;
        h = (Math.imul(h, 31) + d) | 0;
        if (d >= 128) ascii = false;
      }
      const we = i;
      starts.lastIndex = we;
      if (ascii) {
        const slot = h & (FIRST_HASH_SLOTS - 1);
        if (((this.firstHashBits[slot >>> 5] >>> (slot & 31)) & 1) === 0 && this.shortcuts) continue;
        const firstWords = this.firstWordsByHash.get(h & HASH_KEY);
        if (!firstWords) continue;
        candidates.length = 0;
        for (const first of firstWords) {
          if (first.key.length === we - ws && sameAt(text, ws, first.key)) this.walk(text, we, this.firstNode(first), first.caps, candidates);
        }
      } else {
        candidates.length = 0;
        const word = foldWord(text.slice(ws, we));
        const node = rootChildren.get(word);
        if (node) this.walk(text, we, node, false, candidates);
        if (isAllCaps(word)) {
          const capsNode = this.capsFirst(word.toUpperCase());
          if (capsNode) this.walk(text, we, capsNode, true, candidates);
        }
      }
      if (candidates.length === 0) continue;
      candidates.sort();
      // The country of a demonym right before (rule 10): read once per word, only where something matched.
      let qualifier: string | null | undefined;
      for (let k = 0; k < candidates.length; k++) {
        const end = candidates.ends[k];
        if (gluedToCurrency(text, ws, end)) continue;
        if (qualifier === undefined) qualifier = demonymBefore(text, ws, this.shortcuts) ?? null;
        const mention = this.resolve(text, ws, end, candidates.nodes[k], candidates.caps[k], licences, qualifier, mentions[mentions.length - 1]);
        if (mention) {
          mentions.push(mention);
          starts.lastIndex = mention.end;
          break;
        }
      }
    }
    return mentions;
  }

  /** Follows the trie from `node` (a word ending at `pos`), recording every node that ends a spelling. */
  private walk(text: string, pos: number, node: TrieNode, caps: boolean, out: Candidates): void {
    const n = text.length;
    for (;;) {
      if (node.spellings) out.push(pos, node, caps);
      if (!node.children) return;
      // The separator, then the next word.
      let k = pos;
      while (k < n && k - pos <= MAX_SEPARATOR && !isWordCode(text.charCodeAt(k))) k++;
      if (k >= n || k === pos || k - pos > MAX_SEPARATOR) return;
      let e = k;
      if (k === pos + 1 && text.charCodeAt(pos) === 0x20 && this.shortcuts) {
        // The usual case: one space and an ASCII word, looked up by hash, without building the key.
        let h = 0x20;
        let ascii = true;
        for (; e < n; e++) {
          const d = text.charCodeAt(e);
          let cls = WORD_CLASS[d];
          if (cls === 0) cls = classifyCode(d);
          if (cls !== 1) break;
          if (d >= 128) ascii = false;
          h = (Math.imul(h, 31) + d) | 0;
        }
        if (ascii) {
          if (caps && !isAllCaps(text.slice(k, e))) return;
          const child = childByHash((node.byHash ??= hashChildren(node.children)), h & HASH_KEY, text, pos, e - pos);
          if (!child) return;
          node = child;
          pos = e;
          continue;
        }
      }
      const separator = normalizeSeparator(text, pos, k);
      if (separator === '') return;
      while (e < n && isWordCode(text.charCodeAt(e))) e++;
      const word = text.slice(k, e);
      if (caps && !isAllCaps(word)) return;
      let key = separator + foldWord(word);
      if (caps) key = key.toUpperCase();
      const child = node.children.get(key);
      if (!child) return;
      node = child;
      pos = e;
    }
  }

  /**
   * Turns a trie hit into a mention, or null when it is none here: a short form with no
   * licence (rule 5) or inside a longer name (rule 9), or a name after the demonym of
   * another country than its entity's (rule 10). `qualifier` is that demonym's country;
   * `previous` the mention before this one.
   */
  private resolve(
    text: string,
    start: number,
    end: number,
    node: TrieNode,
    allCaps: boolean,
    licences: Licences,
    qualifier: string | null,
    previous: Mention | undefined,
  ): Mention | null {
    const lastFull = licences.lastFull;
    const written = text.slice(start, end);
    // A name broken over a line compares as if written on one line.
    const flat = hasOddSpace(written) ? written.replace(/\s+/g, ' ') : written;
    const spellings = node.spellings!;
    if (node.hasFull) {
      const spelling = pickFull(spellings, flat, allCaps, lastFull, qualifier);
      if (!spelling) return null;
      // A full mention licenses the entity's short forms from here on (rule 5).
      licences.set(spelling.id, start, spelling.shortNodes);
      const mention = {
        start,
        end,
        // Written as spelled (the usual case): the spelling's own string, so that the mention keeps no copy of its own.
        text: written === spelling.text ? spelling.text : written,
        entityId: spelling.id,
        variant: variantOf(spelling, flat, allCaps),
        matched: spelling.text,
        allCaps: allCaps && upperOf(spelling) !== spelling.text,
      } as Mention;
      if (isNfdOf(flat, spelling.text, allCaps)) mention.encoding = 'nfd';
      return mention;
    }
    // Short forms: the most recently fully mentioned entity wins; else one whose title stands
    // right before. (After a demonym a short form is inside a longer name, rule 9.)
    let best: Spelling | null = null;
    let bestAt = -Infinity;
    const index = (node.shortIndex ??= this.shortIndex(spellings));
    const latest = licences.latestAt(node);
    if (latest !== undefined) {
      if (latest !== null) {
        best = index.byEntity.get(latest.id)!;
        bestAt = latest.at;
      }
    } else {
      if (spellings.length <= lastFull.size) {
        for (const spelling of spellings) {
          const at = lastFull.get(spelling.id);
          if (at !== undefined && at > bestAt) {
            best = spelling;
            bestAt = at;
          }
        }
      } else {
        // Many entities share this short form: look only at those mentioned so far.
        for (const [id, at] of lastFull) {
          const spelling = index.byEntity.get(id);
          if (spelling && at > bestAt) {
            best = spelling;
            bestAt = at;
          }
        }
      }
      licences.remember(node, best ? { id: best.id, at: bestAt } : null);
    }
    let byTitle = false;
    if (!best) {
      for (const spelling of index.titled) {
        if (this.titleBefore(text, start, spelling.id)) {
          best = spelling;
          byTitle = true;
          break;
        }
      }
    }
    if (!best || this.inLongerName(text, start, end, previous)) return null;
    const mention: Mention = {
      start,
      end,
      text: written === best.text ? best.text : written,
      entityId: best.id,
      variant: 'short',
      matched: best.text,
      allCaps: allCaps && upperOf(best) !== best.text,
    };
    if (byTitle) mention.licensedByTitle = true;
    else mention.licensedBy = bestAt;
    return mention;
  }

  /**
   * Rule 9: does only a space separate the short form at `[start, end)` from another
   * capitalised word that is not a title, a mention, a month or weekday, or a common word
   * capitalised because it begins a sentence ("Hà" in "Nguyễn Thị Thanh Hà", "Sơn" in
   * "Sơn La")?
   */
  private inLongerName(text: string, start: number, end: number, previous: Mention | undefined): boolean {
    const before = wordBefore(text, start);
    if (before && this.extendsName(text, before, true, previous)) return true;
    const after = wordAfter(text, end);
    return after !== undefined && this.extendsName(text, after, false, previous);
  }

  /** Is `word`, right before (or after) a short form, a word of a longer name? */
  private extendsName(text: string, word: WordSpan, isBefore: boolean, previous: Mention | undefined): boolean {
    if (!isCapitalisedAt(text, word.start)) return false;
    const written = text.slice(word.start, word.end);
    // English words, compared unfolded: "Tô" and "Đỗ" (surnames) are not "to" and "do".
    const lower = written.toLowerCase();
    if (USUAL_TITLE_WORDS.has(lower) || DATE_NAMES.has(lower)) return false;
    if (FUNCTION_WORDS.has(lower) && isSentenceStart(text, word.start)) return false;
    const key = foldWord(written).toLowerCase();
    if (isBefore) {
      if (previous && previous.variant !== 'short' && previous.end === word.end) return false;
      return !this.titleEndsAt(text, word.end, key);
    }
    return !this.titleStartsAt(text, word.start, key) && !this.fullMentionAt(text, word);
  }

  /** Does a glossary title end at `end`, where the word `lastWord` (folded, lower-case) ends? */
  private titleEndsAt(text: string, end: number, lastWord: string): boolean {
    const titles = this.titleIndex().byLast.get(lastWord);
    if (!titles) return false;
    const before = fold(text.slice(Math.max(0, end - TITLE_REACH), end)).toLowerCase().replace(/\s+/g, ' ');
    return titles.some((title) => before.endsWith(title) && (before.length === title.length || !isWordCode(before.charCodeAt(before.length - title.length - 1))));
  }

  /** Does a glossary title begin at `start`, where the word `firstWord` (folded, lower-case) begins? */
  private titleStartsAt(text: string, start: number, firstWord: string): boolean {
    const titles = this.titleIndex().byFirst.get(firstWord);
    if (!titles) return false;
    const after = fold(text.slice(start, start + TITLE_REACH)).toLowerCase().replace(/\s+/g, ' ');
    return titles.some((title) => after.startsWith(title) && (after.length === title.length || !isWordCode(after.charCodeAt(title.length))));
  }

  private titleIndex(): NonNullable<EntityMatcher['titleEdges']> {
    if (this.titleEdges) return this.titleEdges;
    const byFirst = new Map<string, string[]>();
    const byLast = new Map<string, string[]>();
    const add = (map: Map<string, string[]>, key: string, title: string) => {
      const list = map.get(key);
      if (!list) map.set(key, [title]);
      else if (!list.includes(title)) list.push(title);
    };
    for (const titles of this.titlesByEntity.values()) {
      for (const raw of titles) {
        const title = raw.replace(/\s+/g, ' ').trim();
        const words = title.match(WORD_RUN_RE);
        if (!words) continue;
        add(byFirst, words[0], title);
        add(byLast, words[words.length - 1], title);
      }
    }
    return (this.titleEdges = { byFirst, byLast });
  }

  /** Does a full spelling (not a short form) of some entity begin with `word`? */
  private fullMentionAt(text: string, word: WordSpan): boolean {
    const key = foldWord(text.slice(word.start, word.end));
    const found = new Candidates();
    const node = this.root.children?.get(key);
    if (node) this.walk(text, word.end, node, false, found);
    if (isAllCaps(key)) {
      const capsNode = this.capsFirst(key.toUpperCase());
      if (capsNode) this.walk(text, word.end, capsNode, true, found);
    }
    return found.nodes.some((node, k) => k < found.length && node.hasFull);
  }

  private shortIndex(spellings: Spelling[]): NonNullable<TrieNode['shortIndex']> {
    const byEntity = new Map<string, Spelling>();
    for (const spelling of spellings) if (!byEntity.has(spelling.id)) byEntity.set(spelling.id, spelling);
    return { byEntity, titled: spellings.filter((s) => this.titlesByEntity.has(s.id)) };
  }

  /** Does one of the entity's titles stand right before `start` ("Deputy Prime Minister Son")? */
  private titleBefore(text: string, start: number, entityId: string): boolean {
    const titles = this.titlesByEntity.get(entityId);
    if (!titles) return false;
    let p = start;
    while (p > 0 && (text.charCodeAt(p - 1) === 0x20 || text.charCodeAt(p - 1) === 0xa0)) p--;
    if (p === start) return false;
    const before = fold(text.slice(Math.max(0, p - 120), p)).toLowerCase();
    for (const title of titles) {
      if (before.endsWith(title)) {
        const k = before.length - title.length;
        if (k === 0 || !isWordCode(before.charCodeAt(k - 1))) return true;
      }
    }
    return false;
  }
}

/** `hashWord` index of a node's children with ASCII keys. */
function hashChildren(children: Map<string, TrieNode>): HashedChildren {
  const entries: ChildEntry[] = [];
  for (const [key, node] of children) if (!NON_ASCII_RE.test(key)) entries.push({ key, node });
  const hashes = Int32Array.from(entries, (entry) => hashWord(entry.key, 0, entry.key.length));
  if (entries.length <= SCANNED_CHILDREN) return { hashes, entries, map: null };
  const map = new Map<number, ChildEntry[]>();
  entries.forEach((entry, k) => {
    const list = map.get(hashes[k]);
    if (list) list.push(entry);
    else map.set(hashes[k], [entry]);
  });
  return { hashes, entries, map };
}

/** The child under the ASCII key of hash `h` that is written at `[pos, pos + length)` of `text`, if any. */
function childByHash(children: HashedChildren, h: number, text: string, pos: number, length: number): TrieNode | undefined {
  if (children.map !== null) {
    const list = children.map.get(h);
    if (list) for (const entry of list) if (entry.key.length === length && sameAt(text, pos, entry.key)) return entry.node;
    return undefined;
  }
  const hashes = children.hashes;
  for (let k = 0; k < hashes.length; k++) {
    if (hashes[k] !== h) continue;
    const entry = children.entries[k];
    if (entry.key.length === length && sameAt(text, pos, entry.key)) return entry.node;
  }
  return undefined;
}

/** `text.startsWith(key, pos)` for a short key, compared in place (cheaper than the builtin across string encodings). */
function sameAt(text: string, pos: number, key: string): boolean {
  for (let k = 0; k < key.length; k++) if (text.charCodeAt(pos + k) !== key.charCodeAt(k)) return false;
  return true;
}


/**
 * Where each entity was last fully mentioned (rule 5), and, for each trie node
 * of a short form met so far, the entity among its own that was mentioned last,
 * kept up to date as mentions come: a short form shared by hundreds of entities
 * ("Hùng") is resolved by comparing them once, not at each of its occurrences.
 */
class Licences {
  readonly lastFull: Map<string, number>;
  /** The latest licensed entity of each short form's node met so far (null: none); the records are this object's own, updated in place. */
  private readonly latest = new Map<TrieNode, { id: string; at: number } | null>();
  /** False once an entity's licence moved back (only a caller's odd `fullyMentioned` can do that), or without shortcuts: then compare them all. */
  private kept: boolean;

  /** The latest offset of any licence so far: one at or after it cannot move an entity's back. */
  private latestAny = -Infinity;

  constructor(initial: Iterable<readonly [string, number]>, shortcuts: boolean) {
    this.kept = shortcuts;
    this.lastFull = new Map(initial);
    for (const at of this.lastFull.values()) if (at > this.latestAny) this.latestAny = at;
  }

  /** Entity `id` fully mentioned at `at`; `shortNodes` are the nodes of its short forms. */
  set(id: string, at: number, shortNodes: readonly TrieNode[] | null): void {
    if (at < this.latestAny) {
      const before = this.lastFull.get(id);
      if (before !== undefined && at < before) this.kept = false;
    } else this.latestAny = at;
    this.lastFull.set(id, at);
    if (!this.kept || this.latest.size === 0 || shortNodes === null) return;
    for (const node of shortNodes) {
      const current = this.latest.get(node);
      if (current === undefined) continue; // Not met yet: compared when it is.
      if (current === null) this.latest.set(node, { id, at });
      else if (at > current.at) {
        current.id = id;
        current.at = at;
      }
    }
  }

  /** The latest licensed entity of a short form's node (null: none), or undefined when the caller must compare (then `remember`). */
  latestAt(node: TrieNode): { id: string; at: number } | null | undefined {
    return this.kept ? this.latest.get(node) : undefined;
  }

  /** What the caller found for `node` by comparing; kept up to date from here on. */
  remember(node: TrieNode, found: { id: string; at: number } | null): void {
    if (this.kept) this.latest.set(node, found);
  }
}

/**
 * Rule 11: are the letters at `[start, end)` glued to a currency sign, the letters of a
 * currency ("US" in "US$3 billion", "HK$", "S$", "$US")?
 */
function gluedToCurrency(text: string, start: number, end: number): boolean {
  return isCurrencySign(text.charCodeAt(end)) || (start > 0 && isCurrencySign(text.charCodeAt(start - 1)));
}

/** `$`, or any other currency sign (€, £, ¥, ₫, ₽ …); false past the end of the text (NaN). */
function isCurrencySign(code: number): boolean {
  if (code === 0x24) return true;
  return code >= 0x80 && CURRENCY_SIGN_RE.test(String.fromCharCode(code));
}

/**
 * Rule 10: the country of the demonym right before `start` ("Chinese", "North Korean"),
 * with only white space between, or undefined.
 */
function demonymBefore(text: string, start: number, shortcuts: boolean): string | undefined {
  const word = wordBefore(text, start);
  if (!word || !isCapitalisedAt(text, word.start)) return undefined;
  if (shortcuts) {
    // Most words before a mention are read no further: a longer word is no demonym (lower-casing
    // never shortens a word), and an ASCII one is looked up only when its lower-case hash is a demonym's.
    if (word.end - word.start > LONGEST_DEMONYM_WORD) return undefined;
    const h = lowerAsciiHash(text, word.start, word.end);
    if (h !== -1 && !DEMONYM_LAST_HASHES.has(h)) return undefined;
  }
  const last = text.slice(word.start, word.end).toLowerCase();
  if (DEMONYM_SECOND_WORDS.has(last)) {
    const first = wordBefore(text, word.start);
    const country = first && isCapitalisedAt(text, first.start) ? countryOfDemonym(`${text.slice(first.start, first.end)} ${last}`) : undefined;
    if (country) return country;
  }
  return countryOfDemonym(last);
}

/**
 * Among full spellings at one node (normally one entity), the best for what is written;
 * after a demonym only those of its country's entities, else of entities with no country
 * (null when none is left).
 */
function pickFull(spellings: Spelling[], written: string, allCaps: boolean, lastFull: Map<string, number>, qualifier: string | null): Spelling | null {
  if (qualifier !== null) {
    spellings = qualifiedSpellings(spellings, qualifier);
    if (spellings.length === 0) return null;
  }
  let exact: Spelling | undefined;
  let first: Spelling | undefined;
  let entityIds: Set<string> | undefined;
  for (const s of spellings) {
    if (s.role === 'short') break;
    first ??= s;
    if (s.id !== first.id) (entityIds ??= new Set([first.id])).add(s.id);
    if (!exact && (s.text === written || (allCaps && upperOf(s) === written))) exact = s;
  }
  if (!entityIds) return exact ?? preferNameOf(spellings, first!.id);
  // A spelling of several entities (the glossary warns, unless their countries tell them
  // apart): the one mentioned most recently, among those spelled exactly as written if any.
  let best: Spelling | undefined;
  let bestAt = -Infinity;
  for (const s of spellings) {
    if (s.role === 'short') break;
    if (exact && s.text !== written && !(allCaps && upperOf(s) === written)) continue;
    const at = lastFull.get(s.id) ?? -Infinity;
    if (!best || at > bestAt) {
      best = s;
      bestAt = at;
    }
  }
  return exact ? best! : preferNameOf(spellings, best!.id);
}

/** The full spellings whose entity is of the `qualifier` country; if there are none, those whose entity has no country. */
function qualifiedSpellings(spellings: Spelling[], qualifier: string): Spelling[] {
  const own: Spelling[] = [];
  const stateless: Spelling[] = [];
  for (const s of spellings) {
    if (s.role === 'short') break;
    if (!s.entity.country) stateless.push(s);
    else if (s.entity.country.toUpperCase() === qualifier) own.push(s);
  }
  return own.length > 0 ? own : stateless;
}

/** For a folded match, report the canonical name when it is among the spellings that fold alike. */
function preferNameOf(spellings: Spelling[], entityId: string): Spelling {
  let fallback: Spelling | undefined;
  for (const s of spellings) {
    if (s.role === 'short' || s.id !== entityId) continue;
    if (s.role === 'name') return s;
    fallback ??= s;
  }
  return fallback!;
}

function variantOf(spelling: Spelling, written: string, allCaps: boolean): Variant {
  if (spelling.role === 'aka') return 'aka';
  const exact = written === spelling.text || (allCaps && written === upperOf(spelling));
  if (!exact) return 'folded';
  return spelling.role === 'name' ? 'canonical' : 'alias';
}

function isNfdOf(written: string, spelling: string, allCaps: boolean): boolean {
  // NFD spells a letter with diacritics as base + marks: always longer than the NFC spelling.
  if (written.length <= spelling.length || !NON_ASCII_RE.test(written)) return false;
  const nfc = written.normalize('NFC');
  return nfc !== written && (nfc === spelling || (allCaps && nfc === spelling.toUpperCase()));
}
