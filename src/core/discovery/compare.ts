/**
 * How two words of a name compare for discovery (DESIGN.md, Discovery 1): the
 * romanization equivalences, one edit, and the keys that index a word so that
 * its near neighbours are found by lookup rather than by comparing.
 * Words are folded and lower-case.
 */

/** How a written word relates to a glossary word. */
export type WordRelation = 'identical' | 'romanization' | 'edit' | 'transposition';

/** Words of this many letters or more may differ by one edit (shorter ones only in the `short-word` tier). */
export const LONG_WORD = 5;

// Endings first (longest first within each family), then the letter groups anywhere in the word.
const ENDINGS: [RegExp, string][] = [
  [/(?:skiy|skii|sky|ski)$/, 'ski'],
  [/(?:ei|ey|ej|ii)$/, 'ei'],
  [/ine$/, 'in'],
  [/(?:off|ow|ov)$/, 'ov'],
];
// ou ~ u also covers the French "gu" before e or i (Serguei, Sergueï ~ Sergei).
const GROUPS_RE = /kh|ch|ph|ks|yu|iu|ju|ya|ia|ja|yo|io|jo|ou|gu(?=[ei])|w/g;
const GROUP_FORM: Record<string, string> = {
  kh: 'h', ch: 'h', ph: 'f', ks: 'x', w: 'v',
  yu: 'yu', iu: 'yu', ju: 'yu', ya: 'ya', ia: 'ya', ja: 'ya', yo: 'e', io: 'e', jo: 'e', ou: 'u', gu: 'g',
};

/**
 * The form in which two words equal under the romanization equivalences are the
 * same string: ei ~ ey ~ ej ~ ii at the end, ou ~ u, kh ~ h ~ ch, ph ~ f, ks ~ x,
 * w ~ v, -sky ~ -ski ~ -skiy ~ -skii, yu ~ iu ~ ju, ya ~ ia ~ ja, yo ~ io ~ jo ~ e,
 * -ine ~ -in, -ow ~ -ov ~ -off ("poutine" and "putin" are both "putin").
 */
export function romanized(word: string): string {
  let form = romanizedCache.get(word);
  if (form === undefined) {
    form = romanize(word);
    if (romanizedCache.size > 20_000) romanizedCache.clear();
    romanizedCache.set(word, form);
  }
  return form;
}

// Names repeat: most words of a text were romanized a moment ago.
const romanizedCache = new Map<string, string>();

function romanize(word: string): string {
  let w = word;
  for (const [re, form] of ENDINGS) {
    if (re.test(w)) {
      w = w.replace(re, form);
      break;
    }
  }
  return w.replace(GROUPS_RE, (g) => GROUP_FORM[g]);
}

/** `edit` when one letter is inserted, deleted or replaced, `transposition` when two adjacent letters are swapped, else null (also for equal words). */
export function oneEdit(a: string, b: string): 'edit' | 'transposition' | null {
  if (a === b) return null;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return null;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return 'edit';
    if (i + 1 < la && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2)) return 'transposition';
    return null;
  }
  // One letter more in the longer word, at i.
  return la > lb ? (a.slice(i + 1) === b.slice(i) ? 'edit' : null) : b.slice(i + 1) === a.slice(i) ? 'edit' : null;
}

/**
 * How `written` relates to `known` (both folded, lower-case): identical, equal
 * under the romanization equivalences, or one edit or transposition away; null
 * when none holds. A word under five letters must be identical (most Vietnamese
 * syllables are short, and Hà is not Hải), unless `allowShort`, which admits one
 * edit there (the `short-word` tier).
 */
export function relate(written: string, known: string, allowShort = false): WordRelation | null {
  if (written === known) return 'identical';
  if (written.length < LONG_WORD || known.length < LONG_WORD) return allowShort ? oneEdit(written, known) : null;
  if (romanized(written) === romanized(known)) return 'romanization';
  return oneEdit(written, known);
}

/**
 * The lookup keys of a word: itself, its romanized form, and each form with one
 * letter deleted. Two words one edit or one transposition apart, or equal under
 * romanization, always share a key (the converse needs checking with `relate`).
 */
export function neighbourKeys(word: string): readonly string[] {
  let keys = neighbourCache.get(word);
  if (keys === undefined) {
    const list = [word, `\u0001${romanized(word)}`];
    for (let i = 0; i < word.length; i++) list.push(word.slice(0, i) + word.slice(i + 1));
    keys = list;
    if (neighbourCache.size > 20_000) neighbourCache.clear();
    neighbourCache.set(word, keys);
  }
  return keys;
}

const neighbourCache = new Map<string, readonly string[]>();
