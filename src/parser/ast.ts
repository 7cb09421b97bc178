/**
 * The typed AST of a `.s2s` file. Every node carries the source range it came from.
 *
 * Invariant: the AST has no holes. When the parser recovers from a syntax error, a
 * construct that lost a required part is either dropped (a member, a declaration) or,
 * for expressions, replaced by an `ErrorExpr` node; the syntax error itself is already
 * reported, so later stages stay silent about `ErrorExpr` values.
 */
import type { SourceRange } from "../diagnostics/index.js";

export interface NodeBase {
  range: SourceRange;
}

/** An identifier with its own range (names are what diagnostics point at most). */
export interface Ident extends NodeBase {
  kind: "Ident";
  name: string;
}

export interface Comment extends NodeBase {
  kind: "Comment";
  /** `line` for `// ...`, `block` for `/* ... *\/`. */
  style: "line" | "block";
  /** The full text including the delimiters. */
  text: string;
}

export interface FileNode extends NodeBase {
  kind: "File";
  /** The path the file was read from (as given to the parser). */
  path: string;
  items: TopLevel[];
  /** Every comment of the file in source order (for the formatter). */
  comments: Comment[];
}

export type TopLevel = ImportDecl | LetDecl | ModelDecl;

export interface ImportDecl extends NodeBase {
  kind: "Import";
  path: StringLit;
}

export interface LetDecl extends NodeBase {
  kind: "Let";
  name: Ident;
  value: Expr;
}

/** `model a(p = 1) extends b { ... }` or `model a = b(x = 1)`. */
export interface ModelDecl extends NodeBase {
  kind: "Model";
  name: Ident;
  /** Parameters with defaults; `undefined` when the model has no parameter list. */
  params: Param[] | undefined;
  /** The parent of `extends`. */
  extends: ModelRef | undefined;
  /** The body of a model that is declared with a body. */
  body: Body | undefined;
  /** The right-hand side of an instantiation `model a = b(...)`. */
  instance: ModelRef | undefined;
}

export interface Param extends NodeBase {
  kind: "Param";
  name: Ident;
  default: Expr;
}

/** A reference to a model, with arguments: `transformer(d_model = 1024)`. */
export interface ModelRef extends NodeBase {
  kind: "ModelRef";
  name: Ident;
  /** `undefined` when written without parentheses. */
  args: Arg[] | undefined;
}

export interface Arg extends NodeBase {
  kind: "Arg";
  name: Ident;
  value: Expr;
}

export interface Body extends NodeBase {
  kind: "Body";
  members: Member[];
}

export type Member = Setting | Section | Stack | LetDecl;

export interface Setting extends NodeBase {
  kind: "Setting";
  name: Ident;
  value: Expr;
}

/** `attention general { ... }`: head `attention`, variant `general`. */
export interface Section extends NodeBase {
  kind: "Section";
  head: Ident;
  variant: Ident | undefined;
  body: Body;
}

export interface Stack extends NodeBase {
  kind: "Stack";
  count: Expr;
  body: Body;
}

export type Expr =
  | NumberLit
  | StringLit
  | BoolLit
  | NameRef
  | Call
  | Binary
  | Unary
  | ListExpr
  | ParenExpr
  | ErrorExpr;

export interface NumberLit extends NodeBase {
  kind: "Number";
  /** The value with `_` separators removed. */
  value: number;
  /** True for integer literals (`512`, `37_000`), false for floats (`0.1`, `1e-6`). */
  isInt: boolean;
  /** The literal as written. */
  text: string;
}

export interface StringLit extends NodeBase {
  kind: "String";
  /** The value with escapes decoded. */
  value: string;
}

export interface BoolLit extends NodeBase {
  kind: "Bool";
  value: boolean;
}

/** An identifier in an expression: a `let`, a model parameter, or an enum word. */
export interface NameRef extends NodeBase {
  kind: "Name";
  name: string;
}

export interface Call extends NodeBase {
  kind: "Call";
  callee: Ident;
  args: Expr[];
}

export type BinaryOp = "+" | "-" | "*" | "/" | "%" | "**";

export interface Binary extends NodeBase {
  kind: "Binary";
  op: BinaryOp;
  left: Expr;
  right: Expr;
}

export interface Unary extends NodeBase {
  kind: "Unary";
  op: "-";
  operand: Expr;
}

export interface ListExpr extends NodeBase {
  kind: "List";
  items: Expr[];
}

/** `( expr )`, kept so that the formatter can reproduce the parentheses. */
export interface ParenExpr extends NodeBase {
  kind: "Paren";
  expr: Expr;
}

/** Stands in for an expression the parser could not read (already reported). */
export interface ErrorExpr extends NodeBase {
  kind: "ErrorExpr";
}
