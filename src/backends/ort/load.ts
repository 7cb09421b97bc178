/**
 * onnxruntime-node, imported on first use so that commands which do not need it never
 * load its native binding. A missing or broken install (no prebuilt binary for this
 * platform, a failed native load) becomes an OrtUnavailableError with the reason and
 * what to do, which the CLI prints without a stack trace.
 */
export type Ort = typeof import("onnxruntime-node");

export class OrtUnavailableError extends Error {}

let loaded: Promise<Ort> | undefined;

export function loadOrt(): Promise<Ort> {
  loaded ??= import("onnxruntime-node").catch((e: unknown) => {
    loaded = undefined;
    const why = e instanceof Error ? e.message.split("\n")[0] : String(e);
    throw new OrtUnavailableError(
      `ONNX Runtime (onnxruntime-node) cannot be loaded: ${why}\n` +
        "reinstall the dependencies with `npm ci` (the CPU binary for linux, macOS and Windows ships in the package), or use --backend tfjs or interp",
    );
  });
  return loaded;
}
