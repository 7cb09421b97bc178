/**
 * A readable text form of the IR, after ONNX's textual syntax:
 *
 *     graph encode(%tokens: int32[B,S]) -> (%memory: float32[B,S,512]) {
 *       %q: float32[B,S,512] = MatMul(%x, %encoder/layer0/q/weight)  # encoder/layer0/q
 *       %y: float32[B,S,64], _ = LSTM(%x, %w, %r) {direction="forward", hidden_size=64}  # encoder/lstm
 *       return %memory
 *     }
 *
 * Values are `%name`; an omitted input or output is `_`. Attributes are sorted by name;
 * graph attributes (Scan bodies) are printed after the node, indented. The output is a
 * function of the module alone, so it can be diffed and used by `--print-ir-after`.
 */
import type {
  Attr,
  ConstTensor,
  Dim,
  Graph,
  IrModule,
  Node,
  Parameter,
  TensorType,
} from "./types.js";

/** Signatures longer than this are written one value per line. */
const WIDTH = 100;

/** Constant tensors longer than this are summarised rather than listed. */
const MAX_LISTED = 16;

export function printModule(m: IrModule): string {
  const out: string[] = [];
  const c = m.config;
  out.push(`module ${m.model}  # ${m.file}, irVersion ${m.irVersion}`);
  const sp = c.specials;
  const max = c.maxLength === undefined ? "" : `, max length ${c.maxLength}`;
  out.push(
    `config: source vocab ${c.sourceVocab}, target vocab ${c.targetVocab}, ` +
      `specials pad=${sp.pad} bos=${sp.bos} eos=${sp.eos} unk=${sp.unk}${max}`,
  );
  for (const s of c.state)
    out.push(`state: ${value(s.name)}: [${s.shape.map(dim).join(",")}] (init ${s.init})`);
  out.push("");
  out.push("params {");
  for (const p of m.params) out.push(`  ${printParam(p)}`);
  out.push("}");
  for (const g of [m.graphs.encode, m.graphs.decode, m.graphs.decode_step]) {
    out.push("");
    out.push(printGraph(g));
  }
  return out.join("\n") + "\n";
}

function printParam(p: Parameter): string {
  const { kind, ...rest } = p.init;
  const args = Object.keys(rest)
    .sort()
    .map((k) => `${k}=${(rest as Record<string, number>)[k]}`)
    .join(", ");
  const init = args === "" ? kind : `${kind}(${args})`;
  const fixed = p.trainable ? "" : ", not trainable";
  return `${value(p.name)}: ${type(p)}  # ${p.role}, ${init}${fixed}`;
}

/** A graph with its nodes; `indent` prefixes every line (for nested bodies). */
export function printGraph(g: Graph, indent = ""): string {
  const decl = (vs: Graph["inputs"]) => vs.map((v) => `${value(v.name)}: ${type(v)}`);
  const ins = decl(g.inputs);
  const outs = decl(g.outputs);
  const flat = `${indent}graph ${g.name}(${ins.join(", ")}) -> (${outs.join(", ")}) {`;
  const lines: string[] = [];
  if (flat.length <= WIDTH) {
    lines.push(flat);
  } else {
    // One value per line when the signature does not fit.
    const list = (vs: string[]) =>
      vs.map((v, i) => `${indent}    ${v}${i < vs.length - 1 ? "," : ""}`);
    lines.push(
      `${indent}graph ${g.name}(`,
      ...list(ins),
      `${indent}) -> (`,
      ...list(outs),
      `${indent}) {`,
    );
  }
  for (const n of g.nodes) lines.push(...printNode(n, g, indent + "  "));
  lines.push(`${indent}  return ${g.outputs.map((v) => value(v.name)).join(", ")}`);
  lines.push(`${indent}}`);
  return lines.join("\n");
}

/** One node: its line, then any graph attributes as indented blocks. */
export function printNode(n: Node, g: Graph, indent = ""): string[] {
  const outs = n.outputs
    .map((o) => {
      if (o === "") return "_";
      const t = g.values[o];
      return t === undefined ? value(o) : `${value(o)}: ${type(t)}`;
    })
    .join(", ");
  const ins = n.inputs.map((i) => (i === "" ? "_" : value(i))).join(", ");
  const names = Object.keys(n.attrs).sort();
  const flat = names.filter((k) => n.attrs[k]!.kind !== "graph");
  const attrs =
    flat.length === 0 ? "" : ` {${flat.map((k) => `${k}=${attr(n.attrs[k]!)}`).join(", ")}}`;
  const lhs = outs === "" ? "" : `${outs} = `;
  const lines = [`${indent}${lhs}${n.op}(${ins})${attrs}  # ${n.path}`];
  for (const k of names) {
    const a = n.attrs[k]!;
    if (a.kind !== "graph") continue;
    const body = printGraph(a.value, indent + "  ");
    lines.push(`${indent}  ${k} = ${body.trimStart()}`);
  }
  return lines;
}

/** `%name`, quoted when the name holds characters outside the usual path alphabet. */
export function value(name: string): string {
  return /^[\w/.:#+-]+$/.test(name) ? `%${name}` : `%${JSON.stringify(name)}`;
}

export function type(t: TensorType): string {
  return `${t.dtype}[${t.shape.map(dim).join(",")}]`;
}

function dim(d: Dim): string {
  return String(d);
}

function num(v: number): string {
  return Number.isFinite(v) ? String(v) : v > 0 ? "inf" : v < 0 ? "-inf" : "nan";
}

function attr(a: Attr): string {
  switch (a.kind) {
    case "int":
      return String(a.value);
    case "float":
      // A float that happens to be whole still reads as a float.
      return Number.isInteger(a.value) ? `${a.value}.0` : num(a.value);
    case "string":
      return JSON.stringify(a.value);
    case "ints":
      return `[${a.value.join(", ")}]`;
    case "floats":
      return `[${a.value.map(num).join(", ")}]`;
    case "strings":
      return `[${a.value.map((s) => JSON.stringify(s)).join(", ")}]`;
    case "tensor":
      return tensor(a.value);
    case "graph":
      return `graph ${a.value.name}`;
  }
}

function tensor(t: ConstTensor): string {
  const head = `${t.dtype}[${t.dims.join(",")}]`;
  if (t.data.length > MAX_LISTED) return `${head} <${t.data.length} values>`;
  return `${head} {${t.data.map(num).join(", ")}}`;
}
