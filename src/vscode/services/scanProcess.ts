/**
 * A scan process (a Node child process the corpus index starts through
 * `ScanProcesses`): reads corpus files from disk and analyses them as the
 * extension host would (`analyzeForIndex`, packed as `PackedAnalysis` packs), and
 * sends back each file's packed analysis, line index and discovery. Its engines
 * are built from the glossaries and ledgers it is sent. So Check All Files on a
 * large workspace takes another core, and the extension host stays free for
 * hovers and typing. No `vscode` here.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import { Engine, LineIndex, type Discovery, type Glossary, type Ledger, type LineIndexParts, type NumberKind, type TextFormat } from '../../core';
import { analyzeForIndex, type DiscoveryNeed } from './indexedFile';
import { PackedAnalysis, StringIds, type PackedParts } from './packedAnalysis';

/** A file to read and analyse. */
export interface ScanRequest {
  /** Its path on this machine's disk. */
  path: string;
  format: TextFormat;
  /** `glossa.maxFileSize` in bytes (0: none): a larger file is not read. */
  limit: number;
  ignored: readonly NumberKind[];
  need: DiscoveryNeed;
}

/** What became of a file. */
export type ScanReply = { unreadable: true } | { size: number; tooBig: true } | ScannedFile;

export interface ScannedFile {
  /** In bytes, on disk. */
  size: number;
  /** Of the text, in UTF-16 code units. */
  length: number;
  packed: PackedParts;
  lines: LineIndexParts;
  discovery: Discovery | undefined;
  ms: number;
}

/** What the extension host sends: an engine to build (and those of the same folder to drop), or files to scan with one. */
export type ToScanProcess =
  | { engine: string; glossary: Glossary; ledger: Ledger; drop: string[] }
  | { batch: number; engine: string; files: ScanRequest[] };

/** A batch's replies, in the order of its files; or why it failed (then the extension host scans them itself). */
export type FromScanProcess = { batch: number; replies: ScanReply[] } | { batch: number; failed: string };

// Where the extension host and the window need a core, they come first.
try {
  os.setPriority(os.constants.priority.PRIORITY_BELOW_NORMAL);
} catch {
  // Not allowed here: the scan runs at the host's priority.
}
// The extension host gone (its window closed), nothing is left to do.
process.on('disconnect', () => process.exit(0));

const engines = new Map<string, Engine>();
const decoder = new TextDecoder();
/** The bytes of the file being read: one buffer, grown as needed, not one per file. */
let bytes = new Uint8Array(1 << 16);

/** The file's text as `vscode.workspace.fs.readFile` and a `TextDecoder` give it; undefined past `limit` bytes. */
function readText(path: string, limit: number): { size: number; text?: string } {
  const fd = fs.openSync(path, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    if (limit !== 0 && size > limit) return { size };
    if (size > bytes.length) bytes = new Uint8Array(Math.max(size, bytes.length * 2));
    let read = 0;
    for (let n = -1; n !== 0 && read < size; read += n) n = fs.readSync(fd, bytes, read, size - read, read);
    return { size: read, text: decoder.decode(bytes.subarray(0, read)) };
  } finally {
    fs.closeSync(fd);
  }
}

function scan(engine: Engine, file: ScanRequest): ScanReply {
  let text: string | undefined;
  let size: number;
  try {
    ({ size, text } = readText(file.path, file.limit));
    if (text === undefined) return { size, tooBig: true };
  } catch {
    return { unreadable: true }; // Deleted or unreadable.
  }
  const started = performance.now();
  const { analysis, discovery } = analyzeForIndex(engine, text, file.format, new Set(file.ignored), file.need);
  const packed = new PackedAnalysis(analysis, new StringIds()).parts();
  const lines = new LineIndex(text).parts();
  return { size, length: text.length, packed, lines, discovery, ms: performance.now() - started };
}

process.on('message', (message: ToScanProcess) => {
  if ('glossary' in message) {
    for (const key of message.drop) engines.delete(key);
    engines.set(message.engine, new Engine(message.glossary, message.ledger));
    return;
  }
  let reply: FromScanProcess;
  try {
    const engine = engines.get(message.engine);
    if (!engine) throw new Error(`no engine ${message.engine} in this process`);
    reply = { batch: message.batch, replies: message.files.map((file) => scan(engine, file)) };
  } catch (error) {
    reply = { batch: message.batch, failed: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  process.send!(reply);
});
