/**
 * One copy of each distinct string. A substring of a large text can share the
 * text's memory (and keep all of it alive); what a long-lived index keeps of
 * many texts (spellings, numbers as written, messages) goes through a table.
 */
export class StringTable {
  private readonly table = new Map<string, string>();

  /** The table's copy of `text`, equal to it, made on first sight. */
  own(text: string): string {
    let owned = this.table.get(text);
    if (owned === undefined) {
      // A concatenation flattened into a new string: it shares no memory with the text `text` was sliced from.
      owned = (' ' + text).slice(1);
      this.table.set(owned, owned);
    }
    return owned;
  }

  get size(): number {
    return this.table.size;
  }

  clear(): void {
    this.table.clear();
  }
}
