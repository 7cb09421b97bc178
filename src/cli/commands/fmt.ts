/**
 * `s2sc fmt [--check | --write] FILE...`: formats whole files with the project's
 * prettier plugin (src/format), under each file's prettier configuration.
 *
 * - without a flag, prints the formatted text on stdout;
 * - `--check` lists the files that would change and exits 1 if any would;
 * - `--write` rewrites the files that change, atomically (fmt-write.ts).
 *
 * A file that is not a spec or has syntax errors is reported with diagnostics (exit 1)
 * and left untouched, and one that cannot be read at all (missing, a directory, no
 * permission) exits 2; the other files are still formatted. A formatter bug that
 * would change a file's meaning is an internal error (exit 2), and the file is left
 * untouched too.
 */
import { Option, type Command } from "commander";
import { formatFile } from "../../node/index.js";
import { hasUnreadableFile } from "../exit-code.js";
import { EXIT, type Io } from "../io.js";
import { reportDiagnostics } from "../report.js";
import { writeFileAtomically } from "./fmt-write.js";
import { isAbsolute, resolve } from "node:path";

export interface FmtOptions {
  check?: boolean;
  write?: boolean;
}

/** Adds `fmt` to the program; `setExit` receives the command's exit code. */
export function registerFmt(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command("fmt")
    .description("format .s2s files with the project's prettier plugin")
    .argument("<files...>", "the .s2s files to format")
    .addOption(new Option("--check", "exit 1 if a file is not formatted; change nothing"))
    .addOption(new Option("--write", "rewrite files in place").conflicts("check"))
    .action(async (files: string[], opts: FmtOptions) => {
      setExit(await runFmt(io, files, opts));
    });
}

/** `unreadable`: the file system did not hand the file over (an I/O error, exit 2). */
type FileResult = "unchanged" | "changed" | "bad-input" | "unreadable" | "failed";

export async function runFmt(io: Io, files: readonly string[], opts: FmtOptions): Promise<number> {
  const results: FileResult[] = [];
  for (const file of files) results.push(await fmtFile(io, file, opts));
  const count = (r: FileResult) => results.filter((x) => x === r).length;
  if (opts.check || opts.write) {
    const failed = count("bad-input") + count("unreadable") + count("failed");
    io.stdout(summary(count("changed"), count("unchanged"), failed, opts));
  }
  if (count("failed") + count("unreadable") > 0) return EXIT.usage;
  if (count("bad-input") > 0) return EXIT.input;
  return opts.check && count("changed") > 0 ? EXIT.input : EXIT.ok;
}

async function fmtFile(io: Io, file: string, opts: FmtOptions): Promise<FileResult> {
  const path = isAbsolute(file) ? file : resolve(io.cwd, file);
  const outcome = await formatFile(file, { cwd: io.cwd });
  if (outcome.diagnostics.some((d) => d.severity === "error")) {
    const sources = new Map(outcome.source === undefined ? [] : [[file, outcome.source]]);
    reportDiagnostics(io, outcome.diagnostics, sources, "text");
    return hasUnreadableFile(outcome.diagnostics) ? "unreadable" : "bad-input";
  }
  if (outcome.error !== undefined) {
    io.stderr(
      `s2sc: internal error: formatting ${file} would change its meaning; it was left as it is\n` +
        "please report this with the file\n",
    );
    return "failed";
  }
  if (opts.check) {
    if (outcome.changed) io.stdout(`would reformat ${file}\n`);
  } else if (opts.write) {
    if (!outcome.changed) return "unchanged";
    try {
      writeFileAtomically(path, outcome.text);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      io.stderr(`s2sc: cannot write ${file}: ${err.code ?? err.message}\n`);
      return "failed";
    }
    io.stdout(`reformatted ${file}\n`);
  } else {
    io.stdout(outcome.text);
  }
  return outcome.changed ? "changed" : "unchanged";
}

function summary(changed: number, unchanged: number, failed: number, opts: FmtOptions): string {
  const files = (n: number) => `${n} file${n === 1 ? "" : "s"}`;
  const verb = opts.check ? "would be reformatted" : "reformatted";
  const errors = failed > 0 ? `, ${files(failed)} not formatted (errors above)` : "";
  return `${files(changed)} ${verb}, ${files(unchanged)} already formatted${errors}\n`;
}
