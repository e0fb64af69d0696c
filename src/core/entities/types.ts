/** How a mention matched its entity (DESIGN.md rule 7). */
export type Variant = 'canonical' | 'alias' | 'folded' | 'short' | 'aka';

/** A title written right before a mention of a person ("Russian Foreign Minister"). */
export interface MentionTitle {
  start: number;
  end: number;
  /** As written. */
  text: string;
  /** True when a word before it says it is no longer held ("former", "ex-", "then-", "late"). */
  past?: boolean;
}

/** One mention of a glossary entity in a text. */
export interface Mention {
  start: number;
  end: number;
  /** The text exactly as written in the document. */
  text: string;
  entityId: string;
  variant: Variant;
  /** The glossary spelling it matched (the name, an alias, an aka or a short form). */
  matched: string;
  /** True when the text is written in capitals while the spelling is not. */
  allCaps: boolean;
  /** For a short form: the start offset of the full mention that licensed it (see `licensedByTitle`). */
  licensedBy?: number;
  /** For a short form: true when one of the entity's titles right before it licensed it (no full mention yet). */
  licensedByTitle?: boolean;
  /** True when it matched only through folding because the text is NFD-encoded (differently encoded). */
  encoding?: 'nfd';
  /**
   * True when the mention is also the label of a Markdown reference link
   * (`[To Lam]` with a definition `[To Lam]: …`): a mention, but never rewritten,
   * since the label names its definition.
   */
  referenceLabel?: true;
  /** For a person: the title written right before it, if any (set by the engine's analysis). */
  title?: MentionTitle;
}
