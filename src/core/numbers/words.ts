/**
 * The vocabulary of the number finder: spelled-out numbers, months, currencies,
 * scales and the small word lists of its heuristics. Internal to `numbers/`.
 */

/** How a spelled-out number word combines with its neighbours ("seventy" + "five", "one" + "hundred"). */
export type SpelledRole = 'unit' | 'teen' | 'tens' | 'hundred' | 'scale';

export interface SpelledWord {
  role: SpelledRole;
  value: number;
  /** "tenth", "seventy-fifth": the word ends the number and makes it an ordinal. */
  ordinal: boolean;
}

/** What a known word can start or be part of; a word may be several things ("May"). */
export interface WordInfo {
  spelled?: SpelledWord;
  /** Month number 1–12, for "February 11", "22 Dec". */
  month?: number;
  /** "US" before "$". */
  us?: boolean;
}

const UNITS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const UNIT_ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];
const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TEEN_ORDINALS = ['tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth'];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const TENS_ORDINALS = ['twentieth', 'thirtieth', 'fortieth', 'fiftieth', 'sixtieth', 'seventieth', 'eightieth', 'ninetieth'];
const SCALE_WORDS: [string, number][] = [['thousand', 1e3], ['million', 1e6], ['billion', 1e9], ['trillion', 1e12]];

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_ABBREVIATIONS: [string, number][] = [
  ['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['jun', 6], ['jul', 7], ['aug', 8], ['sep', 9], ['sept', 9], ['oct', 10], ['nov', 11], ['dec', 12],
];

/** Known words by lower-cased spelling. */
export const WORDS = new Map<string, WordInfo>();

function add(word: string, info: WordInfo): void {
  WORDS.set(word, { ...WORDS.get(word), ...info });
}

UNITS.forEach((w, k) => add(w, { spelled: { role: 'unit', value: k + 1, ordinal: false } }));
UNIT_ORDINALS.forEach((w, k) => add(w, { spelled: { role: 'unit', value: k + 1, ordinal: true } }));
TEENS.forEach((w, k) => add(w, { spelled: { role: 'teen', value: k + 10, ordinal: false } }));
TEEN_ORDINALS.forEach((w, k) => add(w, { spelled: { role: 'teen', value: k + 10, ordinal: true } }));
TENS.forEach((w, k) => add(w, { spelled: { role: 'tens', value: (k + 2) * 10, ordinal: false } }));
TENS_ORDINALS.forEach((w, k) => add(w, { spelled: { role: 'tens', value: (k + 2) * 10, ordinal: true } }));
add('hundred', { spelled: { role: 'hundred', value: 100, ordinal: false } });
add('hundredth', { spelled: { role: 'hundred', value: 100, ordinal: true } });
for (const [w, v] of SCALE_WORDS) {
  add(w, { spelled: { role: 'scale', value: v, ordinal: false } });
  add(`${w}th`, { spelled: { role: 'scale', value: v, ordinal: true } });
}
MONTHS.forEach((w, k) => add(w, { month: k + 1 }));
for (const [w, m] of MONTH_ABBREVIATIONS) add(w, { month: m });
add('us', { us: true });

export const LONGEST_WORD = Math.max(...[...WORDS.keys()].map((w) => w.length));

/** Month names as a regular-expression alternation, capitalized, longest spelling first. */
export const MONTH_PATTERN = [
  ...MONTHS.map((m) => m[0].toUpperCase() + m.slice(1)),
  ...MONTH_ABBREVIATIONS.map(([a]) => a[0].toUpperCase() + a.slice(1)),
]
  .sort((a, b) => b.length - a.length)
  .join('|');

/** Scale word → power of ten ("bn" and "mn" as in "$4.5bn"). */
export const SCALE_EXPONENTS: Record<string, number> = { thousand: 3, million: 6, billion: 9, trillion: 12, bn: 9, mn: 6 };

/** Scale letters glued to an amount after a currency sign ("$750m", "£30k"), → power of ten. */
export const SIGN_SCALE_EXPONENTS: Record<string, number> = { k: 3, m: 6 };

/**
 * Currency codes written in capitals, before or after the amount ("USD 4.58
 * billion", "990 million USD"), → the code a reviewer sees; "RMB" is the
 * yuan's other name.
 */
export const CURRENCY_CODES: Record<string, string> = {
  USD: 'USD',
  VND: 'VND',
  'VNĐ': 'VND',
  RUB: 'RUB',
  EUR: 'EUR',
  GBP: 'GBP',
  JPY: 'JPY',
  CNY: 'CNY',
  RMB: 'CNY',
};

/** Currency signs → code: before the amount ("$5", "£2bn", "¥300"), or touching it after ("15 €"). */
export const CURRENCY_SIGNS: Record<string, string> = {
  $: 'USD',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
};

/** Currency written after the amount → code. "dong" only in lower case: "Dong" is also a name. */
export const CURRENCY_SUFFIXES: Record<string, string> = {
  ...CURRENCY_CODES,
  ...CURRENCY_SIGNS,
  'US dollars': 'USD',
  dollars: 'USD',
  'đồng': 'VND',
  dong: 'VND',
  rubles: 'RUB',
  roubles: 'RUB',
  ruble: 'RUB',
  rouble: 'RUB',
  euros: 'EUR',
  euro: 'EUR',
  'pounds sterling': 'GBP',
  pounds: 'GBP',
  yen: 'JPY',
  yuan: 'CNY',
  renminbi: 'CNY',
};

/** Approximation words kept as a claim's qualifier; two-word ones are keyed by their last word. */
export const QUALIFIERS = new Set(['nearly', 'about', 'around', 'almost', 'over', 'some', 'approximately', 'roughly']);
export const TWO_WORD_QUALIFIERS = new Map<string, string[]>([
  ['than', ['more', 'less', 'fewer']],
  ['to', ['up', 'close']],
  ['least', ['at']],
  ['most', ['at']],
]);

/**
 * Nouns that make a four-digit number a quantity rather than a year
 * ("1000 years", "2000 people"); the finder's year rule is otherwise "1000–2100, no comma".
 */
export const QUANTITY_NOUNS = [
  'years', 'months', 'weeks', 'days', 'hours', 'minutes', 'people', 'persons', 'km', 'kilometres', 'kilometers',
  'metres', 'meters', 'tons', 'tonnes', 'students', 'members', 'workers', 'households', 'units', 'times',
];

/** Words that end the noun phrase after a count (its context is the phrase's last word). */
export const CONTEXT_STOP_WORDS = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'nor', 'of', 'in', 'on', 'at', 'to', 'for', 'from', 'by', 'with', 'as', 'than',
  'per', 'into', 'onto', 'across', 'over', 'under', 'between', 'among', 'about', 'after', 'before', 'since', 'during',
  'until', 'through', 'who', 'whom', 'whose', 'which', 'that', 'this', 'these', 'those', 'is', 'are', 'was', 'were', 'be',
  'been', 'being', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'may', 'might', 'shall', 'should', 'must', 'do',
  'does', 'did', 'it', 'its', 'their', 'his', 'her', 'our', 'my', 'your', 'we', 'they', 'he', 'she', 'i', 'you', 'not',
  'also', 'ago', 'each', 'such', 'more', 'less', 'compared', 'against', 'while', 'when', 'where', 'if', 'so', 'up', 'down',
  'out', 'off', 'via', 'later', 'earlier',
]);
