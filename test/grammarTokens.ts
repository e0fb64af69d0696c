/**
 * The number grammar's patterns, tokenized the way TextMate does (at each
 * position the earliest match wins, the first pattern on ties), for the unit
 * and integration tests that keep the grammars in step with the number finder.
 * Pure: no Node or VS Code API, so both test tiers can use it.
 */

export interface Grammar {
  scopeName?: string;
  injectionSelector?: string;
  repository: Record<string, { match?: string; name?: string; patterns?: { include: string }[] }>;
}

/** The number tokens of `line` (text and scope), in order. */
export function numberTokens(grammar: Grammar, line: string): { text: string; scope: string }[] {
  const patterns = grammar.repository.numbers.patterns!.map((p) => grammar.repository[p.include.slice(1)]);
  const out: { text: string; scope: string }[] = [];
  let at = 0;
  for (;;) {
    let best: { index: number; text: string; scope: string } | undefined;
    for (const p of patterns) {
      const re = new RegExp(p.match!, 'gu');
      re.lastIndex = at;
      const m = re.exec(line);
      if (m && (!best || m.index < best.index)) best = { index: m.index, text: m[0], scope: p.name! };
    }
    if (!best) return out;
    out.push({ text: best.text, scope: best.scope });
    at = best.index + best.text.length;
  }
}
