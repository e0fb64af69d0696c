import type { NameOccurrence, SuggestedEntity } from './suggest';

/**
 * The JSON of `glossa suggest` (DESIGN.md, "The command-line program"): what the
 * command line prints and what `glossa.suggestEntities` returns for a folder.
 * Positions are 0-based, in UTF-16 characters; files relative to the folder.
 */

export interface ReportRange {
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
}

/** A possible variant of a known entity, where it is written. */
export interface VariantRow extends ReportRange {
  file: string;
  text: string;
  entity: string;
  canonical: string;
  reason: string;
}

export interface SuggestReport {
  candidates: {
    name: string;
    id: string;
    kind: string;
    aliases: string[];
    count: number;
    files: number;
    spellings: { text: string; count: number }[];
    occurrences: ({ file: string } & ReportRange & { text: string })[];
  }[];
  variants: VariantRow[];
}

/** A candidate as the report lists it, each occurrence placed by `where` (its file, relative, and its range). */
export function candidateRow<L>(c: SuggestedEntity<L>, where: (o: NameOccurrence<L>) => { file: string } & ReportRange): SuggestReport['candidates'][number] {
  return {
    name: c.name,
    id: c.id,
    kind: c.kind,
    aliases: c.aliases,
    count: c.count,
    files: c.files,
    spellings: c.spellings,
    occurrences: c.occurrences.map((o) => ({ ...where(o), text: o.text })),
  };
}
