/**
 * What a pass is: a named graph rewrite over one IR module, with the fusion categories
 * (src/ir/ops/def.ts, after TVM's operator patterns) of the ops it matches, and the
 * lowest `-O` level that runs it. A pass edits the module it is given (the manager
 * hands it a structural copy whose shared objects, nodes and `values` tables among them,
 * it replaces rather than edits; see ARCHITECTURE.md) and says whether it changed
 * anything. It reads value types through `eachGraph` (graph.ts), which also retypes the
 * graphs it changed.
 */
import type { FusionCategory, IrModule } from "../ir/index.js";

export interface Pass {
  /** The name used in `--passes=a,b,c` and `--print-ir-after`. */
  readonly name: string;
  /** The categories of the ops this pass's patterns match (documentation and tests). */
  readonly categories: readonly FusionCategory[];
  /** 1: a clean-up (-O1 and up); 2: a fusion (-O2 only). */
  readonly level: 1 | 2;
  /** One line: the pattern and its rewrite. */
  readonly doc: string;
  /**
   * Targets (`compile --target`, `run --backend`) on which the -O levels leave this pass
   * out because it was measured to slow them down, and why. `--passes` still runs it.
   */
  readonly unprofitableOn?: { targets: readonly string[]; why: string };
  run(m: IrModule): boolean;
}
