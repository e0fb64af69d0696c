/**
 * A small glob matcher for workspace-relative paths, so that corpus membership
 * is decided the same way for open documents, file-watcher events and search
 * results. Supports `**`, `*`, `?`, `[...]` and `{a,b}` (nested too), like the
 * globs of VS Code's settings.
 */

const cache = new Map<string, RegExp>();

/** Does the `/`-separated relative path match the glob? */
export function matchGlob(glob: string, relativePath: string): boolean {
  let re = cache.get(glob);
  if (!re) {
    re = new RegExp(`^${globToRegExp(glob.replace(/^\.\//, ''))}$`, 'u');
    cache.set(glob, re);
  }
  return re.test(relativePath);
}

/** Does the glob hold a wildcard, or is it a plain path? */
export function isGlob(pattern: string): boolean {
  return /[*?[{]/.test(pattern);
}

function globToRegExp(glob: string): string {
  let out = '';
  let depth = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `**/` matches any number of folders, `**` at the end anything.
        const slash = glob[i + 2] === '/';
        out += slash ? '(?:[^/]*/)*' : '.*';
        i += slash ? 2 : 1;
      } else {
        out += '[^/]*';
      }
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close < 0) {
        out += '\\[';
      } else {
        const body = glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
        out += `[${body}]`;
        i = close;
      }
    } else if (c === '{') {
      depth++;
      out += '(?:';
    } else if (c === '}' && depth > 0) {
      depth--;
      out += ')';
    } else if (c === ',' && depth > 0) {
      out += '|';
    } else {
      out += c.replace(/[.+^$()|\\\]}]/g, '\\$&');
    }
  }
  return out;
}
