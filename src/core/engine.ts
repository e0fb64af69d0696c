/**
 * The engine: a compiled glossary and facts ledger, and what they say about a
 * text. Both adapters (the extension and the CLI) analyse documents through it.
 */

import { recordTextFacts, textFactsOf } from './analysis/textFacts';
import { DiscoveryIndex, type DiscoverOptions, type Discovery } from './discovery/discover';
import { scanText, type WordStats } from './discovery/scan';
import { EntityMatcher, type MatchOptions } from './entities/matcher';
import type { Mention } from './entities/types';
import type { Entity, Glossary } from './glossary/types';
import { normalizeEdits, type NormalizeEdit, type NormalizeOptions } from './normalize/normalize';
import { findNumbers } from './numbers/finder';
import type { CheckedNumber, Ledger, NumberKind } from './numbers/types';
import { checkNumbers, compileLedger, DEFAULT_IGNORED_NUMBER_KINDS, type CompiledLedger } from './numbers/verify';
import { directivesOf, ignoreKey, isMasked, maskDirectives, maskedIn, mayHoldDirectives, NO_DIRECTIVES, type Directives } from './text/directives';
import { markupIn, markupOf, maskSpans, type Markup, type TextFormat } from './text/markup';
import { documentDate, type DocumentDate } from './titles/documentDate';
import { annotateTitles, TitleIndex } from './titles/titles';

/** What the engine finds in one text. */
export interface Analysis {
  mentions: Mention[];
  /** Every number, in text order, ignored kinds (years, dates, times) included with status `ignored`. */
  numbers: CheckedNumber[];
  /** Possible variants and unknown names, when the caller asked for them (`Engine.discover`). */
  discovery?: Discovery;
  /** The document's date (front matter, else the first full date of its first lines), if it has one. */
  date?: DocumentDate;
}

/** The word statistics discovery judges by: given, or made from the text's own (`own`, which the caller may keep). */
export type StatsChoice = WordStats | ((own: WordStats) => WordStats);

/** How the text is marked up (DESIGN.md rule 12): what is markup holds no mentions or numbers. */
export interface FormatOption {
  /** `markdown` or `plain` (the default); `textFormatOf(fileName)` picks it from a file name. */
  format?: TextFormat;
}

export interface AnalyzeOptions extends MatchOptions, FormatOption {
  /** Kinds of numbers that are not claims (default: years, dates and times): status `ignored`. */
  ignoreNumberKinds?: ReadonlySet<NumberKind>;
}

export class Engine {
  readonly matcher: EntityMatcher;
  private readonly byId = new Map<string, Entity>();
  private readonly compiledLedger: CompiledLedger;
  private discoveryIndex: DiscoveryIndex | undefined;
  /** Every glossary title: reads the title before a person's mention and judges it. */
  readonly titles: TitleIndex;
  /** The markup of the last text read (`readable`). */
  private lastReadable: { text: string; format: TextFormat; holdsDirectives: boolean; readable: Markup & { ignored?: ReadonlySet<string> } } | undefined;
  /** The directives of the last two texts asked about. */
  private readonly recentDirectives: { text: string; format: TextFormat; directives: Directives }[] = [];

  constructor(
    readonly glossary: Glossary,
    readonly ledger: Ledger = { facts: [], problems: [] },
  ) {
    for (const entity of glossary.entities) {
      if (!this.byId.has(entity.id)) this.byId.set(entity.id, entity);
    }
    this.matcher = EntityMatcher.compile(glossary.entities);
    this.compiledLedger = compileLedger(ledger);
    this.titles = new TitleIndex(glossary.entities);
  }

  /** The entity with this id, if the glossary has it. */
  entity(id: string): Entity | undefined {
    return this.byId.get(id);
  }

  get entities(): readonly Entity[] {
    return this.glossary.entities;
  }

  /** Mentions only: the fast path for indexing a corpus. */
  mentions(text: string, options: MatchOptions & FormatOption = {}): Mention[] {
    return this.matchText(text, this.readable(text, options.format ?? 'plain'), options);
  }

  /** Mentions (with the titles before people's), checked numbers and the date of `text`. */
  analyze(text: string, options: AnalyzeOptions = {}): Analysis {
    const holdsDirectives = mayHoldDirectives(text);
    const analysis = this.analyzeMarkup(text, this.readable(text, options.format ?? 'plain', holdsDirectives), options);
    const date = this.documentDate(text);
    if (date) analysis.date = date;
    recordTextFacts(analysis, { mayHoldDirectives: holdsDirectives });
    return analysis;
  }

  /**
   * The analysis of `text.slice(start, end)` in that slice's offsets, with the
   * markup read in the context of the whole text (a paragraph of a fenced code
   * block is code): the editor's re-analysis of the paragraphs around an edit.
   * It has no date: the caller knows the whole document's. `directives` are the
   * whole text's, when the caller knows them (read from the text otherwise).
   */
  analyzeRegion(text: string, start: number, end: number, options: AnalyzeOptions = {}, directives?: Directives): Analysis {
    return this.analyzeMarkup(text.slice(start, end), this.readableRegion(text, start, end, options.format ?? 'plain', directives), options);
  }

  /** The markup of `text.slice(start, end)` read in the context of the whole text, with the whole text's directives applied. */
  private readableRegion(text: string, start: number, end: number, format: TextFormat, directives?: Directives): Markup & { ignored?: ReadonlySet<string> } {
    const markup = markupIn(text, format, start, end);
    // Directives reach past the region (a `glossa-disable` above it, an ignore list anywhere): read the whole text's.
    directives ??= this.directives(text, format);
    if (directives === NO_DIRECTIVES) return markup;
    return { ...markup, visible: maskSpans(markup.visible, maskedIn(directives, start, end)), ignored: directives.ignored };
  }

  /**
   * The Glossa directives of `text` (DESIGN.md "Exceptions"): its ignore list
   * and the spans it disables. A text without "glossa-" costs one scan.
   */
  directives(text: string, format: TextFormat = 'plain'): Directives {
    // The editor asks several times per keystroke, of the new text and of the one before: the scan of a long text counts.
    for (const recent of this.recentDirectives) if (recent.format === format && recent.text === text) return recent.directives;
    const directives = mayHoldDirectives(text) ? directivesOf(text, format, format === 'markdown' ? markupOf(text, format).directives : []) : NO_DIRECTIVES;
    this.recentDirectives.unshift({ text, format, directives });
    if (this.recentDirectives.length > 2) this.recentDirectives.pop();
    return directives;
  }

  /** The text's markup with its directives applied: what is masked holds nothing; `ignored` spellings are no mentions. */
  private readable(text: string, format: TextFormat, holdsDirectives = mayHoldDirectives(text)): Markup & { ignored?: ReadonlySet<string> } {
    // `discover` reads the text `analyze` read a moment ago (the editor and `glossa check` ask for both): its markup
    // (URLs masked, a copy of the text) is made once.
    const last = this.lastReadable;
    if (last !== undefined && last.format === format && last.holdsDirectives === holdsDirectives && last.text === text) return last.readable;
    const readable = this.readMarkup(text, format, holdsDirectives);
    this.lastReadable = { text, format, holdsDirectives, readable };
    return readable;
  }

  private readMarkup(text: string, format: TextFormat, holdsDirectives: boolean): Markup & { ignored?: ReadonlySet<string> } {
    const markup = markupOf(text, format);
    if (!holdsDirectives) return markup;
    const directives = directivesOf(text, format, markup.directives);
    if (directives === NO_DIRECTIVES) return markup;
    return { ...markup, visible: maskDirectives(markup.visible, directives), ignored: directives.ignored };
  }

  /** The date of a document (see `documentDate`): what `outdated-title` compares titles' dates with. */
  documentDate(text: string): DocumentDate | undefined {
    return documentDate(text);
  }

  /** The numbers of `text`, each with its status against the ledger. */
  numbers(text: string, ignoreNumberKinds: ReadonlySet<NumberKind> = DEFAULT_IGNORED_NUMBER_KINDS, format: TextFormat = 'plain'): CheckedNumber[] {
    return this.checkText(text, this.readable(text, format).visible, ignoreNumberKinds);
  }

  /** The glossary's side of discovery, compiled on first use. */
  get discovery(): DiscoveryIndex {
    return (this.discoveryIndex ??= new DiscoveryIndex(this.glossary.entities, (this.glossary.ignore ?? []).map((s) => s.text)));
  }

  /**
   * Possible variants and unknown names in `text`, given its mentions (found
   * with the same `format`). `stats` tell common words and acronyms: by default
   * the text's own; a corpus-wide caller merges `discoveryWords` of every file
   * first. Markup holds no candidates (rule 12): discovery reads the text with
   * its markup masked, offsets unchanged. With `options.unknownNames` false
   * (a caller that reports possible variants only), no unknown names, sooner.
   */
  discover(text: string, mentions?: readonly Mention[], stats?: StatsChoice, format: TextFormat = 'plain', options?: DiscoverOptions): Discovery {
    // The analysis that found the mentions already read whether the text can hold directives.
    const readable = this.readable(text, format, (mentions && textFactsOf({ mentions })?.mayHoldDirectives) ?? mayHoldDirectives(text));
    return this.discoverReadable(readable, mentions ?? this.matchText(text, readable, {}), stats, options);
  }

  /**
   * Discovery in `text.slice(start, end)`, in that slice's offsets, with the markup and
   * directives read in the context of the whole text (as `analyzeRegion`): the editor's
   * re-discovery of the paragraphs around an edit. `mentions` are in the slice's offsets
   * (a full mention before it may stand at a negative offset: it licenses short forms).
   */
  discoverRegion(text: string, start: number, end: number, mentions: readonly Mention[], stats?: StatsChoice, format: TextFormat = 'plain'): Discovery {
    return this.discoverReadable(this.readableRegion(text, start, end, format), mentions, stats);
  }

  /** What `text.slice(start, end)` says about its words, read as `discoverRegion` reads it. */
  discoveryWordsIn(text: string, start: number, end: number, format: TextFormat = 'plain'): WordStats {
    return scanText(this.readableRegion(text, start, end, format).visible, false).stats;
  }

  private discoverReadable(readable: Markup & { ignored?: ReadonlySet<string> }, mentions: readonly Mention[], stats: StatsChoice | undefined, options?: DiscoverOptions): Discovery {
    const { visible, ignored } = readable;
    const found = this.discovery.discover(visible, mentions, stats, options);
    if (!ignored || ignored.size === 0) return found;
    // The file's `glossa-ignore` spellings are neither candidates nor variants.
    return {
      variants: found.variants.filter((v) => !ignored.has(ignoreKey(v.text))),
      unknownNames: found.unknownNames.filter((u) => !ignored.has(ignoreKey(u.text))),
    };
  }

  /** What `text` says about its words (lower-case forms, acronyms, mid-sentence capitals), to merge across a corpus. */
  discoveryWords(text: string, format: TextFormat = 'plain'): WordStats {
    return scanText(this.readable(text, format).visible, false).stats;
  }

  /** The normalization edits for `text` (or for the given mentions of it). */
  normalize(text: string, options: NormalizeOptions & FormatOption = {}, mentions: readonly Mention[] = this.mentions(text, options)): NormalizeEdit[] {
    const edits = normalizeEdits(text, mentions, (id) => this.byId.get(id), options);
    // Nothing inside a disabled region or a directive, and no ignored spelling, is ever rewritten, whatever mentions the caller gave.
    const directives = this.directives(text, options.format ?? 'plain');
    if (directives === NO_DIRECTIVES) return edits;
    return edits.filter((e) => !isMasked(directives, e.start, e.end) && !directives.ignored.has(ignoreKey(text.slice(e.start, e.end))));
  }

  private analyzeMarkup(text: string, markup: Markup & { ignored?: ReadonlySet<string> }, options: AnalyzeOptions): Analysis {
    const mentions = this.matchText(text, markup, options);
    annotateTitles(this.titles, markup.visible, mentions, (id) => this.byId.get(id));
    return { mentions, numbers: this.checkText(text, markup.visible, options.ignoreNumberKinds) };
  }

  /**
   * Mentions in the text that the markup leaves: the matcher reads the masked
   * text, and a match that runs over masked characters ("To `x` Lam") is none.
   */
  private matchText(text: string, markup: Markup & { ignored?: ReadonlySet<string> }, options: MatchOptions): Mention[] {
    const { referenceLabels, ignored } = markup;
    let { visible } = markup;
    let found = this.matcher.match(visible, options);
    // The file's `glossa-ignore` spellings are no mentions (compared folded, like the glossary's `ignore:`):
    // masked and matched again, so that they license no short form either.
    const dropped = ignored && ignored.size > 0 ? found.filter((m) => ignored.has(ignoreKey(m.text))) : [];
    if (dropped.length > 0) {
      visible = maskSpans(visible, dropped);
      found = this.matcher.match(visible, options).filter((m) => !ignored!.has(ignoreKey(m.text)));
    }
    if (visible === text) return found;
    const mentions = found.filter((m) => text.startsWith(m.text, m.start));
    if (referenceLabels.length > 0) {
      for (const m of mentions) {
        if (referenceLabels.some((label) => label.start <= m.start && m.end <= label.end)) m.referenceLabel = true;
      }
    }
    return mentions;
  }

  private checkText(text: string, visible: string, ignoreNumberKinds: ReadonlySet<NumberKind> = DEFAULT_IGNORED_NUMBER_KINDS): CheckedNumber[] {
    let found = findNumbers(visible);
    if (visible !== text) found = found.filter((n) => text.startsWith(n.text, n.start));
    return checkNumbers(visible, found, this.compiledLedger, ignoreNumberKinds);
  }
}
