/**
 * The manifest's user-facing strings live in package.nls.json (`%key%` in
 * package.json), as VS Code extensions localize them; these tests keep the two
 * files in step and the contributions complete.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../support';

interface Command {
  command: string;
  title: string;
  category?: string;
}
interface Setting {
  description?: string;
  markdownDescription?: string;
  scope?: string;
  enum?: unknown[];
  enumDescriptions?: string[];
  markdownEnumDescriptions?: string[];
}
interface Manifest {
  l10n?: string;
  contributes: {
    commands: Command[];
    configuration: { title: string; properties: Record<string, Setting> } | { title: string; properties: Record<string, Setting> }[];
    colors?: { id: string; description: string }[];
    views?: Record<string, { id: string; name: string; contextualTitle?: string }[]>;
    viewsContainers?: Record<string, { id: string; title: string }[]>;
    viewsWelcome?: { view: string; contents: string }[];
    walkthroughs?: { id: string; title: string; description: string; steps: { id: string; title: string; description: string; media?: { markdown?: string } }[] }[];
  };
}

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(repoRoot, file), 'utf8')) as T;

const manifest = readJson<Manifest>('package.json');
const nls = readJson<Record<string, string>>('package.nls.json');
const PLACEHOLDER = /^%([\w.-]+)%$/;

/** Every string value of the manifest that is a whole `%key%` placeholder, with where it is. */
function placeholders(node: unknown, at = ''): { key: string; at: string }[] {
  if (typeof node === 'string') {
    const m = PLACEHOLDER.exec(node);
    return m ? [{ key: m[1], at }] : [];
  }
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([k, v]) => placeholders(v, `${at}/${k}`));
}

/** What VS Code shows for a manifest string. */
function resolved(value: string | undefined): string | undefined {
  const m = value === undefined ? null : PLACEHOLDER.exec(value);
  return m ? nls[m[1]] : value;
}

function settings(): [string, Setting][] {
  const configuration = manifest.contributes.configuration;
  return (Array.isArray(configuration) ? configuration : [configuration]).flatMap((c) => Object.entries(c.properties));
}

describe('manifest (package.json, package.nls.json)', () => {
  it('package.nls.json is a flat map of non-empty strings', () => {
    for (const [key, value] of Object.entries(nls)) {
      assert.match(key, /^glossa\.[\w.-]+$/, key);
      assert.equal(typeof value, 'string', key);
      assert.notEqual(value.trim(), '', key);
    }
  });

  it('every %key% of package.json has an entry in package.nls.json', () => {
    const missing = placeholders(manifest).filter(({ key }) => !(key in nls));
    assert.deepEqual(missing, []);
  });

  it('every entry of package.nls.json is used by package.json', () => {
    const used = new Set(placeholders(manifest).map(({ key }) => key));
    assert.deepEqual(Object.keys(nls).filter((key) => !used.has(key)), []);
  });

  it('translations (package.nls.<locale>.json) only have keys of package.nls.json', () => {
    for (const file of fs.readdirSync(repoRoot).filter((f) => /^package\.nls\..+\.json$/.test(f))) {
      const translated = readJson<Record<string, string>>(file);
      assert.deepEqual(Object.keys(translated).filter((key) => !(key in nls)), [], file);
    }
  });

  it('the user-facing strings of the contributions are %key% placeholders', () => {
    const c = manifest.contributes;
    const plain: string[] = [];
    const check = (value: string | undefined, at: string): void => {
      if (value !== undefined && !PLACEHOLDER.test(value)) plain.push(`${at}: ${value}`);
    };
    for (const command of c.commands) {
      check(command.title, `${command.command} title`);
      check(command.category, `${command.command} category`);
    }
    for (const [name, setting] of settings()) {
      check(setting.description, `${name} description`);
      check(setting.markdownDescription, `${name} markdownDescription`);
      for (const d of [...(setting.enumDescriptions ?? []), ...(setting.markdownEnumDescriptions ?? [])]) check(d, `${name} enumDescriptions`);
    }
    for (const color of c.colors ?? []) check(color.description, `${color.id} description`);
    for (const views of Object.values(c.views ?? {})) {
      for (const view of views) {
        check(view.name, `${view.id} name`);
        check(view.contextualTitle, `${view.id} contextualTitle`);
      }
    }
    for (const containers of Object.values(c.viewsContainers ?? {})) for (const container of containers) check(container.title, `${container.id} title`);
    for (const welcome of c.viewsWelcome ?? []) check(welcome.contents, `${welcome.view} viewsWelcome`);
    for (const walkthrough of c.walkthroughs ?? []) {
      check(walkthrough.title, `${walkthrough.id} title`);
      check(walkthrough.description, `${walkthrough.id} description`);
      for (const step of walkthrough.steps) {
        check(step.title, `${walkthrough.id}/${step.id} title`);
        check(step.description, `${walkthrough.id}/${step.id} description`);
      }
    }
    assert.deepEqual(plain, []);
  });

  it('every command has a title and the category "Glossa"', () => {
    for (const command of manifest.contributes.commands) {
      assert.match(command.command, /^glossa\./);
      assert.ok(resolved(command.title)?.trim(), `${command.command} has no title`);
      assert.equal(resolved(command.category), 'Glossa', command.command);
    }
  });

  it('every setting has a description and a scope', () => {
    const scopes = ['application', 'machine', 'machine-overridable', 'window', 'resource', 'language-overridable'];
    for (const [name, setting] of settings()) {
      assert.match(name, /^glossa\./);
      assert.ok(resolved(setting.markdownDescription ?? setting.description)?.trim(), `${name} has no description`);
      assert.ok(setting.scope !== undefined && scopes.includes(setting.scope), `${name} has scope ${String(setting.scope)}`);
      if (setting.enumDescriptions) assert.equal(setting.enumDescriptions.length, setting.enum?.length, `${name}: one enumDescription per enum value`);
    }
  });

  it('the Get Started walkthrough: each step has its page in media/ and the commands it links exist', () => {
    const walkthroughs = manifest.contributes.walkthroughs ?? [];
    assert.ok(walkthroughs.length > 0, 'no walkthrough');
    const commands = new Set(manifest.contributes.commands.map((c: { command: string }) => c.command));
    const nls = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.nls.json'), 'utf8')) as Record<string, string>;
    for (const walkthrough of walkthroughs) {
      for (const step of walkthrough.steps) {
        const page = step.media?.markdown;
        assert.ok(page && fs.existsSync(path.join(repoRoot, page)), `${step.id}: no page ${page}`);
        const description = nls[String(step.description).replace(/%/g, '')] ?? '';
        for (const [, command] of description.matchAll(/\(command:([\w.]+)\)/g)) assert.ok(commands.has(command), `${step.id} links ${command}`);
      }
    }
  });

  it('the package ships package.nls.json (.vscodeignore allowlist)', () => {
    const lines = fs.readFileSync(path.join(repoRoot, '.vscodeignore'), 'utf8').split(/\r?\n/).map((l) => l.trim());
    assert.ok(lines.includes('!package.nls.json'), '.vscodeignore does not ship package.nls.json');
  });

  it('the runtime bundle holds every vscode.l10n.t string of the sources, and ships', () => {
    assert.equal(manifest.l10n, './l10n');
    const bundle = readJson<Record<string, unknown>>(path.join('l10n', 'bundle.l10n.json'));
    // What `npm run l10n` would write now: a stale bundle leaves strings untranslatable.
    const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-l10n-'));
    try {
      const r = spawnSync(process.execPath, [require.resolve('@vscode/l10n-dev/dist/cli.js'), 'export', '--outDir', fresh, path.join(repoRoot, 'src')], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      const current = JSON.parse(fs.readFileSync(path.join(fresh, 'bundle.l10n.json'), 'utf8')) as Record<string, unknown>;
      assert.deepEqual(Object.keys(bundle).sort(), Object.keys(current).sort(), 'l10n/bundle.l10n.json is stale: run `npm run l10n`');
    } finally {
      fs.rmSync(fresh, { recursive: true, force: true });
    }
    const lines = fs.readFileSync(path.join(repoRoot, '.vscodeignore'), 'utf8').split(/\r?\n/).map((l) => l.trim());
    assert.ok(lines.includes('!l10n/**'), '.vscodeignore does not ship l10n/');
  });
});
