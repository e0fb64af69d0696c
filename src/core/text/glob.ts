/**
 * Globs over `/`-separated relative paths, as VS Code's settings write them
 * (`**`, `*`, `?`, `[...]`, `{a,b}`), so that corpus membership is decided the same
 * way for open documents, file-watcher events and search results. picomatch's
 * posix build does the matching: it has no Node builtins, so it runs on the web.
 */
import picomatch from 'picomatch/posix';

const matchers = new Map<string, (path: string) => boolean>();
/** Whether each pattern seen is a glob: corpus membership is asked on every keystroke, and scanning a pattern is not free. */
const globs = new Map<string, boolean>();

/** Does the pattern hold a wildcard, or is it a plain path? */
export function isGlob(pattern: string): boolean {
  let glob = globs.get(pattern);
  if (glob === undefined) globs.set(pattern, (glob = picomatch.scan(pattern).isGlob));
  return glob;
}

/**
 * Does the `/`-separated relative path match the glob? As in VS Code, dot files
 * match like any other, `[!…]` is a negated class, and a leading `!` is no negation.
 */
export function matchGlob(glob: string, relativePath: string): boolean {
  let matcher = matchers.get(glob);
  if (!matcher) {
    // picomatch reads only `[^…]` as a negated class.
    const pattern = withoutDotSlash(glob).replace(/\[!/g, '[^');
    matchers.set(glob, (matcher = picomatch(pattern, { dot: true, nonegate: true })));
  }
  return matcher(relativePath);
}

/** Is `relativePath` one of `patterns` (plain paths or globs)? */
export function matchesAny(patterns: readonly string[], relativePath: string): boolean {
  return patterns.some((p) => (isGlob(p) ? matchGlob(p, relativePath) : withoutDotSlash(p) === relativePath));
}

function withoutDotSlash(pattern: string): string {
  return pattern.replace(/^\.\//, '');
}
