/**
 * The AST as prettier sees it: every node of src/parser/ast.ts, and for each kind the
 * properties that hold child nodes, in source order.
 *
 * Prettier walks these keys to attach comments to the nearest node, so they must list
 * every child node and nothing else (a `range` is an object too, but not a node). The
 * table is typed by kind, so a node kind added to the AST without an entry here is a
 * compile error rather than a comment that silently fails to attach.
 */
import type * as Ast from "../parser/index.js";

export type Node =
  | Ast.FileNode
  | Ast.TopLevel
  | Ast.Param
  | Ast.ModelRef
  | Ast.Arg
  | Ast.Body
  | Ast.Member
  | Ast.Expr
  | Ast.Ident
  | Ast.Comment;

export type Kind = Node["kind"];
export type NodeOf<K extends Kind> = Extract<Node, { kind: K }>;

/** Child-node keys per kind, in the order the children appear in the source. */
export const VISITOR_KEYS: { readonly [K in Kind]: readonly (keyof NodeOf<K> & string)[] } = {
  File: ["items"],
  Import: ["path"],
  Let: ["name", "value"],
  Model: ["name", "params", "extends", "instance", "body"],
  Param: ["name", "default"],
  ModelRef: ["name", "args"],
  Arg: ["name", "value"],
  Body: ["members"],
  Setting: ["name", "value"],
  Section: ["head", "variant", "body"],
  Stack: ["count", "body"],
  Ident: [],
  Comment: [],
  Number: [],
  String: [],
  Bool: [],
  Name: [],
  Call: ["callee", "args"],
  Binary: ["left", "right"],
  Unary: ["operand"],
  List: ["items"],
  Paren: ["expr"],
  ErrorExpr: [],
};

export function visitorKeys(node: Node): readonly string[] {
  return VISITOR_KEYS[node.kind];
}

export function locStart(node: Node): number {
  return node.range.start.offset;
}

export function locEnd(node: Node): number {
  return node.range.end.offset;
}
