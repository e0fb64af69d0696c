import type { Problem, SourceLocation } from '../types';

export type EntityKind = 'person' | 'body' | 'place';
export const ENTITY_KINDS: readonly EntityKind[] = ['person', 'body', 'place'];

/** One glossary entry, validated, with where it stands in its file. */
export interface Entity {
  id: string;
  kind: EntityKind;
  /** The canonical spelling: the target of normalization. */
  name: string;
  /** Other spellings of the same name, normalized to `name`. */
  aliases: string[];
  /** Other names (abbreviations, fuller or former names): linked, never rewritten. */
  aka: string[];
  /**
   * Short forms in effect: the explicit `short` list, or for a person with no
   * `short` key the last word of the name. `[]` when turned off.
   */
  short: string[];
  /** True when `short` is the default (a person's last word), not an explicit `short:` list. */
  shortIsDefault?: boolean;
  /**
   * Every title, dated or not, once each, in glossary order: what the matcher,
   * search and edits read. The dates of dated ones are in `datedTitles`.
   */
  titles: string[];
  /**
   * The dated entries of `titles` (`{ title, from, until }`), in glossary order; a title
   * may have several terms. A title listed here is held only on its terms' dates; one
   * of `titles` not listed here is held at any date. Absent when no title has dates.
   */
  datedTitles?: DatedTitle[];
  description?: string;
  country?: string;
  /** name → entity id or URL. */
  links: Record<string, string>;
  /** Any other keys of the entry, kept as written, shown in the hover card. */
  extra: Record<string, unknown>;
  /** The whole entry in its glossary file. */
  location: SourceLocation;
  /** The `name:` value's position, for go-to-definition. */
  nameLocation: SourceLocation;
}

/** One term of a title: held from `from` until `until`, both days included. */
export interface DatedTitle {
  title: string;
  /** The first day, `YYYY-MM-DD`; absent when it is not known (held since before any document). */
  from?: string;
  /** The last day, `YYYY-MM-DD`; absent while it is still held. */
  until?: string;
}

/** Which field of an entry a spelling comes from. */
export type SpellingRole = 'name' | 'alias' | 'aka' | 'short';

/** One distinct spelling of an entity, with the field it comes from. */
export interface EntitySpelling {
  text: string;
  role: SpellingRole;
}

/** One spelling of the glossary's top-level `ignore:` list: never a discovery candidate or variant. */
export interface IgnoredSpelling {
  /** Trimmed and NFC, as written. */
  text: string;
  location: SourceLocation;
}

/** The result of parsing one or several glossary files. Never throws. */
export interface Glossary {
  entities: Entity[];
  problems: Problem[];
  /** The top-level `ignore:` lists of all files, in order; absent when no file has one. */
  ignore?: IgnoredSpelling[];
}

/** A glossary source: the file name used in problems, and its text. */
export interface SourceFile {
  file: string;
  text: string;
}
