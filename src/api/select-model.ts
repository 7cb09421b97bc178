/**
 * Resolves a `FILE[:MODEL]` argument (cli.md) to one checked model: check the file,
 * then take the named model, or the file's only model when no name is given.
 *
 * - a file with several models and no `:MODEL` is S2S0010, with the names in the hint;
 * - an unknown name is S2S0011, with "did you mean" and the names;
 * - a file with no model is S2S0012.
 *
 * The colon is split off only when what follows it is a model name and the whole
 * argument is not itself an existing file, so a path containing `:` still works.
 */
import { checkProgram, closest } from "../check/index.js";
import type { CheckedModel } from "../check/index.js";
import { type Diagnostic, Diagnostics, fileStart } from "../diagnostics/index.js";
import type { SourceHost } from "../source/index.js";

export interface ModelSpec {
  file: string;
  /** The model named after the colon, if any. */
  model?: string;
}

const MODEL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Splits `FILE[:MODEL]`; `isFile` says whether a path names an existing file. */
export function parseModelSpec(spec: string, isFile: (path: string) => boolean): ModelSpec {
  const colon = spec.lastIndexOf(":");
  if (colon <= 0) return { file: spec };
  const file = spec.slice(0, colon);
  const model = spec.slice(colon + 1);
  if (!MODEL_NAME.test(model) || isFile(spec)) return { file: spec };
  return { file, model };
}

/**
 * Picks the model from a file's checked models. Returns the model, or the diagnostic
 * explaining why there is none.
 */
export function pickModel(
  file: string,
  models: readonly CheckedModel[],
  requested: string | undefined,
): { model: CheckedModel } | { diagnostic: Diagnostic } {
  const diags = new Diagnostics();
  const names = models.map((m) => m.name);
  const list = names.map((n) => `\`${n}\``).join(", ");
  const at = fileStart(file);
  if (requested !== undefined) {
    const found = models.find((m) => m.name === requested);
    if (found !== undefined) return { model: found };
    if (models.length === 0) {
      return { diagnostic: diags.add("S2S0012", at, `${file} declares no model`) };
    }
    // Point at the model the name probably meant, when there is one.
    const near = closest(requested, names);
    const range = models.find((m) => m.name === near)?.nameRange ?? at;
    const hint = `${near === undefined ? "" : `did you mean \`${near}\`? `}the models of ${file} are ${list}`;
    return {
      diagnostic: diags.add("S2S0011", range, `${file} has no model \`${requested}\``, { hint }),
    };
  }
  if (models.length === 1) return { model: models[0]! };
  if (models.length === 0) {
    return {
      diagnostic: diags.add("S2S0012", at, `${file} declares no model`, {
        hint: "declare one with `model name { ... }`",
      }),
    };
  }
  return {
    diagnostic: diags.add(
      "S2S0010",
      models[0]!.nameRange,
      `${file} declares ${models.length} models; pick one with ${file}:MODEL`,
      { hint: `the models are ${list}; for example ${file}:${names[names.length - 1]}` },
    ),
  };
}

export interface Selection {
  /** Set when the file checks without errors and the model was found. */
  model?: CheckedModel;
  /** The checker's diagnostics, then the selection's own. */
  diagnostics: Diagnostic[];
  /** Source texts for rendering diagnostics. */
  sources: Map<string, string>;
}

/**
 * Checks the file of `spec` and selects its model. A file with errors selects nothing:
 * like a compiler, s2sc does not go on from a file it could not check.
 */
export function selectModel(
  spec: string,
  host: SourceHost,
  isFile: (path: string) => boolean,
): Selection {
  const { file, model } = parseModelSpec(spec, isFile);
  const checked = checkProgram(file, host);
  const diagnostics = [...checked.diagnostics];
  const sel: Selection = { diagnostics, sources: checked.sources };
  if (diagnostics.some((d) => d.severity === "error")) return sel;
  const picked = pickModel(file, checked.models, model);
  if ("diagnostic" in picked) diagnostics.push(picked.diagnostic);
  else sel.model = picked.model;
  return sel;
}
