/**
 * The detail lines of an op's box at the IR level, after Netron: the op is the title;
 * below it the path (relative to the enclosing cluster), the attributes, the weights and
 * folded constants it reads, and the types it produces. Weights and constants are lines
 * of the box rather than boxes of their own: they would double the picture and each has
 * one reader.
 */
import type { Attr, ConstTensor, Node, Parameter, TensorType } from "../../ir/index.js";

/** Constant tensors with at most this many values are written out. */
const MAX_LISTED = 8;

/** Attribute lines are wrapped at about this many characters. */
const LINE = 40;

export function relativePath(path: string, cluster: string): string | undefined {
  if (path === cluster) return undefined;
  return cluster !== "" && path.startsWith(cluster + "/") ? path.slice(cluster.length + 1) : path;
}

/** `weight [512, 512]`, named relative to the node's path when it is under it. */
export function paramLine(p: Parameter, nodePath: string): string {
  const name = p.name.startsWith(nodePath + "/") ? p.name.slice(nodePath.length + 1) : p.name;
  return `${name} ${dims(p.shape)}`;
}

export function constLine(t: ConstTensor): string {
  if (t.data.length <= MAX_LISTED) {
    const values = t.data.map(num).join(", ");
    return t.dims.length === 0 ? `const ${values}` : `const {${values}}`;
  }
  return `const ${t.dtype}${dims(t.dims)}`;
}

/** The output's type; float32, the common case, is left unsaid. */
export function typeLine(t: TensorType): string {
  const d = dims(t.shape);
  return t.dtype === "float32" ? `→ ${d}` : `→ ${t.dtype}${d}`;
}

/** Non-graph attributes as `name=value`, sorted, wrapped into short lines. */
export function attrLines(n: Node): string[] {
  const parts = Object.keys(n.attrs)
    .sort()
    .flatMap((k) => {
      const a = n.attrs[k]!;
      return a.kind === "graph" ? [] : [`${k}=${attr(a)}`];
    });
  const lines: string[] = [];
  for (const p of parts) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + p.length + 2 <= LINE)
      lines[lines.length - 1] = `${last}, ${p}`;
    else lines.push(p);
  }
  return lines;
}

function attr(a: Exclude<Attr, { kind: "graph" }>): string {
  switch (a.kind) {
    case "int":
    case "float":
      return num(a.value);
    case "string":
      return a.value;
    case "ints":
    case "floats":
      return `[${a.value.map(num).join(", ")}]`;
    case "strings":
      return `[${a.value.join(", ")}]`;
    case "tensor":
      return constLine(a.value).replace(/^const /, "");
  }
}

function dims(d: readonly (number | string)[]): string {
  return `[${d.join(", ")}]`;
}

function num(v: number): string {
  if (Number.isFinite(v)) return String(Number.isInteger(v) ? v : Number(v.toPrecision(6)));
  return Number.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
}
