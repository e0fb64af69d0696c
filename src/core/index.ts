/**
 * The core's public surface. Adapters (src/vscode, src/cli) import only from here.
 */
export * from './types';
export * from './glossary/types';
export * from './entities/types';
export * from './numbers/types';
export { fold, foldWithMap, toOriginalSpan, type FoldedText } from './text/fold';
export { LineIndex } from './text/lineIndex';
export { isAllCaps, isWordAt } from './text/chars';
export { parseGlossary, entitySpellings, defaultShortForms, suggestId } from './glossary/parse';
export { EntityMatcher, type MatchOptions } from './entities/matcher';
export { normalizeEdits, normalizedSpelling, applyEdits, type NormalizeEdit, type NormalizeOptions, type NormalizeStyle } from './normalize/normalize';
export { isInUrlOrFileName } from './text/tokens';
export { isGlob, matchGlob, matchesAny } from './text/glob';
export { findNumbers, parseNumberValue, isClaimKind } from './numbers/finder';
export { formatValue, groupDigits } from './numbers/format';
export { parseLedger } from './numbers/ledger';
export { checkNumbers, compileLedger, CONFLICT_WINDOW_WORDS, DEFAULT_IGNORED_NUMBER_KINDS, type CompiledLedger, type IndexedFact } from './numbers/verify';
export { Engine, type Analysis, type AnalyzeOptions } from './engine';
export { mergeWindows, reanalyze, type ChangeWindow, type Reanalysis } from './analysis/incremental';
export { MentionIndex, spellingKey, type MentionIndexEntry, type SpellingOrder } from './analysis/mentionIndex';
export { DiscoveryIndex, isCommon, type Discovery, type PossibleVariant, type UnknownName } from './discovery/discover';
export { mergeWordStats, newWordStats, type WordStats } from './discovery/scan';
export { groupUnknownNames, proposedKind, type NameOccurrence, type SuggestedEntity } from './discovery/suggest';
export { DEFAULT_DISCOVERY_LEVELS, discoveryFindings, variantMessage, type DiscoveryLevels } from './discovery/findings';
export type { VariantReason } from './discovery/nameIndex';
export { findings, describeNumber, DEFAULT_FINDING_LEVELS, type Finding, type FindingLevel, type FindingLevels, type FindingOptions } from './findings';
export { addEntity, addAlias, renameEntity, type NewEntity, type SpellingField, type GlossaryEditOptions } from './edit/glossaryEdits';
export { appendFact, factIdBase, type NewFact, type FactEditOptions } from './edit/factEdits';
export { factKeyword } from './edit/factKeyword';
export { renameMentionEdits } from './edit/renameMentions';
export { STARTER_FACTS, STARTER_GLOSSARY } from './edit/starterFiles';
export type { SourceEdit, EditResult, EditSuccess, EditFailure } from './edit/types';
export { createEntitySearch, type EntitySearch, type EntitySearchResult, type SearchField } from './search/entitySearch';
export { createNameCompletion, type CompletionField, type NameCompletion, type NameCompletionHit, type NameCompletionResult } from './search/nameCompletion';
