/**
 * `scanThreads.ts` in the web bundle: a web worker extension host starts no
 * worker threads, so the corpus index scans on its own thread. The same exports,
 * so the index's code is one.
 */
import type { ScanThreads as NodeScanThreads, ThreadEngine } from './scanThreads';

export type { ThreadEngine };

export class ScanThreadsStopped extends Error {}

export function scanThreadCount(): number {
  return 0;
}

export const ScanThreads = {
  start(): NodeScanThreads | undefined {
    return undefined;
  },
};
