/** `s2sc check FILE...`: parse, schema-check and shape-check whole files. */
import { checkProgram } from "../../check/index.js";
import { dedupeDiagnostics, Diagnostics, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { fileStart } from "../../diagnostics/range.js";
import { diskHost } from "../../node/disk-host.js";
import { EXIT, type Io } from "../io.js";
import { reportDiagnostics, type DiagnosticFormat } from "../report.js";

export interface CheckOptions {
  format: DiagnosticFormat;
}

export function runCheck(io: Io, files: readonly string[], opts: CheckOptions): number {
  const host = diskHost(io.cwd);
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, string>();
  let models = 0;
  for (const file of files) {
    const result = checkProgram(file, host);
    diagnostics.push(...result.diagnostics);
    if (result.sources.get(file)?.trim() === "") {
      const d = new Diagnostics();
      d.add("S2S0005", fileStart(file), `${file} is empty`, {
        hint: "a spec declares at least one `model`",
      });
      diagnostics.push(...d.items);
    }
    for (const [path, text] of result.sources) sources.set(path, text);
    models += result.models.length;
  }
  // An imported file shared by two checked files reports its problems once.
  const unique = dedupeDiagnostics(diagnostics);
  reportDiagnostics(io, unique, sources, opts.format);
  const failed = unique.some((d) => d.severity === "error");
  if (opts.format === "text" && !failed) {
    const n = files.length;
    io.stdout(`ok: ${n} file${n === 1 ? "" : "s"}, ${models} model${models === 1 ? "" : "s"}\n`);
  }
  return failed ? EXIT.input : EXIT.ok;
}
