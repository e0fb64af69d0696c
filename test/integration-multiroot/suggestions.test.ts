import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAll, glossa, restore } from '../integration/glossa';
import { waitFor } from '../integration/support';
import { Fixture, Samples, fileIn, folder } from './folders';

interface Candidate {
  name: string;
  id: string;
  count: number;
  files: number;
  occurrences: { file: string }[];
}

const suggest = async (name: string) => (await vscode.commands.executeCommand<{ candidates: Candidate[] }>('glossa.suggestEntities', folder(name).uri)).candidates;
const read = async (uri: vscode.Uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));

describe('multi-root workspace: suggestions per folder', () => {
  after(closeAll);

  it("the Suggestions view has one section per folder, each with its own corpus's names", async () => {
    const api = await glossa();
    const tree = await api.tree('glossa.suggestions');
    assert.deepStrictEqual(tree.map((n) => n.label), [Fixture, Samples]);
    const samples = tree[1].children!;
    const vu = samples.find((c) => c.label === 'Nguyễn Minh Vũ');
    assert.ok(vu, samples.map((c) => c.label).join(', '));
    assert.strictEqual(vu.description, '2 in 2 files');
    assert.ok(!tree[0].children!.some((c) => c.label === 'Nguyễn Minh Vũ'));

    const data = await suggest(Samples);
    assert.deepStrictEqual(data.map((c) => c.name), samples.map((c) => c.label));
    assert.deepStrictEqual(data.find((c) => c.name === 'Nguyễn Minh Vũ')!.occurrences.map((o) => o.file), ['articles/02-to-lam-in-moscow.md', 'articles/03-students-and-statues.txt']);
  });

  it("glossa.addSuggested with a folder adds to that folder's glossary only", async () => {
    const samplesGlossary = fileIn(Samples, 'glossary.yaml');
    const fixtureGlossary = fileIn(Fixture, 'glossary.yaml');
    const [samplesBefore, fixtureBefore] = [await read(samplesGlossary), await read(fixtureGlossary)];
    try {
      const ids = await vscode.commands.executeCommand<string[]>('glossa.addSuggested', folder(Samples).uri, 'Nguyễn Minh Vũ');
      assert.deepStrictEqual(ids, ['nguyen-minh-vu']);
      assert.strictEqual(await read(samplesGlossary), samplesBefore.replace(/\n*$/, '\n') + '\n  - id: nguyen-minh-vu\n    kind: person\n    name: Nguyễn Minh Vũ\n    aliases: [Nguyen Minh Vu]\n');
      assert.strictEqual(await read(fixtureGlossary), fixtureBefore);
      await waitFor(async () => ((await suggest(Samples)).some((c) => c.name === 'Nguyễn Minh Vũ') ? undefined : true), 'the name no longer suggested');
    } finally {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === samplesGlossary.toString());
      if (open) await restore(open, samplesBefore);
      if ((await read(samplesGlossary)) !== samplesBefore) await vscode.workspace.fs.writeFile(samplesGlossary, new TextEncoder().encode(samplesBefore));
      await (await glossa()).ready();
    }
  });
});
