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
