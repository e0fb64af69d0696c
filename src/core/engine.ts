/**
 * The engine: a compiled glossary and facts ledger, and what they say about a
 * text. Both adapters (the extension and the CLI) analyse documents through it.
 */

import { EntityMatcher, type MatchOptions } from './entities/matcher';
import type { Mention } from './entities/types';
import type { Entity, Glossary } from './glossary/types';
import { normalizeEdits, type NormalizeEdit, type NormalizeOptions } from './normalize/normalize';
import { findNumbers } from './numbers/finder';
import type { CheckedNumber, Ledger, NumberKind } from './numbers/types';
import { checkNumbers, compileLedger, DEFAULT_IGNORED_NUMBER_KINDS, type CompiledLedger } from './numbers/verify';
import { documentDate, type DocumentDate } from './titles/documentDate';
import { annotateTitles, TitleIndex } from './titles/titles';

/** What the engine finds in one text. */
export interface Analysis {
  mentions: Mention[];
  /** Every number, in text order, ignored kinds (years, dates, times) included with status `ignored`. */
  numbers: CheckedNumber[];
  /** The document's date (front matter, else the first full date of its first lines), if it has one. */
  date?: DocumentDate;
}

export interface AnalyzeOptions extends MatchOptions {
  /** Kinds of numbers that are not claims (default: years, dates and times): status `ignored`. */
  ignoreNumberKinds?: ReadonlySet<NumberKind>;
}

export class Engine {
  readonly matcher: EntityMatcher;
  private readonly byId = new Map<string, Entity>();
  private readonly compiledLedger: CompiledLedger;
  /** Every glossary title: reads the title before a person's mention and judges it. */
  readonly titles: TitleIndex;

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
  mentions(text: string, options?: MatchOptions): Mention[] {
    return this.matcher.match(text, options);
  }

  /** Mentions (with the titles before people's), checked numbers and the date of `text`. */
  analyze(text: string, options: AnalyzeOptions = {}): Analysis {
    const mentions = this.matcher.match(text, options);
    annotateTitles(this.titles, text, mentions, (id) => this.byId.get(id));
    const analysis: Analysis = { mentions, numbers: this.numbers(text, options.ignoreNumberKinds) };
    const date = this.documentDate(text);
    if (date) analysis.date = date;
    return analysis;
  }

  /** The date of a document (see `documentDate`): what `outdated-title` compares titles' dates with. */
  documentDate(text: string): DocumentDate | undefined {
    return documentDate(text);
  }

  /** The numbers of `text`, each with its status against the ledger. */
  numbers(text: string, ignoreNumberKinds: ReadonlySet<NumberKind> = DEFAULT_IGNORED_NUMBER_KINDS): CheckedNumber[] {
    return checkNumbers(text, findNumbers(text), this.compiledLedger, ignoreNumberKinds);
  }

  /** The normalization edits for `text` (or for the given mentions of it). */
  normalize(text: string, options: NormalizeOptions = {}, mentions: readonly Mention[] = this.matcher.match(text)): NormalizeEdit[] {
    return normalizeEdits(text, mentions, (id) => this.byId.get(id), options);
  }
}
