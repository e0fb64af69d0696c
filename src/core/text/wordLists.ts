/**
 * Built-in word lists that more than one rule reads: the usual title words
 * (DESIGN.md, Discovery; matching rule 9), the English function words that are
 * capitalised only because they begin a sentence, and the names of months and
 * weekdays. All keys are folded and lower-case, so a caller folds a word once
 * and asks with `has(...)`.
 */

/** Title words that stand before a name without being part of it ("Deputy Prime Minister"). */
export const USUAL_TITLE_WORDS: ReadonlySet<string> = new Set([
  'president', 'minister', 'deputy', 'prime', 'chairman', 'chairwoman', 'secretary', 'general',
  'ambassador', 'governor', 'mayor', 'director', 'mr', 'mrs', 'ms', 'dr',
]);

/**
 * English function words (articles, pronouns, prepositions, conjunctions,
 * auxiliaries, common adverbs): capitalised at a sentence start, never a name.
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'a', 'about', 'above', 'across', 'after', 'again', 'against', 'all', 'also', 'although', 'among', 'an', 'and',
  'another', 'any', 'are', 'around', 'as', 'at', 'be', 'because', 'been', 'before', 'being', 'below', 'between',
  'both', 'but', 'by', 'can', 'could', 'despite', 'did', 'do', 'does', 'during', 'each', 'either', 'even', 'every',
  'few', 'for', 'from', 'further', 'had', 'has', 'have', 'he', 'her', 'here', 'hers', 'him', 'his', 'how',
  'however', 'i', 'if', 'in', 'into', 'is', 'it', 'its', 'just', 'last', 'later', 'many', 'may', 'meanwhile',
  'might', 'more', 'moreover', 'most', 'much', 'must', 'my', 'neither', 'next', 'no', 'nor', 'not', 'now', 'of',
  'off', 'on', 'once', 'one', 'only', 'or', 'other', 'our', 'ours', 'out', 'over', 'own', 'per', 'since', 'so',
  'some', 'such', 'than', 'that', 'the', 'their', 'them', 'then', 'there', 'therefore', 'these', 'they', 'this',
  'those', 'though', 'through', 'thus', 'to', 'today', 'too', 'under', 'unlike', 'until', 'up', 'upon', 'us',
  'very', 'was', 'we', 'were', 'what', 'when', 'where', 'whether', 'which', 'while', 'who', 'whom', 'whose',
  'why', 'will', 'with', 'within', 'without', 'would', 'yet', 'you', 'your', 'yours', 'yesterday', 'tomorrow',
  'according', 'additionally', 'besides', 'furthermore', 'instead', 'still', 'accordingly', 'currently',
  'earlier', 'first', 'second', 'third', 'finally', 'notably', 'recently', 'speaking', 'together', 'both',
]);

/** Month names and their usual abbreviations. */
export const MONTH_WORDS: ReadonlySet<string> = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

/** Weekday names and their usual abbreviations. */
export const WEEKDAY_WORDS: ReadonlySet<string> = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
]);
