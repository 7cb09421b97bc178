/**
 * JavaScript identifiers for IR value names. A value keeps its IR name as far as
 * JavaScript allows (`decoder/layer0/lstm/Reshape_1` → `decoder_layer0_lstm_Reshape_1`)
 * so that the generated code can be read next to the IR; clashes get a numeric suffix.
 */

const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false " +
    "finally for function if import in instanceof new null return super switch this throw true try " +
    "typeof var void while with yield let static implements interface package private protected " +
    "public await async arguments eval undefined NaN Infinity Math Object Array Error JSON Number " +
    "String Promise Symbol Map Set URL process globalThis"
  ).split(" "),
);

export function sanitize(name: string): string {
  let id = name.replace(/[^A-Za-z0-9_$]/g, "_");
  if (id === "" || /^[0-9]/.test(id)) id = `_${id}`;
  if (RESERVED.has(id)) id = `${id}_`;
  return id;
}

/** One function's identifiers: IR names map to unique JavaScript names. */
export class NameTable {
  private readonly byValue = new Map<string, string>();
  private readonly taken = new Set<string>();

  constructor(reserved: Iterable<string>) {
    for (const r of reserved) this.taken.add(r);
  }

  /** The identifier of an IR value, allocated on first use. */
  value(irName: string): string {
    const known = this.byValue.get(irName);
    if (known !== undefined) return known;
    const id = this.fresh(sanitize(irName));
    this.byValue.set(irName, id);
    return id;
  }

  has(irName: string): boolean {
    return this.byValue.has(irName);
  }

  /** A new identifier not tied to any IR value (loop counters, accumulators). */
  fresh(base: string): string {
    let id = base;
    for (let n = 2; this.taken.has(id); n++) id = `${base}_${n}`;
    this.taken.add(id);
    return id;
  }
}
