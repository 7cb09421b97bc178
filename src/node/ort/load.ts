/**
 * onnxruntime-node, imported on first use so that commands which do not need it never
 * load its native binding. It is an optional peer dependency (its binaries are large and
 * only `--backend ort` needs them), so a missing package is an expected state, not a
 * broken install. Either way the failure becomes an OrtUnavailableError whose message is
 * one line saying what to do, which the CLI prints without a stack trace.
 */
import type { Ort } from "./types.js";

export type { Ort } from "./types.js";

export class OrtUnavailableError extends Error {}

const PACKAGE = "onnxruntime-node";

let loaded: Promise<Ort> | undefined;

export function loadOrt(): Promise<Ort> {
  // The annotation checks that the real module fits the declared types (types.ts).
  loaded ??= import("onnxruntime-node")
    .then((ort): Ort => ort)
    .catch((e: unknown) => {
      loaded = undefined;
      throw new OrtUnavailableError(unavailableMessage(e));
    });
  return loaded;
}

/** The one-line message for a failed import of onnxruntime-node (exported for its test). */
export function unavailableMessage(e: unknown): string {
  if (isMissingPackage(e)) {
    return `--backend ort needs ONNX Runtime, an optional dependency that is not installed: add it with \`npm install ${PACKAGE}\`, or use --backend tfjs or interp`;
  }
  const why = e instanceof Error ? (e.message.split("\n")[0] ?? "") : String(e);
  return `ONNX Runtime (${PACKAGE}) cannot be loaded: ${why}; reinstall it with \`npm install ${PACKAGE}\` (the CPU binary for linux, macOS and Windows ships in the package), or use --backend tfjs or interp`;
}

/**
 * Node's resolver says ERR_MODULE_NOT_FOUND for a package that is absent; a package that
 * is present but whose own imports fail says the same code with another name, so the
 * message must name this package too.
 */
function isMissingPackage(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const code = (e as { code?: unknown }).code;
  const notFound = code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND";
  return notFound && new RegExp(`['"]${PACKAGE}['"]`).test(e.message);
}
