/**
 * `scanProcesses.ts` in the web bundle: a web worker extension host starts no
 * processes, so the corpus index scans on its own thread. The same exports,
 * so the index's code is one.
 */
import type { ScanProcesses as NodeScanProcesses, ScanEngine } from './scanProcesses';

export type { ScanEngine };

export class ScanProcessesStopped extends Error {}

export function scanProcessCount(): number {
  return 0;
}

export const ScanProcesses = {
  start(): NodeScanProcesses | undefined {
    return undefined;
  },
};
