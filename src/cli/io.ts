/**
 * What a command may touch of the outside world. `main` gets the real process; tests
 * pass a recording `Io` and run commands in-process.
 */
import pc from "picocolors";
import { noColors, type Colors } from "../node/index.js";

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  /** Whether stdout/stderr is a terminal (progress bars, colours). */
  isTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
}

export function processIo(): Io {
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    cwd: process.cwd(),
    isTTY: Boolean(process.stderr.isTTY),
    env: process.env,
  };
}

/** Colours on a terminal unless NO_COLOR is set; FORCE_COLOR forces them. */
export function colorsFor(io: Io): Colors {
  const force = io.env["FORCE_COLOR"] !== undefined && io.env["FORCE_COLOR"] !== "0";
  const off = io.env["NO_COLOR"] !== undefined && io.env["NO_COLOR"] !== "";
  if (!force && (off || !io.isTTY)) return noColors;
  const c = pc.createColors(true);
  return { red: c.red, yellow: c.yellow, cyan: c.cyan, bold: c.bold, dim: c.dim };
}

/** The exit codes of cli.md. */
export const EXIT = {
  ok: 0,
  /** The input is wrong (diagnostics printed), or for `diff`, the two differ. */
  input: 1,
  /** Usage, I/O or internal error. */
  usage: 2,
} as const;

/** An `Io` that records what a command prints, for running commands in-process in tests. */
export interface RecordingIo extends Io {
  /** Everything written to stdout so far. */
  readonly out: string;
  /** Everything written to stderr so far. */
  readonly err: string;
}

export function recordingIo(
  cwd: string,
  env: Record<string, string | undefined> = {},
): RecordingIo {
  let out = "";
  let err = "";
  return {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    cwd,
    isTTY: false,
    env,
    get out() {
      return out;
    },
    get err() {
      return err;
    },
  };
}
