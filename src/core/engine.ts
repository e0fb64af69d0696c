/**
 * The engine: a compiled glossary and facts ledger, and what they say about a
 * text. Both adapters (the extension and the CLI) analyse documents through it.
 */

import { DiscoveryIndex, type Discovery } from './discovery/discover';
import { scanText, type WordStats } from './discovery/scan';
import { EntityMatcher, type MatchOptions } from './entities/matcher';
import type { Mention } from './entities/types';
import type { Entity, Glossary } from './glossary/types';
import { normalizeEdits, type NormalizeEdit, type NormalizeOptions } from './normalize/normalize';
import { findNumbers } from './numbers/finder';
import type { CheckedNumber, Ledger, NumberKind } from './numbers/types';
import { checkNumbers, compileLedger, DEFAULT_IGNORED_NUMBER_KINDS, type CompiledLedger } from './numbers/verify';

/** What the engine finds in one text. */
export interface Analysis {
  mentions: Mention[];
  /** Every number, in text order, ignored kinds (years, dates, times) included with status `ignored`. */
  numbers: CheckedNumber[];
  /** Possible variants and unknown names, when the caller asked for them (`Engine.discover`). */
  discovery?: Discovery;
}

export interface AnalyzeOptions extends MatchOptions {
  /** Kinds of numbers that are not claims (default: years, dates and times): status `ignored`. */
  ignoreNumberKinds?: ReadonlySet<NumberKind>;
}

export class Engine {
  readonly matcher: EntityMatcher;
  private readonly byId = new Map<string, Entity>();
  private readonly compiledLedger: CompiledLedger;
  private discoveryIndex: DiscoveryIndex | undefined;

  constructor(
    readonly glossary: Glossary,
    readonly ledger: Ledger = { facts: [], problems: [] },
  ) {
    for (const entity of glossary.entities) {
      if (!this.byId.has(entity.id)) this.byId.set(entity.id, entity);
    }
    this.matcher = EntityMatcher.compile(glossary.entities);
    this.compiledLedger = compileLedger(ledger);
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

  /** Mentions and checked numbers of `text`. */
  analyze(text: string, options: AnalyzeOptions = {}): Analysis {
    return { mentions: this.matcher.match(text, options), numbers: this.numbers(text, options.ignoreNumberKinds) };
  }

  /** The numbers of `text`, each with its status against the ledger. */
  numbers(text: string, ignoreNumberKinds: ReadonlySet<NumberKind> = DEFAULT_IGNORED_NUMBER_KINDS): CheckedNumber[] {
    return checkNumbers(text, findNumbers(text), this.compiledLedger, ignoreNumberKinds);
  }

  /** The glossary's side of discovery, compiled on first use. */
  get discovery(): DiscoveryIndex {
    return (this.discoveryIndex ??= new DiscoveryIndex(this.glossary.entities, (this.glossary.ignore ?? []).map((s) => s.text)));
  }

  /**
   * Possible variants and unknown names in `text`, given its mentions. `stats`
   * tell common words and acronyms: by default the text's own; a corpus-wide
   * caller merges `discoveryWords` of every file first.
   */
  discover(text: string, mentions: readonly Mention[] = this.matcher.match(text), stats?: WordStats): Discovery {
    return this.discovery.discover(text, mentions, stats);
  }

  /** What `text` says about its words (lower-case forms, acronyms, mid-sentence capitals), to merge across a corpus. */
  discoveryWords(text: string): WordStats {
    return scanText(text, false).stats;
  }

  /** The normalization edits for `text` (or for the given mentions of it). */
  normalize(text: string, options: NormalizeOptions = {}, mentions: readonly Mention[] = this.matcher.match(text)): NormalizeEdit[] {
    return normalizeEdits(text, mentions, (id) => this.byId.get(id), options);
  }
}
