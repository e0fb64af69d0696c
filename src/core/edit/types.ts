import type { Problem } from '../types';

/**
 * One replacement in a file's text: the UTF-16 range `[start, end)` of the text as
 * given becomes `newText`. An insertion has `start === end`. Edits of one result never
 * overlap or touch, so they apply in one `WorkspaceEdit` (or with `applyEdits`).
 */
export interface SourceEdit {
  start: number;
  end: number;
  newText: string;
}

/** The file could not be edited; nothing was changed. */
export interface EditFailure {
  ok: false;
  /** Why, in words a user can act on. */
  error: string;
  /** Where in the file the problem is (0-based, UTF-16), when it is the file's problem. */
  line?: number;
  character?: number;
}

/** The edits to apply, possibly none (`changed: false`, with the reason in `message`). */
export interface EditSuccess {
  ok: true;
  edits: SourceEdit[];
  /** False when the file already says what was asked: `edits` is empty. */
  changed: boolean;
  /** What the edits do, or why there are none: for a status-bar or notification message. */
  message: string;
  /**
   * Problems the edited file would have that the file does not have now, as the glossary
   * parser reports them (say, a new alias another entity already claims). The edit is
   * still offered: the caller decides whether to warn.
   */
  problems: Problem[];
}

export type EditResult<T = unknown> = (EditSuccess & T) | EditFailure;
