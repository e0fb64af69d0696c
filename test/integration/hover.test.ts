import * as assert from 'assert';
import * as vscode from 'vscode';
import { waitFor } from './support';
import { Articles, closeAll, hoverText, openArticle, positionOf, restore, setText, workspaceFile } from './glossa';

/** Asserts that every piece occurs in the hover text, in order. */
function assertInOrder(text: string, pieces: string[]): void {
  let from = 0;
  for (const piece of pieces) {
    const at = text.indexOf(piece, from);
    assert.ok(at >= 0, `expected ${JSON.stringify(piece)} after position ${from} in the hover card:\n${text}`);
    from = at + piece.length;
  }
}

describe('hover cards', () => {
  after(closeAll);

  it('over "To Lam": the canonical name, who it is, why it matched, every spelling, counts and command links', async () => {
    const editor = await openArticle(Articles.toLam);
    const position = positionOf(editor.document, 'To Lam', 0, 2);
    // The first hover starts reading the corpus; a user who hovers again sees the count.
    const text = await waitFor(async () => {
      const card = await hoverText(editor.document.uri, position);
      return card.includes('corpus files') ? card : undefined;
    }, 'a hover card with the corpus count');
    assertInOrder(text, [
      '#### $(person) Tô Lâm',
      '*Person* · Vietnam (VN)',
      'General Secretary of the Communist Party of Vietnam (since August 2024)',
      '**Titles:** General Secretary (since 3 August 2024), Party General Secretary (since 3 August 2024), President (22 May 2024 – 21 October 2024)',
      '**Links:** [wikipedia](https://en.wikipedia.org/wiki/T%C3%B4_L%C3%A2m)',
      '**born:** 1957',
      '**Here:** "To Lam" — an alias of Tô Lâm: Normalize rewrites it to the canonical spelling.',
      '**Known spellings:** Tô Lâm *(name)* · **To Lam *(alias)*** · Party chief *(other name)*',
      '**Mentions:**',
      'in this file',
      'corpus files',
      'Go to glossary entry](command:glossa.goToEntry?',
      'Show all mentions](command:glossa.showMentions?',
    ]);
    // The corpus count covers files never opened: 002 and 001 write "To Lam", 003 "Tô Lâm" and "Party chief".
    const counts = /(\d+) in (\d+) of the (\d+) corpus files/.exec(text);
    assert.ok(counts, `no corpus count in:\n${text}`);
    assert.ok(Number(counts[2]) >= 3, `expected To Lam in at least 3 files, got ${counts[0]}`);
    assert.strictEqual(counts[3], '6'); // the five real articles and articles/titles-2025.md
  });

  it('counts the corpus again as it changes: a mention typed, a file added and deleted', async () => {
    const editor = await openArticle(Articles.toLam);
    const original = editor.document.getText();
    const position = positionOf(editor.document, 'To Lam', 0, 2);
    /** The card's corpus count of Tô Lâm: mentions, files, corpus files. */
    const counts = async (): Promise<number[]> => {
      const card = await waitFor(async () => {
        const text = await hoverText(editor.document.uri, position);
        return /\d+ in \d+ of the \d+ corpus files/.test(text) ? text : undefined;
      }, 'a hover card with the corpus count');
      return /(\d+) in (\d+) of the (\d+) corpus files/.exec(card)!.slice(1).map(Number);
    };
    const until = async (expected: number[], what: string): Promise<void> => {
      let last: number[] = [];
      try {
        await waitFor(async () => ((last = await counts()).join() === expected.join() ? true : undefined), what);
      } catch {
        assert.fail(`${what}: expected ${expected.join(', ')} (mentions, files, corpus files), last seen ${last.join(', ')}`);
      }
    };
    const [mentions, files, total] = await counts();
    const elsewhere = workspaceFile('articles', 'counted-elsewhere.txt');
    try {
      // One more mention typed in this file: one more mention, no more files.
      await editor.edit((edit) => edit.insert(editor.document.positionAt(original.length), '\n\nTo Lam spoke again.\n'));
      await until([mentions + 1, files, total], 'the typed mention counted');
      // A file written beside it that mentions him: one more file of the corpus, and of his.
      await vscode.workspace.fs.writeFile(elsewhere, new TextEncoder().encode('Tô Lâm met reporters in Hà Nội.\n'));
      await until([mentions + 2, files + 1, total + 1], 'the new file counted');
      await vscode.workspace.fs.delete(elsewhere);
      await until([mentions + 1, files, total], 'the deleted file no longer counted');
    } finally {
      await restore(editor.document, original);
      if (await vscode.workspace.fs.stat(elsewhere).then(() => true, () => false)) await vscode.workspace.fs.delete(elsewhere);
    }
    await until([mentions, files, total], 'the counts back with the text');
  });

  it('over "Tô Lâm": the canonical spelling', async () => {
    const editor = await openArticle(Articles.vnNews);
    const text = await hoverText(editor.document.uri, positionOf(editor.document, 'Tô Lâm'));
    assertInOrder(text, ['#### $(person) Tô Lâm', '**Here:** "Tô Lâm" — the canonical spelling.', '**Known spellings:** **Tô Lâm *(name)***']);
  });

  it('over "Party chief": another name, never rewritten', async () => {
    const editor = await openArticle(Articles.vnNews);
    const text = await hoverText(editor.document.uri, positionOf(editor.document, 'Party chief'));
    assertInOrder(text, ['#### $(person) Tô Lâm', '**Here:** "Party chief" — another name of Tô Lâm (aka): linked, never rewritten.']);
  });

  it('over "Sergei Lavrov": an alias of Sergey Lavrov', async () => {
    const editor = await openArticle(Articles.lavrov);
    const text = await hoverText(editor.document.uri, positionOf(editor.document, 'Sergei Lavrov', 0, 8));
    assertInOrder(text, ['#### $(person) Sergey Lavrov', '*Person* · Russia (RU)', '**Here:** "Sergei Lavrov" — an alias of Sergey Lavrov', 'Sergey Lavrov *(name)*', 'Sergei Lavrov *(alias)*']);
  });

  it('over "Son" in "Deputy Prime Minister Son": a short form after the full mention, spelled differently', async () => {
    const editor = await openArticle(Articles.son);
    // Line 11: "Deputy Prime Minister Son emphasized …"; "Bui Thanh Son" is fully mentioned on line 9.
    const position = positionOf(editor.document, 'Deputy Prime Minister Son', 0, 'Deputy Prime Minister '.length + 1);
    assert.strictEqual(position.line, 10);
    const text = await hoverText(editor.document.uri, position);
    assertInOrder(text, [
      '#### $(person) Bùi Thanh Sơn',
      '**Here:** "Son" — a short form, spelled differently from "Sơn", counted because it comes after the full mention at line 9.',
      'Sơn *(short form)*',
    ]);
  });

  it('over a short form right after a title, and over a differently encoded name (unsaved text)', async () => {
    const editor = await openArticle(Articles.lavrov);
    const nfd = 'Tô Lâm'.normalize('NFD');
    const original = editor.document.getText();
    await setText(editor.document, `Deputy Prime Minister Sơn and ${nfd} spoke.\n${original}`);
    try {
      const title = await hoverText(editor.document.uri, new vscode.Position(0, 'Deputy Prime Minister '.length + 1));
      assertInOrder(title, ['Bùi Thanh Sơn', '**Here:** "Sơn" — a short form, counted because it comes right after the title "Deputy Prime Minister".']);
      const encoded = await hoverText(editor.document.uri, new vscode.Position(0, 'Deputy Prime Minister Sơn and '.length + 1));
      assertInOrder(encoded, ['Tô Lâm', 'differently encoded (decomposed Unicode, NFD)']);
    } finally {
      await restore(editor.document, original);
    }
  });

  it('over a body: which country it is', async () => {
    const editor = await openArticle(Articles.son);
    const text = await hoverText(editor.document.uri, positionOf(editor.document, 'Photo: Ministry of Foreign Affairs', 0, 'Photo: '.length + 1));
    assertInOrder(text, ['#### $(organization) Ministry of Foreign Affairs', '*Body* · Vietnam (VN)', 'Ministry of Foreign Affairs of Vietnam']);
  });

  it('no card where a demonym or a longer name says it is not the entity (rules 9 and 10, unsaved text)', async () => {
    const editor = await openArticle(Articles.lavrov);
    const uri = editor.document.uri;
    const original = editor.document.getText();
    // Before the article's own text, so the first occurrences are these.
    const added = 'The Chinese Ministry of Foreign Affairs and the Vietnamese Ministry of Foreign Affairs spoke. Bùi Thanh Sơn visited Sơn La province.\n';
    await setText(editor.document, added + original);
    try {
      const at = (piece: string, nth = 0) => positionOf(editor.document, piece, nth, 1);
      // Not the entity's card: the Chinese ministry is a name the glossary does not know (discovery's card).
      assert.match(await hoverText(uri, at('Ministry of Foreign Affairs')), /^#### \$\(question\) Chinese Ministry of Foreign Affairs\n\n\*\*Not in the glossary\.\*\*/);
      assertInOrder(await hoverText(uri, at('Ministry of Foreign Affairs', 1)), ['#### $(organization) Ministry of Foreign Affairs', '*Body* · Vietnam (VN)']);
      assertInOrder(await hoverText(uri, at('Bùi Thanh Sơn')), ['#### $(person) Bùi Thanh Sơn']);
      assert.match(await hoverText(uri, at('Sơn La')), /^#### \$\(question\) Sơn La\n\n\*\*Not in the glossary\.\*\*/);
    } finally {
      await restore(editor.document, original);
    }
  });

  it('over "USD 4.58 billion": the parsed value, its kind and the fact that verifies it', async () => {
    const editor = await openArticle(Articles.son);
    const text = await hoverText(editor.document.uri, positionOf(editor.document, 'USD 4.58 billion', 0, 5));
    assertInOrder(text, [
      '#### $(symbol-number) USD 4.58 billion',
      'Read as **4,580,000,000 USD** · *money*',
      '$(pass) **Verified** by fact `trade-2024`: **USD 4.58 billion** (Vietnam–Russia bilateral trade, 2024)',
      'facts.yaml, line',
      "Source: Bùi Thanh Sơn's figures as reported in corpus articles 001 and 002 (May 2025)",
    ]);
  });

  it('over "$4.15 billion": conflicting, with the fact and the claims it verifies', async () => {
    const editor = await openArticle(Articles.trade);
    const text = await hoverText(editor.document.uri, positionOf(editor.document, '$4.15 billion', 0, 2));
    assertInOrder(text, [
      'Read as **4,150,000,000 USD** · *money*',
      '$(error) **Conflicting**: it contradicts fact `trade-2024`: **USD 4.58 billion**',
      'Claims this fact verifies:',
      '"USD 4.58 billion" — [articles/001_7535bc9d9727ee16.txt, line 29]',
      '"4.58 billion USD" — [articles/002_6006cd3dc9852790.txt, line 13]',
    ]);
  });

  it('over an unverified number with a qualifier', async () => {
    const editor = await openArticle(Articles.trade);
    const text = await hoverText(editor.document.uri, positionOf(editor.document, '300', 0, 1));
    assertInOrder(text, ['#### $(symbol-number) 300', '**300** · *count* · qualified by "about"', '$(warning) **Unverified**: no fact in the ledger confirms it.']);
  });

  it('shows nothing over ordinary words', async () => {
    const editor = await openArticle(Articles.trade);
    assert.strictEqual(await hoverText(editor.document.uri, positionOf(editor.document, 'promising')), '');
  });
});
