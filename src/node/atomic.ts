/**
 * Atomic file replacement: write a temporary file in the same directory, fsync it, then
 * rename it over the target (atomic on POSIX file systems), then fsync the directory.
 * A kill at any moment leaves either the old file or the new one, never a torn one.
 */
import {
  closeSync,
  fsyncSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";

export interface AtomicWriteOptions {
  /** Called after the first half of the bytes is written (tests kill the process here). */
  onPartial?: () => void;
}

export function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): void {
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  const tmp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}`);
  const fd = openSync(tmp, "w");
  try {
    const half = Math.floor(bytes.length / 2);
    writeAll(fd, bytes.subarray(0, half));
    options.onPartial?.();
    writeAll(fd, bytes.subarray(half));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  try {
    const dfd = openSync(dirname(path), "r");
    try {
      fsyncSync(dfd);
    } finally {
      closeSync(dfd);
    }
  } catch {
    // Some file systems cannot fsync a directory; the rename is still atomic.
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let off = 0;
  while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
}

/** Removes temporary files that a killed writer left in `dir`. */
export function removeStaleTemporaries(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names) if (/^\..+\.tmp-\d+$/.test(n)) rmSync(join(dir, n), { force: true });
}
