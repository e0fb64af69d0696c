import type * as vscode from 'vscode';
import type { CorpusFilter } from './corpusFilter';
import type { CorpusIndex } from './corpusIndex';
import type { DocumentAnalyses } from './documentAnalyses';
import type { GlossaryStore } from './glossaryStore';
import type { Figures } from './log';
import type { Work } from './work';

/** The services every feature is built from (created once in activate()). */
export interface Deps {
  readonly log: vscode.LogOutputChannel;
  readonly work: Work;
  readonly figures: Figures;
  readonly store: GlossaryStore;
  readonly filter: CorpusFilter;
  readonly analyses: DocumentAnalyses;
  readonly corpus: CorpusIndex;
}
