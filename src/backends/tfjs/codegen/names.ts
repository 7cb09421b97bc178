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

/** A dense numbering of (some of) the IR values: slot by name, and the number of slots. */
export interface ValueSlots {
  slotOf(irName: string): number | undefined;
  readonly size: number;
}

/** One function's identifiers: IR names map to unique JavaScript names. */
export class NameTable {
  private readonly byValue = new Map<string, string>();
  /**
   * Identifiers by slot, for values that have one (`slotOf`: the analysis's dense
   * numbering of the values a graph defines): an array, not a second Map as large as
   * the graph (issue #10, see analysis.ts). Other names go to `byValue`.
   */
  private readonly bySlot: (string | undefined)[];
  private readonly taken = new Set<string>();
  private readonly slotOf: (irName: string) => number | undefined;

  constructor(reserved: Iterable<string>, slots?: ValueSlots) {
    for (const r of reserved) this.taken.add(r);
    this.slotOf = slots === undefined ? () => undefined : (name) => slots.slotOf(name);
    // Allocated at its full length: filled out of order, a growing array would go sparse.
    this.bySlot = new Array<string | undefined>(slots?.size ?? 0).fill(undefined);
  }

  /** The identifier of an IR value, allocated on first use. */
  value(irName: string): string {
    const slot = this.slotOf(irName);
    const known = slot === undefined ? this.byValue.get(irName) : this.bySlot[slot];
    if (known !== undefined) return known;
    const id = this.fresh(sanitize(irName));
    if (slot === undefined) this.byValue.set(irName, id);
    else this.bySlot[slot] = id;
    return id;
  }

  /** The identifier of an IR value if one was allocated. */
  get(irName: string): string | undefined {
    const slot = this.slotOf(irName);
    return slot === undefined ? this.byValue.get(irName) : this.bySlot[slot];
  }

  has(irName: string): boolean {
    return this.get(irName) !== undefined;
  }

  /** A new identifier not tied to any IR value (loop counters, accumulators). */
  fresh(base: string): string {
    let id = base;
    for (let n = 2; this.taken.has(id); n++) id = `${base}_${n}`;
    this.taken.add(id);
    return id;
  }
}
