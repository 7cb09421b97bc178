/** Types shared by the node printers. */
import type { AstPath, Doc, ParserOptions } from "prettier";
import type { Kind, Node, NodeOf } from "./nodes.js";

export type Path = AstPath<Node>;
export type Options = ParserOptions<Node>;

/** What a node printer passes down to a child's printer. */
export interface PrintArgs {
  /**
   * Padding after the name of a `name = value` member so that the `=` of a run of
   * them line up (alignment.ts). Empty when the member is not in a run.
   */
  pad?: Doc;
}

export type Print = (selector?: string | number | (string | number)[], args?: PrintArgs) => Doc;

/** Prints one node of kind `K`; `path.node` is that node. */
export type NodePrinter<K extends Kind> = (
  node: NodeOf<K>,
  path: Path,
  options: Options,
  print: Print,
  args: PrintArgs | undefined,
) => Doc;

/** One printer per node kind: a kind without a printer is a compile error. */
export type PrinterTable = { readonly [K in Exclude<Kind, "Comment">]: NodePrinter<K> };

/** Prints each element of the array `key` of the current node. */
export function printEach(items: readonly unknown[], key: string, print: Print): Doc[] {
  return items.map((_, i) => print([key, i]));
}
