/**
 * Emits one IR graph as a JavaScript function `name(weights, inputs)` returning its
 * outputs by IR name. Every node goes through its lowering in TFJS_LOWERINGS; the
 * statements are grouped under `// layer/path` comments. Parameters are read as
 * `weights["path/name"]`; scalar bool graph inputs (`training`) are host booleans,
 * because they steer JavaScript control flow (dropout on or off), not tensor math.
 */
import type { ConstTensor, Graph, Node, TensorType } from "../../../ir/types.js";
import { formatShape } from "../../../ir/dims.js";
import { TFJS_LOWERINGS } from "../lowering/table.js";
import type { LowerContext } from "../lowering/types.js";
import { preludeNames } from "../prelude/index.js";
import { analyze, type Analysis } from "./analysis.js";
import type { DerivePlan } from "./derive.js";
import { constTensor, str } from "./literal.js";
import { NameTable } from "./names.js";

/** Identifiers of the generated code's own top level and of a graph function's parameters. */
export const RESERVED_NAMES = ["tf", "weights", "inputs", "CONFIG", ...preludeNames()];

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
  readonly names = new NameTable(RESERVED_NAMES);
  readonly analysis: Analysis;

  constructor(
    graph: Graph,
    private readonly params: ReadonlySet<string>,
    private readonly helpers: Set<string>,
    /** Values computed once from the parameters (derive.ts), read from `weights` too. */
    private readonly derived: DerivePlan["names"] = new Map(),
  ) {
    this.analysis = analyze(graph, TFJS_LOWERINGS);
  }

  derivedName(scope: Scope, name: string): string | undefined {
    for (let s: Scope | undefined = scope; s !== undefined; s = s.parent) {
      const d = this.derived.get(s.graph)?.get(name);
      if (d !== undefined) return d;
    }
    return undefined;
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
    if (!this.names.has(name)) throw new LoweringError(`${name} is read before it is defined`);
    return this.names.value(name);
  }

  /** Statements computing the live nodes of `scope.graph`; constants go to `hoisted` when given. */
  nodes(scope: Scope, hoisted?: string[]): string[] {
    const lines: string[] = [];
    const paths = new Map<string[], string>();
    const emit = (to: string[], node: Node) => {
      if (paths.get(to) !== layerPath(node)) {
        paths.set(to, layerPath(node));
        to.push(`// ${layerPath(node)}`);
      }
      to.push(...this.lower(scope, node));
    };
    const derived = this.derived.get(scope.graph);
    for (const node of scope.graph.nodes) {
      if (!this.analysis.live.has(node)) continue;
      const out = node.outputs[0] ?? "";
      if (derived !== undefined && node.outputs.some((o) => derived.has(o))) continue; // in deriveGraph

      if (node.op === "Constant") {
        const c = scope.consts.get(out);
        // Read only at compile time, or inline as a scalar: no tensor to create.
        if (c === undefined || c.dims.length === 0 || !this.analysis.tensorUse.has(out)) continue;
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
    const emitter = this;
    const fail = (message: string): never => {
      throw new LoweringError(`${node.op} at ${node.path}: ${message}`);
    };
    const attr = (name: string) => node.attrs[name];
    let count = node.inputs.length;
    while (count > 0 && node.inputs[count - 1] === "") count--;
    const outputName = (i: number): string | undefined => {
      const name = node.outputs[i];
      return name === undefined || name === "" || !emitter.analysis.used.has(name)
        ? undefined
        : name;
    };
    const ctx: LowerContext = {
      node,
      inputCount: count,
      input(i) {
        const name = node.inputs[i];
        return name === undefined || name === "" ? undefined : emitter.expr(scope, name);
      },
      need(i) {
        return ctx.input(i) ?? fail(`input ${i} is required`);
      },
      host(i) {
        const name = node.inputs[i];
        return name === undefined || name === "" ? undefined : emitter.expr(scope, name, true);
      },
      constant(i) {
        const name = node.inputs[i];
        return name ? scope.constant(name) : undefined;
      },
      constInts(i, what) {
        const c = ctx.constant(i);
        if (c === undefined) fail(`${what} (input ${i}) must be a constant`);
        return c!.data.map((v) => Math.trunc(v));
      },
      inputType(i) {
        const name = node.inputs[i];
        return name ? scope.type(name) : undefined;
      },
      outputType(i) {
        const name = node.outputs[i];
        return (name ? scope.type(name) : undefined) ?? fail(`output ${i} has no type`);
      },
      output(i) {
        const name = outputName(i);
        return name === undefined ? undefined : emitter.names.value(name);
      },
      outputsFrom(expr) {
        const ids = node.outputs.map((_, i) => ctx.output(i) ?? "");
        while (ids.length > 0 && ids[ids.length - 1] === "") ids.pop();
        return `const [${ids.join(", ")}] = ${expr};`;
      },
      assign(expr) {
        return `const ${ctx.output(0) ?? fail("output 0 is not used")} = ${expr};`;
      },
      helper(name) {
        emitter.helpers.add(name);
        return name;
      },
      fresh: (base) => emitter.names.fresh(base),
      int: (name, dflt) => {
        const a = attr(name);
        return a === undefined
          ? dflt
          : a.kind === "int" || a.kind === "float"
            ? a.value
            : fail(`${name} must be a number`);
      },
      float: (name, dflt) => ctx.int(name, dflt),
      string: (name, dflt) => {
        const a = attr(name);
        return a === undefined
          ? dflt
          : a.kind === "string"
            ? a.value
            : fail(`${name} must be a string`);
      },
      ints: (name) => {
        const a = attr(name);
        return a === undefined
          ? undefined
          : a.kind === "ints"
            ? a.value
            : fail(`${name} must be a list of ints`);
      },
      strings: (name) => {
        const a = attr(name);
        return a === undefined
          ? undefined
          : a.kind === "strings"
            ? a.value
            : fail(`${name} must be a list of strings`);
      },
      has: (name) => attr(name) !== undefined,
      graphAttr: (name) => {
        const a = attr(name);
        return a?.kind === "graph" ? a.value : fail(`needs a graph attribute ${name}`);
      },
      body(graph, inputs) {
        const inner = new Scope(graph, scope);
        const lines: string[] = [];
        graph.inputs.forEach((inp, i) => {
          if (emitter.analysis.used.has(inp.name))
            lines.push(`const ${emitter.names.value(inp.name)} = ${inputs[i]};`);
        });
        const hoisted: string[] = [];
        lines.push(...emitter.nodes(inner, hoisted));
        const outputs = graph.outputs.map((o) => emitter.expr(inner, o.name));
        return { hoisted, lines, outputs };
      },
      fail,
    };
    return ctx;
  }
}

function describe(v: { name: string } & TensorType): string {
  return `${v.name}: ${v.dtype}${formatShape(v.shape)}${isHostInput(v) ? " (a JavaScript boolean)" : ""}`;
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
  const body: string[] = [];
  for (const inp of graph.inputs) {
    if (isHostInput(inp)) scope.host.add(inp.name);
    if (!emitter.analysis.used.has(inp.name)) continue;
    const id = emitter.names.value(inp.name);
    body.push(
      isHostInput(inp)
        ? `const ${id} = inputs[${str(inp.name)}] === true;`
        : `const ${id} = inputs[${str(inp.name)}];`,
    );
  }
  body.push(...emitter.nodes(scope));
  const result = graph.outputs.map((o) => `${str(o.name)}: ${emitter.expr(scope, o.name)}`);
  body.push(`return { ${result.join(", ")} };`);
  const doc = [
    `/**`,
    ` * Graph \`${graph.name}\`.`,
    ` * inputs:  ${graph.inputs.map(describe).join(", ")}`,
    ` * outputs: ${graph.outputs.map(describe).join(", ")}`,
    ` */`,
  ];
  return [...doc, `function ${fnName}(weights, inputs) {`, ...body.map((l) => `  ${l}`), `}`].join(
    "\n",
  );
}
