/**
 * Emits one IR graph as a JavaScript function `name(weights, inputs)` returning its
 * outputs by IR name. Every node goes through its lowering in TFJS_LOWERINGS; the
 * statements are grouped under `// layer/path` comments. Parameters are read as
 * `weights["path/name"]`; scalar bool graph inputs (`training`) are host booleans,
 * because they steer JavaScript control flow (dropout on or off), not tensor math.
 */
import type { ConstTensor, Graph, Node, TensorType } from "../../../ir/index.js";
import { formatShape } from "../../../ir/index.js";
import { TFJS_LOWERINGS } from "../lowering/table.js";
import type { LowerContext } from "../lowering/types.js";
import { HELPER_NAMES } from "../runtime-lib.generated.js";
import { analyze, type Analysis } from "./analysis.js";
import type { DerivePlan } from "./derive.js";
import { comment, constTensor, str } from "./literal.js";
import { NameTable } from "./names.js";

/**
 * Identifiers of the generated code's own top level (the runtime library's helpers
 * among them, by the names the library exports) and of a graph function's parameters.
 */
export const RESERVED_NAMES = ["tf", "lib", "weights", "inputs", "CONFIG", ...HELPER_NAMES];

export class LoweringError extends Error {}

class Scope {
  readonly consts = new Map<string, ConstTensor>();
  readonly host = new Set<string>();
  constructor(
    readonly graph: Graph,
    readonly parent: Scope | undefined,
  ) {
    for (const n of graph.nodes) {
      const v = n.attrs["value"];
      if (n.op === "Constant" && v?.kind === "tensor" && n.outputs[0])
        this.consts.set(n.outputs[0], v.value);
    }
  }
  constant(name: string): ConstTensor | undefined {
    return this.consts.get(name) ?? this.parent?.constant(name);
  }
  isHost(name: string): boolean {
    return this.host.has(name) || (this.parent?.isHost(name) ?? false);
  }
  type(name: string): TensorType | undefined {
    return this.graph.values[name] ?? this.parent?.type(name);
  }
}

function isHostInput(t: TensorType): boolean {
  return t.dtype === "bool" && t.shape.length === 0;
}

/** The path a comment shows: the node's layer path without the `#n` that makes it unique. */
function layerPath(node: Node): string {
  return node.path.replace(/#\d+$/, "");
}

class FunctionEmitter {
  readonly names: NameTable;
  readonly analysis: Analysis;

  constructor(
    graph: Graph,
    private readonly params: ReadonlySet<string>,
    readonly helpers: Set<string>,
    /** Values computed once from the parameters (derive.ts), read from `weights` too. */
    private readonly derived: DerivePlan["names"] = new Map(),
  ) {
    this.analysis = analyze(graph, TFJS_LOWERINGS, (g, node) => this.isLifted(g, node));
    this.names = new NameTable(RESERVED_NAMES, this.analysis);
  }

  derivedName(scope: Scope, name: string): string | undefined {
    for (let s: Scope | undefined = scope; s !== undefined; s = s.parent) {
      const d = this.derived.get(s.graph)?.get(name);
      if (d !== undefined) return d;
    }
    return undefined;
  }

  /** `node` is computed in deriveGraph: its outputs are read from `weights`. */
  isLifted(graph: Graph, node: Node): boolean {
    const names = this.derived.get(graph);
    return names !== undefined && node.outputs.some((o) => names.has(o));
  }

  /** `name` is read from `weights`: a parameter or a derived value. */
  isWeight(scope: Scope, name: string): boolean {
    return this.params.has(name) || this.derivedName(scope, name) !== undefined;
  }

  /** The expression of value `name` read as a tensor (or as a host value when `host`). */
  expr(scope: Scope, name: string, host = false): string {
    if (this.params.has(name)) return `weights[${str(name)}]`;
    const derived = this.derivedName(scope, name);
    if (derived !== undefined) return `weights[${str(derived)}]`;
    if (scope.isHost(name) !== host) {
      throw new LoweringError(
        host
          ? `${name} must be a scalar bool graph input`
          : `${name} is a host flag and cannot be used as a tensor`,
      );
    }
    const c = scope.constant(name);
    // Scalars are clearer inline (`tf.equal(src, tf.scalar(0, "int32"))`) and cost nothing.
    if (c !== undefined && c.dims.length === 0) return constTensor(c);
    const id = this.names.get(name);
    if (id === undefined) throw new LoweringError(`${name} is read before it is defined`);
    return id;
  }

  /** Statements computing the live nodes of `scope.graph`; constants go to `hoisted` when given. */
  nodes(scope: Scope, hoisted?: string[]): string[] {
    const lines: string[] = [];
    const paths = new Map<string[], string>();
    const emit = (to: string[], node: Node) => {
      const path = layerPath(node);
      if (paths.get(to) !== path) {
        paths.set(to, path);
        to.push(`// ${comment(path)}`);
      }
      // A loop, not push(...): no argument list as long as the lowering's output.
      for (const line of this.lower(scope, node)) to.push(line);
    };
    const nodes = scope.graph.nodes;
    for (let k = 0; k < nodes.length; k++) {
      const node = nodes[k]!;
      if (!this.analysis.isLive(scope.graph, k)) continue;
      const out = node.outputs[0] ?? "";
      if (this.isLifted(scope.graph, node)) continue; // in deriveGraph

      if (node.op === "Constant") {
        const c = scope.consts.get(out);
        // Read only at compile time, or inline as a scalar: no tensor to create.
        if (c === undefined || c.dims.length === 0 || !this.analysis.isTensorUse(out)) continue;
        emit(hoisted ?? lines, node);
        continue;
      }
      emit(lines, node);
    }
    return lines;
  }

  lower(scope: Scope, node: Node): string[] {
    const lowering = TFJS_LOWERINGS[node.op];
    if (lowering === undefined)
      throw new LoweringError(`no tfjs lowering for op ${node.op} (${node.path})`);
    try {
      return lowering.lower(this.context(scope, node));
    } catch (e) {
      if (e instanceof LoweringError) throw e;
      throw new LoweringError(`${node.op} at ${node.path}: ${(e as Error).message}`);
    }
  }

  context(scope: Scope, node: Node): LowerContext {
    return new NodeContext(this, scope, node);
  }
}

/**
 * What a lowering sees of one node. A class, not an object of closures: the emitter
 * makes one per node, and ~25 closures per node were most of what codegen allocated
 * (issue #10: at 600 layers that garbage made the collector copy the growing output
 * again and again).
 */
class NodeContext implements LowerContext {
  readonly inputCount: number;

  constructor(
    private readonly emitter: FunctionEmitter,
    private readonly scope: Scope,
    readonly node: Node,
  ) {
    let count = node.inputs.length;
    while (count > 0 && node.inputs[count - 1] === "") count--;
    this.inputCount = count;
  }

  fail(message: string): never {
    throw new LoweringError(`${this.node.op} at ${this.node.path}: ${message}`);
  }

  private attr(name: string) {
    return this.node.attrs[name];
  }

  private outputName(i: number): string | undefined {
    const name = this.node.outputs[i];
    return name === undefined || name === "" || !this.emitter.analysis.isUsed(name)
      ? undefined
      : name;
  }

  input(i: number): string | undefined {
    const name = this.node.inputs[i];
    return name === undefined || name === "" ? undefined : this.emitter.expr(this.scope, name);
  }

  need(i: number): string {
    return this.input(i) ?? this.fail(`input ${i} is required`);
  }

  isWeight(i: number): boolean {
    const name = this.node.inputs[i];
    return name !== undefined && name !== "" && this.emitter.isWeight(this.scope, name);
  }

  host(i: number): string | undefined {
    const name = this.node.inputs[i];
    return name === undefined || name === ""
      ? undefined
      : this.emitter.expr(this.scope, name, true);
  }

  constant(i: number): ConstTensor | undefined {
    const name = this.node.inputs[i];
    return name ? this.scope.constant(name) : undefined;
  }

  constInts(i: number, what: string): number[] {
    const c = this.constant(i);
    if (c === undefined) this.fail(`${what} (input ${i}) must be a constant`);
    return c!.data.map((v) => Math.trunc(v));
  }

  inputType(i: number): TensorType | undefined {
    const name = this.node.inputs[i];
    return name ? this.scope.type(name) : undefined;
  }

  outputType(i: number): TensorType {
    const name = this.node.outputs[i];
    return (name ? this.scope.type(name) : undefined) ?? this.fail(`output ${i} has no type`);
  }

  output(i: number): string | undefined {
    const name = this.outputName(i);
    return name === undefined ? undefined : this.emitter.names.value(name);
  }

  outputsFrom(expr: string): string {
    const ids = this.node.outputs.map((_, i) => this.output(i) ?? "");
    while (ids.length > 0 && ids[ids.length - 1] === "") ids.pop();
    return `const [${ids.join(", ")}] = ${expr};`;
  }

  assign(expr: string): string {
    return `const ${this.output(0) ?? this.fail("output 0 is not used")} = ${expr};`;
  }

  helper(name: string): string {
    this.emitter.helpers.add(name);
    return name;
  }

  fresh(base: string): string {
    return this.emitter.names.fresh(base);
  }

  /** Attribute numbers are emitted as code, so a non-number (a hand-made module) fails here. */
  int(name: string, dflt: number): number {
    const a = this.attr(name);
    return a === undefined
      ? dflt
      : (a.kind === "int" || a.kind === "float") && typeof a.value === "number"
        ? a.value
        : this.fail(`${name} must be a number`);
  }

  float(name: string, dflt: number): number {
    return this.int(name, dflt);
  }

  string(name: string, dflt: string): string {
    const a = this.attr(name);
    return a === undefined
      ? dflt
      : a.kind === "string"
        ? a.value
        : this.fail(`${name} must be a string`);
  }

  ints(name: string): number[] | undefined {
    const a = this.attr(name);
    return a === undefined
      ? undefined
      : a.kind === "ints" && a.value.every((v) => typeof v === "number")
        ? a.value
        : this.fail(`${name} must be a list of ints`);
  }

  strings(name: string): string[] | undefined {
    const a = this.attr(name);
    return a === undefined
      ? undefined
      : a.kind === "strings"
        ? a.value
        : this.fail(`${name} must be a list of strings`);
  }

  has(name: string): boolean {
    return this.attr(name) !== undefined;
  }

  graphAttr(name: string): Graph {
    const a = this.attr(name);
    return a?.kind === "graph" ? a.value : this.fail(`needs a graph attribute ${name}`);
  }

  body(
    graph: Graph,
    inputs: readonly string[],
  ): { hoisted: string[]; lines: string[]; outputs: string[] } {
    const emitter = this.emitter;
    const inner = new Scope(graph, this.scope);
    const lines: string[] = [];
    graph.inputs.forEach((inp, i) => {
      if (emitter.analysis.isUsed(inp.name))
        lines.push(`const ${emitter.names.value(inp.name)} = ${inputs[i]};`);
    });
    const hoisted: string[] = [];
    for (const line of emitter.nodes(inner, hoisted)) lines.push(line);
    const outputs = graph.outputs.map((o) => emitter.expr(inner, o.name));
    return { hoisted, lines, outputs };
  }
}

/** A graph input or output in the function's doc comment (names from the IR: sanitized). */
function describe(v: { name: string } & TensorType): string {
  const text = `${v.name}: ${v.dtype}${formatShape(v.shape)}`;
  return `${comment(text)}${isHostInput(v) ? " (a JavaScript boolean)" : ""}`;
}

/**
 * The source of `function <fnName>(weights, inputs) { ... }` for `graph`. Used helpers
 * are added to `helpers`.
 */
export function emitGraphFunction(
  graph: Graph,
  fnName: string,
  params: ReadonlySet<string>,
  helpers: Set<string>,
  derived?: DerivePlan["names"],
): string {
  const emitter = new FunctionEmitter(graph, params, helpers, derived);
  const scope = new Scope(graph, undefined);
  // One array for the whole function, indented as it is filled: at 600 layers a graph
  // function has ~30,000 lines, and every extra copy (push(...), map) of an array that
  // long is a large-object allocation (issue #10).
  const lines = [
    `/**`,
    ` * Graph \`${comment(graph.name)}\`.`,
    ` * inputs:  ${graph.inputs.map(describe).join(", ")}`,
    ` * outputs: ${graph.outputs.map(describe).join(", ")}`,
    ` */`,
    `function ${fnName}(weights, inputs) {`,
  ];
  for (const inp of graph.inputs) {
    if (isHostInput(inp)) scope.host.add(inp.name);
    if (!emitter.analysis.isUsed(inp.name)) continue;
    const id = emitter.names.value(inp.name);
    lines.push(
      isHostInput(inp)
        ? `  const ${id} = inputs[${str(inp.name)}] === true;`
        : `  const ${id} = inputs[${str(inp.name)}];`,
    );
  }
  for (const line of emitter.nodes(scope)) lines.push(`  ${line}`);
  const result = graph.outputs.map((o) => `${str(o.name)}: ${emitter.expr(scope, o.name)}`);
  lines.push(`  return { ${result.join(", ")} };`, "}");
  return lines.join("\n");
}
