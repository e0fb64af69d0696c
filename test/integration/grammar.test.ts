// The TextMate grammar for numbers is static; VS Code's web host has no API to read
// TextMate tokens, so this checks the grammar's own patterns (written in the common
// subset of Oniguruma and JavaScript) on a paragraph of the real corpus.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { numberTokens, type Grammar } from '../grammarTokens';
import { Articles, articleUri } from './glossa';


async function readJson<T>(uri: vscode.Uri): Promise<T> {
  return JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))) as T;
}


describe('number grammar', () => {
  const extension = () => vscode.extensions.getExtension('glossa.glossa')!;

  it('marks money with currencies and scales, and percentages, in a paragraph', async () => {
    const grammar = await readJson<Grammar>(vscode.Uri.joinPath(extension().extensionUri, 'syntaxes', 'glossa-plaintext.tmLanguage.json'));
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(articleUri(Articles.son)));
    const line = text.split(/\r?\n/)[28]; // "In 2024, bilateral trade reached USD 4.58 billion. …"
    assert.deepStrictEqual(numberTokens(grammar, line), [
      { text: 'USD 4.58 billion', scope: 'constant.numeric.money.glossa' },
      { text: 'USD 990 million', scope: 'constant.numeric.money.glossa' },
      { text: 'USD 1.6 billion', scope: 'constant.numeric.money.glossa' },
    ]);
    assert.deepStrictEqual(numberTokens(grammar, 'GDP grew 6.7% after 10.5 per cent; 990 million USD and $4.15 billion; 250 million tons; 1826.jpg'), [
      { text: '6.7%', scope: 'constant.numeric.percent.glossa' },
      { text: '10.5 per cent', scope: 'constant.numeric.percent.glossa' },
      { text: '990 million USD', scope: 'constant.numeric.money.glossa' },
      { text: '$4.15 billion', scope: 'constant.numeric.money.glossa' },
      { text: '250 million', scope: 'constant.numeric.scaled.glossa' },
    ]);
    assert.deepStrictEqual(numberTokens(grammar, 'It sold $750m of bonds, pledged £2bn and a $300-million port; prices rose 12.5-percent; S$30m'), [
      { text: '$750m', scope: 'constant.numeric.money.glossa' },
      { text: '£2bn', scope: 'constant.numeric.money.glossa' },
      { text: '$300-million', scope: 'constant.numeric.money.glossa' },
      { text: '12.5-percent', scope: 'constant.numeric.percent.glossa' },
    ]);
  });

  it('is contributed for plain text and injected into Markdown', async () => {
    const manifest = extension().packageJSON as { contributes: { grammars: { language?: string; scopeName: string; injectTo?: string[] }[] } };
    const grammars = manifest.contributes.grammars;
    assert.ok(grammars.some((g) => g.language === 'plaintext' && g.scopeName === 'text.plain.glossa'));
    assert.ok(grammars.some((g) => g.injectTo?.includes('text.html.markdown')));
    const injection = await readJson<Grammar>(vscode.Uri.joinPath(extension().extensionUri, 'syntaxes', 'glossa-numbers.injection.tmLanguage.json'));
    assert.match(injection.injectionSelector ?? '', /text\.html\.markdown/);
  });
});
