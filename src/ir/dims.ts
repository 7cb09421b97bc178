/**
 * Symbolic dimensions and polynomial counts.
 *
 * A symbolic dim is a linear expression over symbols (`B`, `S`, `T`, `P`) with an
 * integer constant, written canonically: symbols in sorted order, then the constant
 * (`P+1`, `S+T`, `B`). Counts (MACs, parameters of symbolic size) are polynomials over
 * the same symbols, so `summary` can say "per source token" exactly.
 */
import type { Dim } from "./types.js";

/** A linear form: symbol → coefficient, plus a constant under the key "". */
type Linear = Map<string, number>;

function parseLinear(d: Dim): Linear {
  const m: Linear = new Map();
  if (typeof d === "number") {
    m.set("", d);
    return m;
  }
  for (const raw of d.replace(/\s+/g, "").replace(/-/g, "+-").split("+")) {
    if (raw === "") continue;
    const neg = raw.startsWith("-");
    const term = neg ? raw.slice(1) : raw;
    const star = term.indexOf("*");
    let coef = 1;
    let sym = term;
    if (star >= 0) {
      coef = Number(term.slice(0, star));
      sym = term.slice(star + 1);
    } else if (/^\d+$/.test(term)) {
      coef = Number(term);
      sym = "";
    }
    m.set(sym, (m.get(sym) ?? 0) + (neg ? -coef : coef));
  }
  return m;
}

function formatLinear(m: Linear): Dim {
  const syms = [...m.keys()].filter((k) => k !== "" && m.get(k) !== 0).sort();
  const c = m.get("") ?? 0;
  if (syms.length === 0) return c;
  const parts = syms.map((s) => {
    const k = m.get(s)!;
    return k === 1 ? s : k === -1 ? `-${s}` : `${k}*${s}`;
  });
  let out = parts.join("+").replace(/\+-/g, "-");
  if (c > 0) out += `+${c}`;
  else if (c < 0) out += `${c}`;
  return out;
}

export function isSymbolic(d: Dim): d is string {
  return typeof d === "string";
}

/** Canonical form of a dim (so that equal dims compare equal as values). */
/** A single symbol such as `B` or `S` is already canonical (the common case). */
const PLAIN_SYMBOL = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function normDim(d: Dim): Dim {
  if (typeof d === "number" || PLAIN_SYMBOL.test(d)) return d;
  return formatLinear(parseLinear(d));
}

export function addDims(a: Dim, b: Dim): Dim {
  if (typeof a === "number" && typeof b === "number") return a + b;
  const m = parseLinear(a);
  for (const [k, v] of parseLinear(b)) m.set(k, (m.get(k) ?? 0) + v);
  return formatLinear(m);
}

export function dimsEqual(a: Dim, b: Dim): boolean {
  if (a === b) return true;
  if (typeof a === "number" && typeof b === "number") return false;
  return normDim(a) === normDim(b);
}

export function formatShape(shape: readonly Dim[]): string {
  return `[${shape.join(", ")}]`;
}

/** Evaluates a dim under bindings of its symbols; undefined if a symbol is unbound. */
export function evalDim(d: Dim, env: Readonly<Record<string, number>>): number | undefined {
  if (typeof d === "number") return d;
  let total = 0;
  for (const [k, v] of parseLinear(d)) {
    if (k === "") total += v;
    else {
      const x = env[k];
      if (x === undefined) return undefined;
      total += v * x;
    }
  }
  return total;
}

/**
 * A polynomial over the dim symbols with number coefficients: monomial key (sorted
 * symbols joined by `*`, "" for the constant) → coefficient.
 */
export class Poly {
  private constructor(readonly terms: ReadonlyMap<string, number>) {}

  static zero(): Poly {
    return new Poly(new Map());
  }

  static of(d: Dim | number): Poly {
    if (typeof d === "number") return new Poly(d === 0 ? new Map() : new Map([["", d]]));
    const m = new Map<string, number>();
    for (const [k, v] of parseLinear(d)) if (v !== 0) m.set(k, v);
    return new Poly(m);
  }

  /** The product of dims (e.g. a tensor's element count). */
  static product(dims: readonly Dim[]): Poly {
    return dims.reduce<Poly>((p, d) => p.mul(Poly.of(d)), Poly.of(1));
  }

  add(o: Poly): Poly {
    const m = new Map(this.terms);
    for (const [k, v] of o.terms) {
      const s = (m.get(k) ?? 0) + v;
      if (s === 0) m.delete(k);
      else m.set(k, s);
    }
    return new Poly(m);
  }

  mul(o: Poly): Poly {
    let out = Poly.zero();
    for (const [ka, va] of this.terms) {
      for (const [kb, vb] of o.terms) {
        const syms = [...ka.split("*"), ...kb.split("*")].filter((s) => s !== "").sort();
        out = out.add(new Poly(new Map([[syms.join("*"), va * vb]])));
      }
    }
    return out;
  }

  scale(k: number): Poly {
    return this.mul(Poly.of(k));
  }

  eval(env: Readonly<Record<string, number>>): number {
    let total = 0;
    for (const [k, v] of this.terms) {
      let t = v;
      if (k !== "") for (const s of k.split("*")) t *= env[s] ?? NaN;
      total += t;
    }
    return total;
  }

  isZero(): boolean {
    return this.terms.size === 0;
  }

  /** Readable form, highest degree first: `2048*B*S*T + 512*B*S`. */
  toString(): string {
    if (this.terms.size === 0) return "0";
    const keys = [...this.terms.keys()].sort((a, b) => {
      const da = a === "" ? 0 : a.split("*").length;
      const db = b === "" ? 0 : b.split("*").length;
      return db - da || (a < b ? -1 : a > b ? 1 : 0);
    });
    return keys
      .map((k) => (k === "" ? String(this.terms.get(k)) : `${this.terms.get(k)}*${k}`))
      .join(" + ");
  }

  toJSON(): Record<string, number> {
    return Object.fromEntries([...this.terms.entries()].sort());
  }
}
