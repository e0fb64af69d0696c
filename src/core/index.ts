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
export { EntityMatcher } from './entities/matcher';
export { normalizeEdits, normalizedSpelling, applyEdits, type NormalizeEdit, type NormalizeOptions, type NormalizeStyle } from './normalize/normalize';
export { isInUrlOrFileName } from './text/tokens';
// Planned, landing module by module:
// export { findNumbers } from './numbers/finder';              (text) => FoundNumber[]  (ignored kinds included)
// export { parseLedger } from './numbers/ledger';              (files: SourceFile[]) => Ledger
// export { checkNumbers } from './numbers/verify';             (text, numbers, ledger) => CheckedNumber[]
// export { Engine } from './engine';                           new Engine(glossary, ledger).analyze(text)
