/**
 * The IR verifier: checks every invariant the rest of the compiler relies on and returns
 * the problems as strings, each naming where it was found. It never throws, so a pass,
 * the JSON loader and tests can all call it on anything.
 *
 * What a module must satisfy:
 * - SSA: every value is defined once — a graph input, a parameter or one node output —
 *   and defined before it is used, in node order. A Scan body may read values of the
 *   enclosing graph defined before the Scan node, and parameters.
 * - Ops: every node's op is in the op table, with input/output counts in range, required
 *   inputs present, required attributes present, and every attribute of the declared kind.
 * - Types: `graph.values` types every value a graph defines or reads, and nothing else;
 *   each node output's type equals what the op's shape rule gives (shape inference is
 *   re-run over the graph, with the constants of Constant nodes).
 * - Scan: state inputs match the body's state inputs and outputs; scan inputs match the
 *   body's slice inputs; bodies are verified recursively.
 * - Module: graph outputs defined, parameters unique with positive integer shapes,
 *   decode_step's state pairs named by the config exist.
 */
import type { ValueLookup } from "./builder.js";
import { opDef, type OpDef } from "./ops/index.js";
import type { ConstTensor, Graph, IrModule, Node, TensorType } from "./types.js";
import {
  attrValueProblem,
  dimProblem,
  DTYPES,
  formatType,
  quote,
  typeProblem,
  typesEqual,
} from "./verify-values.js";

export { typesEqual } from "./verify-values.js";

const ENTRY_POINTS = ["encode", "decode", "decode_step"] as const;

/** Verifies a whole module; an empty list means it is well formed. */
export function verifyModule(m: IrModule): string[] {
  const problems: string[] = [];
  guarded(problems, "module", () => {
    if (m.irVersion !== 1) problems.push(`module: irVersion is ${String(m.irVersion)}, expected 1`);
    const params = verifyParams(m, problems);
    verifyConfig(m, problems);
    for (const name of Object.keys(m.graphs)) {
      if (!(ENTRY_POINTS as readonly string[]).includes(name)) {
        problems.push(`module: unknown entry point graph ${quote(name)}`);
      }
    }
    for (const ep of ENTRY_POINTS) {
      const g = m.graphs[ep];
      if (g === undefined) problems.push(`module: the ${ep} graph is missing`);
      else verifyGraphInto(g, params, `graph ${ep}`, problems);
    }
    verifyLayers(m, problems);
  });
  return problems;
}

/**
 * Verifies one graph whose free names (parameters, and for a body the enclosing graph's
 * values) are typed by `outer`.
 */
export function verifyGraph(g: Graph, outer: ValueLookup, where = `graph ${g.name}`): string[] {
  const problems: string[] = [];
  guarded(problems, where, () => verifyGraphInto(g, outer, where, problems));
  return problems;
}

/** Runs `f`, turning an unexpected exception into a problem: the verifier never throws. */
function guarded(problems: string[], where: string, f: () => void): void {
  try {
    f();
  } catch (e) {
    problems.push(`${where}: malformed IR (${e instanceof Error ? e.message : String(e)})`);
  }
}

// ---- parameters, config, layers -----------------------------------------------------

/** Checks the parameter table and returns a lookup of parameter types for the graphs. */
function verifyParams(m: IrModule, problems: string[]): ValueLookup {
  const types = new Map<string, TensorType>();
  for (const p of m.params) {
    const where = `parameter ${quote(p.name)}`;
    if (types.has(p.name)) problems.push(`${where}: declared more than once`);
    if (!p.name.startsWith(p.path + "/")) {
      problems.push(`${where}: name does not start with its path ${quote(p.path + "/")}`);
    }
    if (!DTYPES.includes(p.dtype))
      problems.push(`${where}: unknown dtype ${quote(String(p.dtype))}`);
    if (!p.shape.every((d) => Number.isInteger(d) && d > 0)) {
      problems.push(`${where}: shape [${p.shape.join(", ")}] must hold positive integers`);
    }
    types.set(p.name, { dtype: p.dtype, shape: [...p.shape] });
  }
  return { typeOf: (n) => types.get(n), constOf: () => undefined };
}

function verifyConfig(m: IrModule, problems: string[]): void {
  const c = m.config;
  for (const key of ["sourceVocab", "targetVocab"] as const) {
    if (!Number.isInteger(c[key]) || c[key] <= 0) {
      problems.push(`config: ${key} ${c[key]} is not a positive integer`);
    }
  }
  for (const [name, id] of Object.entries(c.specials)) {
    if (!Number.isInteger(id) || id < 0)
      problems.push(`config: special token ${name} has bad id ${id}`);
  }
  // types.ts: each state is an input of decode and decode_step, `next/<name>` is the
  // output of decode_step that updates it, and `encoder` states are outputs of encode.
  const seen = new Set<string>();
  for (const s of c.state) {
    const where = `config: state ${quote(s.name)}`;
    if (seen.has(s.name)) problems.push(`${where}: listed more than once`);
    seen.add(s.name);
    for (const d of s.shape) {
      const p = dimProblem(d);
      if (p !== undefined) problems.push(`${where}: shape: ${p}`);
    }
    const find = (g: Graph | undefined, side: "inputs" | "outputs", name: string) =>
      g?.[side].find((v) => v.name === name);
    for (const ep of ["decode", "decode_step"] as const) {
      if (m.graphs[ep] !== undefined && find(m.graphs[ep], "inputs", s.name) === undefined) {
        problems.push(`${where}: is not an input of ${ep}`);
      }
    }
    const input = find(m.graphs.decode_step, "inputs", s.name);
    if (input !== undefined && !typesEqual(input, { dtype: input.dtype, shape: s.shape })) {
      problems.push(
        `${where}: has shape [${s.shape.join(",")}] but decode_step takes ${formatType(input)}`,
      );
    }
    const next = `next/${s.name}`;
    const output = find(m.graphs.decode_step, "outputs", next);
    if (m.graphs.decode_step !== undefined && output === undefined) {
      problems.push(`${where}: decode_step has no output ${quote(next)}`);
    }
    // A cache grows by one position per step (P -> P+1), so only dtype and rank must agree.
    if (
      input &&
      output &&
      (input.dtype !== output.dtype || input.shape.length !== output.shape.length)
    ) {
      problems.push(
        `${where}: goes in as ${formatType(input)} but ${quote(next)} is ${formatType(output)}`,
      );
    }
    if (
      s.init === "encoder" &&
      m.graphs.encode !== undefined &&
      find(m.graphs.encode, "outputs", s.name) === undefined
    ) {
      problems.push(`${where}: starts from the encoder but is not an output of encode`);
    }
  }
}

function verifyLayers(m: IrModule, problems: string[]): void {
  const seen = new Set<string>();
  for (const l of m.layers) {
    const where = `layer ${quote(l.path)}`;
    if (seen.has(l.path)) problems.push(`${where}: listed more than once`);
    seen.add(l.path);
    if (!Number.isInteger(l.params) || l.params < 0)
      problems.push(`${where}: params ${l.params} is not a count`);
    for (const d of l.outputShape) {
      const p = dimProblem(d);
      if (p !== undefined) problems.push(`${where}: output shape: ${p}`);
    }
  }
}

// ---- graphs -------------------------------------------------------------------------

/** What one graph sees while it is being verified. */
interface GraphState {
  where: string;
  problems: string[];
  graph: Graph;
  outer: ValueLookup;
  /** Values defined in this graph so far, with their true (inferred) types. */
  local: Map<string, TensorType>;
  consts: Map<string, ConstTensor>;
  /** Outer names this graph reads. */
  read: Set<string>;
  /** Which node (index) defines each name, to tell "used before defined" from "undefined". */
  definedAt: Map<string, number>;
}

function verifyGraphInto(g: Graph, outer: ValueLookup, where: string, problems: string[]): void {
  const st: GraphState = {
    where,
    problems,
    graph: g,
    outer,
    local: new Map(),
    consts: new Map(),
    read: new Set(),
    definedAt: new Map(),
  };
  g.nodes.forEach((n, i) =>
    n.outputs.forEach((o) => o !== "" && !st.definedAt.has(o) && st.definedAt.set(o, i)),
  );

  for (const vi of g.inputs) {
    const t = { dtype: vi.dtype, shape: vi.shape };
    const p = typeProblem(t);
    if (p !== undefined) problems.push(`${where}: input ${quote(vi.name)}: ${p}`);
    define(st, vi.name, t, `${where}: input ${quote(vi.name)}`);
  }
  g.nodes.forEach((n, i) => verifyNode(st, n, i));
  for (const vo of g.outputs) {
    const t = lookup(st, vo.name);
    if (t === undefined) {
      problems.push(`${where}: output ${quote(vo.name)} is not defined`);
    } else if (!typesEqual(t, vo)) {
      problems.push(
        `${where}: output ${quote(vo.name)} is declared ${formatType(vo)} but is ${formatType(t)}`,
      );
    }
  }
  for (const name of Object.keys(g.values)) {
    if (!st.local.has(name) && !st.read.has(name)) {
      problems.push(
        `${where}: values types ${quote(name)}, which the graph neither defines nor reads`,
      );
    }
  }
}

/**
 * Records a definition of `name` with its true type `t`, and checks it against the
 * graph's `values` entry.
 */
function define(st: GraphState, name: string, t: TensorType, where: string): void {
  if (st.local.has(name) || st.outer.typeOf(name) !== undefined) {
    st.problems.push(`${where}: ${quote(name)} is defined more than once (SSA)`);
  }
  st.local.set(name, t);
  const declared = st.graph.values[name];
  if (declared === undefined) {
    st.problems.push(`${where}: ${quote(name)} has no entry in values`);
  } else if (!typesEqual(declared, t)) {
    st.problems.push(
      `${where}: values types ${quote(name)} as ${formatType(declared)} but it is ${formatType(t)}`,
    );
  }
}

/** The type of a visible name (local first, then outer scope), noting outer reads. */
function lookup(st: GraphState, name: string): TensorType | undefined {
  const t = st.local.get(name);
  if (t !== undefined) return t;
  const o = st.outer.typeOf(name);
  if (o === undefined) return undefined;
  if (!st.read.has(name)) {
    st.read.add(name);
    const declared = st.graph.values[name];
    if (declared === undefined) {
      st.problems.push(
        `${st.where}: reads ${quote(name)} from the enclosing scope but values does not type it`,
      );
    } else if (!typesEqual(declared, o)) {
      st.problems.push(
        `${st.where}: values types outer ${quote(name)} as ${formatType(declared)} but it is ${formatType(o)}`,
      );
    }
  }
  return o;
}

/** Names and constants visible inside a body nested at the current point of `st`. */
function scopeAt(st: GraphState): ValueLookup {
  const local = new Map(st.local);
  const consts = new Map(st.consts);
  return {
    typeOf: (n) => local.get(n) ?? st.outer.typeOf(n),
    constOf: (n) => consts.get(n) ?? st.outer.constOf(n),
  };
}

function verifyNode(st: GraphState, n: Node, index: number): void {
  const where = `${st.where}, node #${index} ${n.op} (${n.path})`;
  const problems = st.problems;
  const def = opDef(n.op);
  if (typeof n.path !== "string" || n.path === "") problems.push(`${where}: node has no path`);
  if (def === undefined) {
    problems.push(`${where}: unknown op ${quote(n.op)}`);
    // Still define its outputs so that later nodes do not report them as undefined.
    defineUninferred(st, n, where);
    return;
  }
  checkArity(def, n, where, problems);
  checkAttrs(def, n, where, problems, () => scopeAt(st));

  const types: (TensorType | undefined)[] = n.inputs.map((name, i) => {
    if (name === "") return undefined;
    const t = lookup(st, name);
    if (t === undefined) {
      const at = st.definedAt.get(name);
      problems.push(
        at !== undefined && at >= index
          ? `${where}: input ${i} ${quote(name)} is used before it is defined (by node #${at})`
          : `${where}: input ${i} ${quote(name)} is not defined`,
      );
    }
    return t;
  });
  if (types.some((t, i) => t === undefined && n.inputs[i] !== "")) {
    defineUninferred(st, n, where);
    return;
  }
  const consts = n.inputs.map((name) =>
    name === "" ? undefined : (st.consts.get(name) ?? st.outer.constOf(name)),
  );
  let inferred: TensorType[];
  try {
    inferred = def.infer({ inputs: types, attrs: n.attrs, consts });
  } catch (e) {
    problems.push(`${where}: shape inference fails: ${e instanceof Error ? e.message : String(e)}`);
    defineUninferred(st, n, where);
    return;
  }
  if (n.op === "Scan") checkScan(n, types, where, problems);
  n.outputs.forEach((o, i) => {
    if (o === "") return;
    const t = inferred[i];
    if (t === undefined) {
      problems.push(
        `${where}: output ${i} ${quote(o)} does not exist (the op gives ${inferred.length})`,
      );
      defineUninferred(st, { ...n, outputs: [o] }, where);
      return;
    }
    define(st, o, t, where);
  });
  if (n.op === "Constant") {
    const v = n.attrs["value"];
    if (v?.kind === "tensor" && n.outputs[0]) st.consts.set(n.outputs[0], v.value);
  }
}

/** Defines a node's outputs with their declared types when inference cannot run. */
function defineUninferred(st: GraphState, n: Node, where: string): void {
  for (const o of n.outputs) {
    if (o === "") continue;
    const declared = st.graph.values[o];
    if (st.local.has(o) || st.outer.typeOf(o) !== undefined) {
      st.problems.push(`${where}: ${quote(o)} is defined more than once (SSA)`);
    }
    if (declared === undefined) st.problems.push(`${where}: ${quote(o)} has no entry in values`);
    st.local.set(o, declared ?? { dtype: "float32", shape: [] });
  }
}

function checkArity(def: OpDef, n: Node, where: string, problems: string[]): void {
  const [imin, imax] = def.inputs;
  const [omin, omax] = def.outputs;
  if (n.inputs.length < imin || n.inputs.length > imax) {
    problems.push(`${where}: has ${n.inputs.length} inputs, ${n.op} takes ${range(imin, imax)}`);
  }
  for (let i = 0; i < Math.min(imin, n.inputs.length); i++) {
    if (n.inputs[i] === "") problems.push(`${where}: required input ${i} is omitted`);
  }
  if (n.outputs.length < omin || n.outputs.length > omax) {
    problems.push(`${where}: has ${n.outputs.length} outputs, ${n.op} gives ${range(omin, omax)}`);
  }
  if (n.outputs.every((o) => o === "") && n.outputs.length > 0) {
    problems.push(`${where}: every output is omitted`);
  }
}

function range(min: number, max: number): string {
  if (min === max) return String(min);
  return max === Infinity ? `at least ${min}` : `${min} to ${max}`;
}

// ---- attributes ---------------------------------------------------------------------

function checkAttrs(
  def: OpDef,
  n: Node,
  where: string,
  problems: string[],
  /** The scope a nested graph sees (built only when there is one: it copies the locals). */
  scope: () => ValueLookup,
): void {
  for (const [name, spec] of Object.entries(def.attrs)) {
    if (spec.required && n.attrs[name] === undefined)
      problems.push(`${where}: missing required attribute ${name}`);
  }
  for (const [name, a] of Object.entries(n.attrs)) {
    const spec = def.attrs[name];
    if (spec === undefined) {
      problems.push(`${where}: ${n.op} has no attribute ${name}`);
      continue;
    }
    // The shape rules read float attributes with `floatAttr`, which accepts ints too.
    const ok = a.kind === spec.kind || (spec.kind === "float" && a.kind === "int");
    if (!ok) problems.push(`${where}: attribute ${name} is ${a.kind}, expected ${spec.kind}`);
    const p = attrValueProblem(a);
    if (p !== undefined) problems.push(`${where}: attribute ${name}: ${p}`);
    if (a.kind === "graph") {
      problems.push(
        ...verifyGraph(a.value, scope(), `${where}, ${name} graph ${quote(a.value.name)}`),
      );
    }
  }
}

// ---- Scan ---------------------------------------------------------------------------

/**
 * What Scan's shape rule does not check: that the body's inputs take what the Scan
 * feeds them, and that each state comes back with the type it went in with.
 */
function checkScan(
  n: Node,
  types: readonly (TensorType | undefined)[],
  where: string,
  problems: string[],
): void {
  const b = n.attrs["body"];
  if (b?.kind !== "graph") return;
  const body = b.value;
  const numScan = n.attrs["num_scan_inputs"];
  const axesAttr = n.attrs["scan_input_axes"];
  const m = numScan?.kind === "int" ? numScan.value : 1;
  const axes = axesAttr?.kind === "ints" ? axesAttr.value : [];
  const states = n.inputs.length - m;
  body.inputs.forEach((bi, i) => {
    const t = types[i];
    if (t === undefined) return;
    let fed: TensorType = t;
    if (i >= states) {
      const axis = axes[i - states] ?? 0;
      const shape = [...t.shape];
      shape.splice(axis < 0 ? axis + shape.length : axis, 1);
      fed = { dtype: t.dtype, shape };
    }
    if (!typesEqual(fed, bi)) {
      const what = i < states ? `state ${i}` : `scan input ${i - states}`;
      problems.push(`${where}: ${what} is ${formatType(fed)} but the body takes ${formatType(bi)}`);
    }
  });
  for (let i = 0; i < states && i < body.outputs.length && i < body.inputs.length; i++) {
    if (!typesEqual(body.inputs[i]!, body.outputs[i]!)) {
      problems.push(
        `${where}: body state ${i} goes in as ${formatType(body.inputs[i]!)} but comes out as ${formatType(body.outputs[i]!)}`,
      );
    }
  }
  if (body.outputs.length < states)
    problems.push(`${where}: body returns fewer outputs than there are states`);
}
