import type * as vscode from 'vscode';
import type { Config } from './services/config';
import type { CorpusFilter } from './services/corpusFilter';
import type { CorpusIndex } from './services/corpusIndex';
import type { DocumentAnalyses } from './services/documentAnalyses';
import type { GlossaryStore } from './services/glossaryStore';
import type { Figures } from './services/log';
import type { Work } from './services/work';

/** The services every feature is built from (created once in activate()). */
export interface Deps {
  readonly log: vscode.LogOutputChannel;
  readonly config: Config;
  readonly work: Work;
  readonly figures: Figures;
  readonly store: GlossaryStore;
  readonly filter: CorpusFilter;
  readonly analyses: DocumentAnalyses;
  readonly corpus: CorpusIndex;
}
