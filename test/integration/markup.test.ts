// Rule 12 in the editor: in a Markdown article with every construct
// (test/fixtures/markup/article.md, copied into the workspace's articles/ for
// each test and removed afterwards), Glossa highlights, diagnoses, hovers and
// normalizes the text only, never links, paths, code, tags or comments.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { RangeData } from '../../src/vscode/api';
import { editingSuite } from './acting';
import { articleUri, extensionId, glossa, glossaDiagnostics, hoverText, openArticle, positionOf } from './glossa';
import { waitFor } from './support';

// Through vscode.workspace.fs, so that the web worker pass reads it too.
const fixture = async (name: string) =>
  new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(vscode.extensions.getExtension(extensionId)!.extensionUri, 'test', 'fixtures', 'markup', name)));

/** Ranges as `line:character+length`, in document order. */
const spans = (ranges: RangeData[]) =>
  [...ranges].sort((a, b) => a.line - b.line || a.character - b.character).map((r) => `${r.line}:${r.character}+${r.endCharacter - r.character}`);

describe('markup is not text (rule 12)', () => {
  editingSuite();
  // A new file for each test: VS Code keeps the document of a deleted file for a while, emptied by the snapshot.
  let copies = 0;

  async function openFixture(): Promise<vscode.TextEditor> {
    const name = `markup-article-${++copies}.md`;
    await vscode.workspace.fs.writeFile(articleUri(name), new TextEncoder().encode(await fixture('article.md')));
    return openArticle(name);
  }

  it('highlights the names of the text only: front matter values, headings, link and alt text, HTML text, quotes', async () => {
    const editor = await openFixture();
    const api = await glossa();
    const d = await waitFor(() => api.decorations(editor.document.uri), 'decorations of the Markdown article');
    assert.deepStrictEqual(spans([...d.person, ...d.place, ...d.body]), [
      '1:7+6', '1:20+13', '1:37+5', '4:7+7', '4:16+6', // front matter: title and tags
      '7:2+6', '7:18+13', '7:35+5', // heading
      '9:18+6', '9:59+13', '9:89+20', // prose and link text, not the destination or title
      '11:2+6', '11:13+13', // alt text, not the path or title
      '13:22+13', // not the autolink or the bare URL
      '15:62+7', // the shortcut reference [Vietnam], not the URL in parentheses
      '17:113+13', // the text of an inline element, not its attributes, the code span or the comments
      '28:3+7', '28:15+6', '28:49+5', // an HTML block's text; nothing in fenced or indented code
      '31:2+13', '31:23+7', '32:10+13', // a block quote; nothing in the definitions
    ]);
    // Every variant (all but the two "Russia") but the reference label, which names its definition, is marked non-canonical.
    assert.ok(!spans(d.nonCanonical).includes('15:62+7'));
    assert.strictEqual(d.nonCanonical.length, 19);
  });

  it('diagnoses the numbers of the text only, and hovers on text, not on a URL', async () => {
    const editor = await openFixture();
    const document = editor.document;
    const numbers = await waitFor(() => {
      const found = glossaDiagnostics(document.uri).filter((x) => String(x.code) === 'unverified-number');
      return found.length > 0 ? found : undefined;
    }, 'number diagnostics');
    assert.deepStrictEqual(
      numbers.map((x) => `${x.range.start.line}:${x.range.start.character} ${document.getText(x.range)}`),
      ['13:98 12%', '15:22 15', '28:29 75'],
    );
    const link = await hoverText(document.uri, positionOf(document, '[Viet Nam News Agency]', 0, 3));
    assert.ok(link.includes('Vietnam News Agency'), link);
    const url = await hoverText(document.uri, positionOf(document, 'To_Lam-Sergei_Lavrov', 0, 12));
    assert.ok(!url.includes('Sergey Lavrov'), url);
    const code = await hoverText(document.uri, positionOf(document, 'To Lam told Sergei Lavrov', 0, 12));
    assert.ok(!code.includes('Sergey Lavrov'), code);
  });

  it('Normalize All in File rewrites text only, to the exact text the CLI writes; one undo restores it', async () => {
    const editor = await openFixture();
    const original = editor.document.getText();
    const count = await vscode.commands.executeCommand<number>('glossa.normalizeFile');
    assert.strictEqual(count, 19);
    assert.strictEqual(editor.document.getText(), await fixture('article.normalized.md'));
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(editor.document.getText(), original);
  });

  it('follows typing: a name typed in a code block is no mention, the same name typed in prose is', async () => {
    const editor = await openFixture();
    const api = await glossa();
    const document = editor.document;
    const people = () => api.decorations(document.uri)!.person.length;
    const before = people();
    await editor.edit((b) => b.insert(positionOf(document, 'by 2030 is within reach'), 'Sergei Lavrov said '));
    await api.ready();
    assert.strictEqual(people(), before);
    await editor.edit((b) => b.insert(positionOf(document, 'Officials cited'), 'Sergei Lavrov said. '));
    await api.ready();
    assert.strictEqual(people(), before + 1);
    // Closing the fence early turns the rest of its block into text, and its old closing line opens a fence to the end.
    await editor.edit((b) => b.insert(positionOf(document, 'Sergei Lavrov said by 2030'), '```\n\n'));
    await api.ready();
    const lineOf = (text: string) => positionOf(document, text).line;
    const onLine = (line: number) => api.decorations(document.uri)!.person.filter((r) => r.line === line).length;
    await waitFor(() => (onLine(lineOf('Sergei Lavrov said by 2030')) === 2 && onLine(lineOf('praised Bui Thanh Son')) === 0 ? true : undefined), 'the names after the closed fence');
  });
});
