import * as assert from 'assert';
import * as vscode from 'vscode';
import type { RangeData } from '../../src/vscode/api';
import { Articles, closeAll, glossa, openArticle } from './glossa';
import { waitFor } from './support';

const on = (line: number, character: number, length: number): RangeData => ({ line, character, endLine: line, endCharacter: character + length });

describe('highlighting', () => {
  after(async () => {
    await vscode.workspace.getConfiguration('glossa').update('highlight.enabled', undefined, vscode.ConfigurationTarget.Workspace);
    await closeAll();
  });

  it('colours a paragraph by kind and marks the non-canonical spellings', async () => {
    const editor = await openArticle(Articles.son);
    const api = await glossa();
    const decorations = await waitFor(() => api.decorations(editor.document.uri), 'decorations of the article');
    // Line 11: "Deputy Prime Minister Son emphasized that Vietnam … the former Soviet Union and the present-day Russian Federation …"
    const line = (ranges: RangeData[]) => ranges.filter((r) => r.line === 10);
    assert.deepStrictEqual(line(decorations.person), [on(10, 22, 3)]);
    assert.deepStrictEqual(line(decorations.place), [on(10, 42, 7), on(10, 168, 18)]);
    assert.deepStrictEqual(line(decorations.body), [on(10, 135, 12)]);
    // "Son" (short form spelled differently from "Sơn") and "Vietnam" (alias of Việt Nam); "Russian Federation" is an aka.
    assert.deepStrictEqual(line(decorations.nonCanonical), [on(10, 22, 3), on(10, 42, 7)]);
  });

  it('follows typing in the edited document', async () => {
    const editor = await openArticle(Articles.son);
    const api = await glossa();
    await editor.edit((b) => b.insert(new vscode.Position(10, 0), 'Sergey Lavrov met '));
    await api.ready();
    const decorations = api.decorations(editor.document.uri)!;
    const line = (ranges: RangeData[]) => ranges.filter((r) => r.line === 10);
    assert.deepStrictEqual(line(decorations.person), [on(10, 0, 13), on(10, 40, 3)]);
    await vscode.commands.executeCommand('undo');
    await api.ready();
    assert.deepStrictEqual(line(api.decorations(editor.document.uri)!.person), [on(10, 22, 3)]);
  });

  it('turns off with glossa.highlight.enabled', async () => {
    const editor = await openArticle(Articles.lavrov);
    const api = await glossa();
    assert.ok(api.decorations(editor.document.uri)!.person.length > 0);
    await vscode.workspace.getConfiguration('glossa').update('highlight.enabled', false, vscode.ConfigurationTarget.Workspace);
    await waitFor(() => (api.decorations(editor.document.uri)?.person.length === 0 ? true : undefined), 'no decorations');
    await vscode.workspace.getConfiguration('glossa').update('highlight.enabled', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor(() => (api.decorations(editor.document.uri)!.person.length > 0 ? true : undefined), 'decorations again');
  });

  it('contributes theme colours for each kind and for variants, with light, dark and high-contrast defaults', () => {
    const manifest = vscode.extensions.getExtension('glossa.glossa')!.packageJSON as { contributes: { colors: { id: string; defaults: Record<string, string> }[] } };
    const colors = new Map(manifest.contributes.colors.map((c) => [c.id, c.defaults]));
    for (const id of ['glossa.person.foreground', 'glossa.body.foreground', 'glossa.place.foreground', 'glossa.variant.border']) {
      const defaults = colors.get(id);
      assert.ok(defaults, `${id} is not contributed`);
      assert.deepStrictEqual(Object.keys(defaults).sort(), ['dark', 'highContrast', 'highContrastLight', 'light']);
    }
  });
});
