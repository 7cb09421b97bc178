/**
 * Replacing a file's contents atomically, for `s2sc fmt --write`: the new text goes to
 * a temporary file in the same directory (so the rename stays on one file system),
 * is flushed to disk, gets the original's permissions, and is renamed over the
 * original. A crash or a full disk leaves either the old file or the new one, never
 * half of each. A symbolic link is followed, so the link stays a link.
 */
import { randomBytes } from "node:crypto";
import {
  closeSync,
  fsyncSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  chmodSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";

export function writeFileAtomically(path: string, text: string): void {
  const target = realpathSync(path);
  const mode = statSync(target).mode & 0o7777;
  const temp = join(
    dirname(target),
    `.${basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`,
  );
  try {
    const fd = openSync(temp, "wx", 0o600);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    chmodSync(temp, mode);
    renameSync(temp, target);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}
