/**
 * What the editor makes of a corpus file's text: its mentions and claims (the
 * numbers of ignored kinds left out), and for a file read from disk the part of
 * its discovery the corpus index keeps. One definition for the extension host's
 * thread and the scan processes (`scanProcess.ts`), so both make the same entries.
 * No `vscode` here.
 */
import type { Analysis, CheckedNumber, Discovery, Engine, NumberKind, TextFormat } from '../../core';

/** What of a file's discovery the corpus index keeps: none, the possible variants, or the unknown names too. */
export type DiscoveryNeed = 'none' | 'variants' | 'all';

/** The text's mentions and claims (a number of an ignored kind is no claim). */
export function analyzeClaims(engine: Engine, text: string, format: TextFormat, ignored: ReadonlySet<NumberKind>): Analysis {
  const raw = engine.analyze(text, { ignoreNumberKinds: ignored, format });
  const analysis: Analysis = { mentions: raw.mentions, numbers: raw.numbers.filter(isClaim) };
  if (raw.date) analysis.date = raw.date;
  return analysis;
}

/** A file read from disk: its claims, and the discovery it needs (possible variants only: discovery passes over the runs that cannot hold one, and makes no unknown names to drop). */
export function analyzeForIndex(engine: Engine, text: string, format: TextFormat, ignored: ReadonlySet<NumberKind>, need: DiscoveryNeed): { analysis: Analysis; discovery: Discovery | undefined } {
  const analysis = analyzeClaims(engine, text, format, ignored);
  const discovery = need === 'none' ? undefined : engine.discover(text, analysis.mentions, undefined, format, { unknownNames: need === 'all' });
  return { analysis, discovery };
}

/** The numbers the editor shows: claims, not the kinds the settings ignore. */
export function isClaim(n: CheckedNumber): boolean {
  return n.status !== 'ignored';
}
