/**
 * The checked models a `FILE[:MODEL]` argument names without elaborating them: the one
 * after the colon, or every model of the file (what `diff --canonical` prints, since a
 * git textconv sees whole files, which may declare several models).
 */
import { checkProgram, type CheckedModel } from "../check/index.js";
import type { Diagnostic } from "../diagnostics/index.js";
import type { SourceHost } from "../source/index.js";
import { parseModelSpec, selectModel } from "./select-model.js";

export interface ModelsSelection {
  /** Set when the file checks without errors (and the named model, if any, was found). */
  models?: CheckedModel[];
  diagnostics: Diagnostic[];
  sources: Map<string, string>;
}

export function selectModels(
  spec: string,
  host: SourceHost,
  isFile: (path: string) => boolean,
): ModelsSelection {
  const { file, model } = parseModelSpec(spec, isFile);
  if (model !== undefined) {
    const { model: picked, ...sel } = selectModel(spec, host, isFile);
    return picked === undefined ? sel : { ...sel, models: [picked] };
  }
  const checked = checkProgram(file, host);
  const sel = { diagnostics: [...checked.diagnostics], sources: checked.sources };
  return sel.diagnostics.some((d) => d.severity === "error")
    ? sel
    : { ...sel, models: checked.models };
}
