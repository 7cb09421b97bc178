/**
 * State shared while elaborating one model: the parameter table (visible to every
 * graph), the layer table for `summary`, unique value names, and the diagnostics.
 */
import type { Code, SourceRange } from "../diagnostics/index.js";
import { Diagnostics, type Related } from "../diagnostics/index.js";
import { uniqueNames, type ValueLookup } from "../ir/index.js";
import type {
  ConstTensor,
  Dim,
  Init,
  LayerInfo,
  Parameter,
  ParamRole,
  TensorType,
} from "../ir/index.js";

/** Stops elaboration of a model after a diagnostic has been recorded. */
export class ElaborationStop extends Error {}

export class ElabContext implements ValueLookup {
  readonly params: Parameter[] = [];
  private readonly byName = new Map<string, Parameter>();
  private readonly types = new Map<string, TensorType>();
  readonly layers: LayerInfo[] = [];
  private readonly layerPaths = new Set<string>();
  /**
   * Trainable elements declared so far under each path prefix (`decoder`,
   * `decoder/layer3`, ...), kept as parameters are declared so that a layer's row costs
   * O(depth of its path) rather than a scan of every parameter — that scan made
   * elaboration quadratic in the number of layers.
   */
  private readonly trainableUnder = new Map<string, number>();
  readonly names = uniqueNames();
  readonly diagnostics = new Diagnostics();
  /**
   * The entry point being built. The decoder is elaborated once per entry point
   * (decode, decode_step); a parameter declared again in a later entry point is the
   * same weight, while one declared twice in the same entry point is a bug.
   */
  private epoch = 0;
  private readonly paramEpoch = new Map<string, number>();

  beginEntryPoint(): void {
    this.epoch++;
  }

  typeOf(name: string): TensorType | undefined {
    return this.types.get(name);
  }

  constOf(_name: string): ConstTensor | undefined {
    return undefined;
  }

  /** Declares a parameter `path/local` and returns its value name. */
  param(
    path: string,
    local: string,
    shape: number[],
    init: Init,
    role: ParamRole,
    range: SourceRange | undefined,
    trainable = true,
  ): string {
    const name = `${path}/${local}`;
    const existing = this.byName.get(name);
    if (existing !== undefined) {
      if (this.paramEpoch.get(name) === this.epoch || existing.shape.join() !== shape.join()) {
        throw new Error(`internal: parameter ${name} declared twice`);
      }
      return name;
    }
    this.paramEpoch.set(name, this.epoch);
    const p: Parameter = { name, path, dtype: "float32", shape, init, role, trainable };
    if (range !== undefined) p.range = range;
    this.params.push(p);
    this.byName.set(name, p);
    if (trainable) {
      const size = shape.reduce((a, b) => a * b, 1);
      for (let i = path.indexOf("/"); ; i = path.indexOf("/", i + 1)) {
        const prefix = i < 0 ? path : path.slice(0, i);
        this.trainableUnder.set(prefix, (this.trainableUnder.get(prefix) ?? 0) + size);
        if (i < 0) break;
      }
    }
    // One type object per parameter: graphs look parameters up for every node.
    this.types.set(name, { dtype: p.dtype, shape: [...shape] });
    return name;
  }

  /** Adds a row to the layer table; its parameters are those declared under `path`. */
  layer(path: string, kind: string, outputShape: Dim[], range: SourceRange | undefined): void {
    // Rows come from the first entry point that builds the layer.
    if (this.layerPaths.has(path)) return;
    this.layerPaths.add(path);
    const params = this.trainableUnder.get(path) ?? 0;
    const row: LayerInfo = { path, kind, outputShape, params };
    if (range !== undefined) row.range = range;
    this.layers.push(row);
  }

  /** Records an error and stops elaborating this model. */
  fail(
    code: Code,
    range: SourceRange,
    message: string,
    hint?: string,
    related: Related[] = [],
  ): never {
    this.diagnostics.add(code, range, message, {
      ...(hint === undefined ? {} : { hint }),
      related,
    });
    throw new ElaborationStop(message);
  }
}
