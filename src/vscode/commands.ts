/**
 * Command ids, declared once. They mirror `contributes.commands` in package.json
 * (the activation test checks that every contributed command is registered).
 */
export const Commands = {
  showLog: 'glossa.showLog',
  showEntities: 'glossa.showEntities',
  goToEntry: 'glossa.goToEntry',
  showMentions: 'glossa.showMentions',
  checkWorkspace: 'glossa.checkWorkspace',
  reloadGlossary: 'glossa.reloadGlossary',
  refreshViews: 'glossa.refreshViews',
  normalizeEntity: 'glossa.normalizeEntity',
  normalizeFile: 'glossa.normalizeFile',
  normalizeWorkspace: 'glossa.normalizeWorkspace',
  recordFact: 'glossa.recordFact',
  addToGlossary: 'glossa.addToGlossary',
  linkToEntity: 'glossa.linkToEntity',
  findEntity: 'glossa.findEntity',
  createGlossary: 'glossa.createGlossary',
  suggestEntities: 'glossa.suggestEntities',
  addSuggested: 'glossa.addSuggested',
  /** Internal (not in the palette): adds a spelling to the glossary's `ignore:` list; used by quick fixes. */
  ignoreInGlossary: 'glossa.ignoreInGlossary',
  /** Internal (not in the palette): opens a file at a range; used by hover links. */
  openLocation: 'glossa.openLocation',
} as const;

/** View ids, as in `contributes.views`. */
export const Views = {
  entities: 'glossa.entities',
  numbers: 'glossa.numbers',
  suggestions: 'glossa.suggestions',
} as const;

/** Context keys the manifest's `when` clauses use. */
export const ContextKeys = {
  active: 'glossa.active',
  /** True while some workspace folder has a glossary with entities. */
  hasEntities: 'glossa.hasEntities',
  /** True while the diagnostics of the corpus files are on their way to the window (a workspace check, a republish). */
  publishingCorpus: 'glossa.publishingCorpus',
} as const;

/** A `command:` link for a Markdown hover, with its JSON arguments. */
export function commandLink(command: string, args: unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}
