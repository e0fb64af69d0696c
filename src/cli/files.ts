/** Finding and reading the CLI's inputs. */
import * as fs from 'node:fs';
import * as path from 'node:path';

export class InputError extends Error {}

const TEXT_EXTENSIONS = new Set(['.txt', '.md']);
const SKIP_DIRS = new Set(['node_modules', '.git', '.vscode-test', 'dist', 'out']);

/** The corpus files under `paths` (files as given; folders walked for .txt/.md), sorted, each once. */
export function corpusFiles(paths: string[]): string[] {
  const files = new Set<string>();
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      throw new InputError(`Cannot read folder ${dir}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.')) walk(full);
      } else if (entry.isFile() && TEXT_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) {
        files.add(full);
      }
    }
  };
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      throw new InputError(`No such file or folder: ${p}`);
    }
    if (stat.isDirectory()) walk(p);
    else files.add(p);
  }
  return [...files].sort();
}

/** Reads a UTF-8 text file, or throws an InputError that names it. */
export function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `No such file: ${file}` : `Cannot read ${file}: ${code ?? (error as Error).message}`);
  }
}

/** How a file is named in output: relative to the current folder, with forward slashes. */
export function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return (rel === '' || rel.startsWith('..') ? file : rel).split(path.sep).join('/');
}
