/** Command-line parsing for `glossa`: one place for flags, usage and bad-argument errors. */
import { parseArgs } from 'node:util';

export class UsageError extends Error {}

export const USAGE = `Usage:
  glossa check [paths…] [--glossary FILE]… [--facts FILE]… [--format text|json] [--strict] [--all-numbers] [--no-discovery] [--jobs N] [--no-cache]
  glossa normalize [paths…] [--glossary FILE]… [--write] [--style canonical|ascii] [--format text|json] [--no-cache]
  glossa stats [paths…] [--glossary FILE]… [--format text|json] [--jobs N] [--no-cache]
  glossa suggest [paths…] [--glossary FILE]… [--format text|json|yaml] [--no-cache]

Paths are files or folders (folders: their .txt and .md files, recursively).
suggest lists the names the glossary lacks; --format yaml prints them as entries to paste.
check --no-discovery leaves out the possible variants (names the glossary does not list).
--jobs N: check or count on N threads (default: the number of cores for a corpus of 4 MB or more,
else 1); the output is the same for any N.
A glossary of 64 KB or more is kept parsed in a cache ($GLOSSA_CACHE_DIR, else $XDG_CACHE_HOME/glossa,
else ~/.cache/glossa), keyed on its content: it loads faster the next time. --no-cache: parse it anew.
Defaults: the current folder, ./glossary.yaml and ./facts.yaml.

Exit status: 0 clean, 1 errors found (or warnings with --strict), 2 bad arguments or unreadable input.`;

export type Command = 'check' | 'normalize' | 'stats' | 'suggest';

export interface CliOptions {
  command: Command;
  paths: string[];
  glossary: string[];
  facts: string[];
  format: 'text' | 'json' | 'yaml';
  strict: boolean;
  allNumbers: boolean;
  /** check: look for possible variants (off with --no-discovery). */
  discovery: boolean;
  write: boolean;
  style: 'canonical' | 'ascii';
  /** --jobs: threads for check and stats; undefined: as many as cores for a large corpus. */
  jobs?: number;
  /** Read and keep the parsed glossary in the cache folder (off with --no-cache). */
  cache: boolean;
}

/** Parses argv (without node and script); throws UsageError with a clear message. */
export function parseCli(argv: string[]): CliOptions | 'help' | 'version' {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') return 'help';
  if (argv[0] === '--version' || argv[0] === '-v') return 'version';
  const [command, ...rest] = argv;
  if (command !== 'check' && command !== 'normalize' && command !== 'stats' && command !== 'suggest') {
    throw new UsageError(`Unknown command '${command}'. Expected check, normalize, stats or suggest.`);
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: {
        glossary: { type: 'string', multiple: true },
        facts: { type: 'string', multiple: true },
        format: { type: 'string' },
        strict: { type: 'boolean' },
        'all-numbers': { type: 'boolean' },
        'no-discovery': { type: 'boolean' },
        write: { type: 'boolean' },
        style: { type: 'string' },
        jobs: { type: 'string' },
        'no-cache': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const v = parsed.values;
  if (v.help) return 'help';
  const format = v.format ?? 'text';
  if (command === 'suggest' ? format !== 'text' && format !== 'json' && format !== 'yaml' : format !== 'text' && format !== 'json') {
    throw new UsageError(`--format must be text${command === 'suggest' ? ', json or yaml' : ' or json'}, not '${format}'.`);
  }
  const style = v.style ?? 'canonical';
  if (style !== 'canonical' && style !== 'ascii') throw new UsageError(`--style must be canonical or ascii, not '${style}'.`);
  const only = (flag: string, commands: Command[]) => {
    if (!commands.includes(command)) throw new UsageError(`--${flag} is not an option of 'glossa ${command}'.`);
  };
  if (v.strict) only('strict', ['check']);
  if (v['all-numbers']) only('all-numbers', ['check']);
  if (v['no-discovery']) only('no-discovery', ['check']);
  if (v.write) only('write', ['normalize']);
  if (v.style) only('style', ['normalize']);
  if (v.facts) only('facts', ['check']);
  let jobs: number | undefined;
  if (v.jobs !== undefined) {
    only('jobs', ['check', 'stats']);
    jobs = Number(v.jobs);
    if (!/^\d+$/.test(v.jobs) || jobs < 1 || jobs > 256) throw new UsageError(`--jobs must be a whole number from 1 to 256, not '${v.jobs}'.`);
  }
  return {
    command,
    paths: parsed.positionals,
    glossary: v.glossary ?? [],
    facts: v.facts ?? [],
    format: format as CliOptions['format'],
    strict: v.strict ?? false,
    allNumbers: v['all-numbers'] ?? false,
    discovery: !(v['no-discovery'] ?? false),
    write: v.write ?? false,
    style,
    jobs,
    cache: !(v['no-cache'] ?? false),
  };
}
