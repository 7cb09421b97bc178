/**
 * CST to AST: one converter per grammar rule, typed by the generated CST types.
 *
 * Recovery policy (see the invariant in ast.ts). After a syntax error chevrotain hands
 * back partial CST nodes: children after the error are missing, and a token it pretended
 * was there has `isInsertedInRecovery` (and no position). So every child is read as
 * possibly absent, and:
 * - a declaration or member missing a required part (a name, a body) is dropped;
 * - an expression that cannot be read becomes an `ErrorExpr`, and a setting, `let`,
 *   parameter or argument whose name and `=` were read keeps its place with that value
 *   (so the checker does not also report the setting as missing);
 * - punctuation pretended by recovery (a `}` before the next declaration, an `=`) is
 *   accepted, since the structure is clear; ranges only use real tokens.
 * The syntax error itself has already been reported, so nothing here reports it again.
 * This module reports what the grammar accepts on purpose to diagnose it precisely:
 * reserved words used as names (S2S1013) and expressions nested too deeply (S2S1014).
 */
import type { IToken } from "chevrotain";
import type { Diagnostics, Position, SourceRange } from "../diagnostics/index.js";
import type * as Ast from "./ast.js";
import type * as Cst from "./cst.js";
import { reservedNameMessage } from "./errors.js";
import type { LineMap } from "./line-map.js";
import { FloatLiteral, IntLiteral } from "./tokens.js";

/**
 * Expressions deeper than this are replaced by an `ErrorExpr` (S2S1014), so that the
 * recursive stages after the parser (checking, evaluation, printing) cannot exhaust
 * the stack on a pathological input such as a sum of 100,000 terms.
 */
export const MAX_EXPRESSION_DEPTH = 500;

/** A token that is really in the text (not pretended by recovery). */
function real(tok: IToken | undefined): tok is IToken {
  return tok !== undefined && tok.isInsertedInRecovery !== true && !Number.isNaN(tok.startOffset);
}

/** The first element of an optional child list. */
function first<T>(xs: readonly T[] | undefined): T | undefined {
  return xs === undefined ? undefined : xs[0];
}

type Children<N extends { children: unknown }> = Partial<N["children"]>;

/**
 * Ranges are built from positions, and a compound node shares the `Position` objects of
 * its first and last parts (a setting ends where its value ends): a large spec has
 * tens of thousands of nodes, and allocating (and looking up) fresh positions for each
 * was a large share of the conversion time. Positions are never mutated.
 */
export class AstBuilder {
  private readonly file_: string;

  constructor(
    private readonly map: LineMap,
    private readonly diagnostics: Diagnostics,
  ) {
    this.file_ = map.file;
  }

  private span(start: Position, end: Position): SourceRange {
    return { file: this.file_, start, end };
  }

  private startOf(tok: IToken): Position {
    return this.map.position(tok.startOffset);
  }

  private endOf(tok: IToken): Position {
    return this.map.position(tok.startOffset + tok.image.length);
  }

  private tokenRange(tok: IToken): SourceRange {
    return this.span(this.startOf(tok), this.endOf(tok));
  }

  /** The end of `tok` if it is real and ends after `fallback`, else `fallback`. */
  private endAfter(fallback: Position, tok: IToken | undefined): Position {
    return real(tok) && tok.startOffset + tok.image.length > fallback.offset
      ? this.endOf(tok)
      : fallback;
  }

  file(node: Cst.FileCstNode, comments: Ast.Comment[]): Ast.FileNode {
    const c: Children<Cst.FileCstNode> = node.children;
    const items: Ast.TopLevel[] = [];
    for (const d of c.importDecl ?? []) this.push(items, this.importDecl(d));
    for (const d of c.letDecl ?? []) this.push(items, this.letDecl(d));
    for (const d of c.modelDecl ?? []) this.push(items, this.modelDecl(d));
    // The CST groups children by rule; the AST keeps source order.
    items.sort((a, b) => a.range.start.offset - b.range.start.offset);
    return {
      kind: "File",
      path: this.file_,
      range: this.span(this.map.position(0), this.map.position(this.map.text.length)),
      items,
      comments,
    };
  }

  private push<T>(xs: T[], x: T | undefined): void {
    if (x !== undefined) xs.push(x);
  }

  private importDecl(node: Cst.ImportDeclCstNode): Ast.ImportDecl | undefined {
    const c: Children<Cst.ImportDeclCstNode> = node.children;
    const kw = first(c.Import);
    const str = first(c.StringLiteral);
    if (!real(kw) || !real(str)) return undefined;
    const path: Ast.StringLit = {
      kind: "String",
      value: stringValue(str),
      range: this.tokenRange(str),
    };
    return { kind: "Import", path, range: this.span(this.startOf(kw), path.range.end) };
  }

  letDecl(node: Cst.LetDeclCstNode): Ast.LetDecl | undefined {
    const c: Children<Cst.LetDeclCstNode> = node.children;
    const kw = first(c.Let);
    const name = this.name(first(c.name));
    if (!real(kw) || name === undefined) return undefined;
    const value = this.assignedValue(first(c.Equals), first(c.expression), name);
    if (value === undefined) return undefined;
    return { kind: "Let", name, value, range: this.span(this.startOf(kw), value.range.end) };
  }

  /**
   * The value after `name =`: the expression, an `ErrorExpr` when it is unreadable, or
   * `undefined` (drop the construct) when neither `=` nor a value was read.
   */
  private assignedValue(
    eq: IToken | undefined,
    expr: Cst.ExpressionCstNode | undefined,
    name: Ast.Ident,
  ): Ast.Expr | undefined {
    if (expr === undefined && eq === undefined) return undefined;
    const afterEq = this.endAfter(name.range.end, eq);
    return expr === undefined ? this.errorExpr(afterEq) : this.topExpression(expr, afterEq);
  }

  private modelDecl(node: Cst.ModelDeclCstNode): Ast.ModelDecl | undefined {
    const c: Children<Cst.ModelDeclCstNode> = node.children;
    const kw = first(c.Model);
    const name = this.name(first(c.name));
    if (!real(kw) || name === undefined) return undefined;

    const inst = first(c.modelInstance);
    if (inst !== undefined) {
      const ref = this.modelRef(
        first((inst.children as Children<Cst.ModelInstanceCstNode>).modelRef),
      );
      if (ref === undefined) return undefined;
      const range = this.span(this.startOf(kw), ref.range.end);
      return {
        kind: "Model",
        name,
        params: undefined,
        extends: undefined,
        body: undefined,
        instance: ref,
        range,
      };
    }

    const def = first(c.modelDefinition);
    if (def === undefined) return undefined;
    const d: Children<Cst.ModelDefinitionCstNode> = def.children;
    const body = this.body(first(d.body));
    if (body === undefined) return undefined;
    const paramsNode = first(d.params);
    const params = paramsNode === undefined ? undefined : this.params(paramsNode);
    const ext = first(d.extendsClause);
    const parent =
      ext === undefined
        ? undefined
        : this.modelRef(first((ext.children as Children<Cst.ExtendsClauseCstNode>).modelRef));
    const range = this.span(this.startOf(kw), body.range.end);
    return { kind: "Model", name, params, extends: parent, body, instance: undefined, range };
  }

  private params(node: Cst.ParamsCstNode): Ast.Param[] {
    const out: Ast.Param[] = [];
    for (const p of (node.children as Children<Cst.ParamsCstNode>).param ?? []) {
      const c: Children<Cst.ParamCstNode> = p.children;
      const name = this.name(first(c.name));
      if (name === undefined) continue;
      const value = this.assignedValue(first(c.Equals), first(c.expression), name);
      if (value === undefined) continue;
      out.push({
        kind: "Param",
        name,
        default: value,
        range: this.span(name.range.start, value.range.end),
      });
    }
    return out;
  }

  private modelRef(node: Cst.ModelRefCstNode | undefined): Ast.ModelRef | undefined {
    if (node === undefined) return undefined;
    const c: Children<Cst.ModelRefCstNode> = node.children;
    const id = first(c.Identifier);
    if (!real(id)) return undefined;
    const name = this.ident(id);
    const argsNode = first(c.args);
    if (argsNode === undefined)
      return { kind: "ModelRef", name, args: undefined, range: name.range };
    const a: Children<Cst.ArgsCstNode> = argsNode.children;
    const args: Ast.Arg[] = [];
    let last = this.endAfter(name.range.end, first(a.LParen));
    for (const arg of a.arg ?? []) {
      const ac: Children<Cst.ArgCstNode> = arg.children;
      const argName = this.name(first(ac.name));
      if (argName === undefined) continue;
      const value = this.assignedValue(first(ac.Equals), first(ac.expression), argName);
      if (value === undefined) continue;
      args.push({
        kind: "Arg",
        name: argName,
        value,
        range: this.span(argName.range.start, value.range.end),
      });
      if (value.range.end.offset > last.offset) last = value.range.end;
    }
    return {
      kind: "ModelRef",
      name,
      args,
      range: this.span(name.range.start, this.endAfter(last, first(a.RParen))),
    };
  }

  private body(node: Cst.BodyCstNode | undefined): Ast.Body | undefined {
    if (node === undefined) return undefined;
    const c: Children<Cst.BodyCstNode> = node.children;
    const open = first(c.LBrace);
    if (!real(open)) return undefined;
    const members: Ast.Member[] = [];
    for (const m of c.member ?? []) this.push(members, this.member(m));
    const lastMember = members[members.length - 1];
    const last = lastMember === undefined ? this.endOf(open) : lastMember.range.end;
    return {
      kind: "Body",
      members,
      range: this.span(this.startOf(open), this.endAfter(last, first(c.RBrace))),
    };
  }

  private member(node: Cst.MemberCstNode): Ast.Member | undefined {
    const c: Children<Cst.MemberCstNode> = node.children;
    if (c.setting !== undefined) return this.setting(c.setting[0]!);
    if (c.section !== undefined) return this.section(c.section[0]!);
    if (c.stack !== undefined) return this.stack(c.stack[0]!);
    if (c.letDecl !== undefined) return this.letDecl(c.letDecl[0]!);
    return undefined;
  }

  private setting(node: Cst.SettingCstNode): Ast.Setting | undefined {
    const c: Children<Cst.SettingCstNode> = node.children;
    const id = first(c.Identifier);
    if (!real(id)) return undefined;
    const name = this.ident(id);
    const value = this.assignedValue(first(c.Equals), first(c.expression), name);
    if (value === undefined) return undefined;
    return { kind: "Setting", name, value, range: this.span(name.range.start, value.range.end) };
  }

  private section(node: Cst.SectionCstNode): Ast.Section | undefined {
    const c: Children<Cst.SectionCstNode> = node.children;
    const ids = c.Identifier;
    const headTok = ids === undefined ? undefined : ids[0];
    if (!real(headTok)) return undefined;
    const body = this.body(first(c.body));
    if (body === undefined) return undefined;
    const variantTok = ids!.length > 1 ? ids![1] : undefined;
    const variant = real(variantTok) ? this.ident(variantTok) : undefined;
    const head = this.ident(headTok);
    return {
      kind: "Section",
      head,
      variant,
      body,
      range: this.span(head.range.start, body.range.end),
    };
  }

  private stack(node: Cst.StackCstNode): Ast.Stack | undefined {
    const c: Children<Cst.StackCstNode> = node.children;
    const kw = first(c.Stack);
    if (!real(kw)) return undefined;
    const body = this.body(first(c.body));
    if (body === undefined) return undefined;
    const exprNode = first(c.expression);
    const afterKw = this.endOf(kw);
    const count =
      exprNode === undefined ? this.errorExpr(afterKw) : this.topExpression(exprNode, afterKw);
    return { kind: "Stack", count, body, range: this.span(this.startOf(kw), body.range.end) };
  }

  /** A declared name; a reserved word is accepted by the grammar and reported here. */
  private name(node: Cst.NameCstNode | undefined): Ast.Ident | undefined {
    if (node === undefined) return undefined;
    const c: Children<Cst.NameCstNode> = node.children;
    const id = first(c.Identifier);
    if (real(id)) return this.ident(id);
    const reserved = first(c.ReservedWord);
    if (!real(reserved)) return undefined;
    const ident = this.ident(reserved);
    const { message, hint } = reservedNameMessage(reserved.image);
    this.diagnostics.add("S2S1013", ident.range, message, { hint });
    return ident;
  }

  private ident(tok: IToken): Ast.Ident {
    return { kind: "Ident", name: tok.image, range: this.tokenRange(tok) };
  }

  /** An empty `ErrorExpr` at `at` (where the missing expression should have been). */
  private errorExpr(at: Position): Ast.ErrorExpr {
    return { kind: "ErrorExpr", range: this.span(at, at) };
  }

  // --- Expressions ----------------------------------------------------------------------

  /**
   * An expression in a value position, with the depth limit applied. `fallback` is where
   * an `ErrorExpr` goes when nothing of the expression was read (just after the `=`).
   */
  private topExpression(node: Cst.ExpressionCstNode, fallback: Position): Ast.Expr {
    const expr = this.expression(node, fallback);
    if (depthExceeds(expr, MAX_EXPRESSION_DEPTH)) {
      this.diagnostics.add(
        "S2S1014",
        expr.range,
        `expression is nested more than ${MAX_EXPRESSION_DEPTH} levels deep`,
        { hint: "split it with `let` declarations" },
      );
      return { kind: "ErrorExpr", range: expr.range };
    }
    return expr;
  }

  /**
   * `operand (op operand)*` to a tree with the brief's precedence: `**` (right
   * associative) over `* / %` over `+ -` (left associative). Operator precedence parsing
   * with two explicit stacks, so a long chain needs no recursion. After recovery the
   * last operator may lack its right operand: it gets an `ErrorExpr`.
   */
  private expression(node: Cst.ExpressionCstNode | undefined, fallback: Position): Ast.Expr {
    if (node === undefined) return this.errorExpr(fallback);
    const c: Children<Cst.ExpressionCstNode> = node.children;
    const operands = c.operand;
    if (operands === undefined || operands.length === 0) return this.errorExpr(fallback);
    const first = this.operand(operands[0]!, fallback);
    const ops = c.BinaryOperator;
    if (ops === undefined) return first; // the common case: a single value

    const values: Ast.Expr[] = [first];
    const pending: Ast.BinaryOp[] = [];
    const reduce = (): void => {
      const right = values.pop()!;
      const left = values.pop()!;
      values.push(this.binary(pending.pop()!, left, right));
    };
    for (let i = 0; i < ops.length; i++) {
      const op = binaryOp(ops[i]!);
      const p = PRECEDENCE[op];
      // Reduce while the pending operator binds tighter, or as tight and left-associative.
      while (pending.length > 0) {
        const q = PRECEDENCE[pending[pending.length - 1]!];
        if (q > p || (q === p && op !== "**")) reduce();
        else break;
      }
      pending.push(op);
      const opEnd = this.endAfter(values[values.length - 1]!.range.end, ops[i]);
      const operand = operands[i + 1];
      values.push(operand === undefined ? this.errorExpr(opEnd) : this.operand(operand, opEnd));
    }
    while (pending.length > 0) reduce();
    return values[0]!;
  }

  private binary(op: Ast.BinaryOp, left: Ast.Expr, right: Ast.Expr): Ast.Binary {
    const end = right.range.end.offset >= left.range.end.offset ? right.range.end : left.range.end;
    return { kind: "Binary", op, left, right, range: this.span(left.range.start, end) };
  }

  /** `- - x` as nested `Unary` nodes around the primary value. */
  private operand(node: Cst.OperandCstNode, fallback: Position): Ast.Expr {
    const c: Children<Cst.OperandCstNode> = node.children;
    if (c.Minus === undefined) return this.primary(c, fallback);
    const minuses = c.Minus.filter(real);
    const at = minuses.length > 0 ? this.endOf(minuses[minuses.length - 1]!) : fallback;
    let expr = this.primary(c, at);
    for (let i = minuses.length - 1; i >= 0; i--) {
      expr = {
        kind: "Unary",
        op: "-",
        operand: expr,
        range: this.span(this.startOf(minuses[i]!), expr.range.end),
      };
    }
    return expr;
  }

  private primary(c: Children<Cst.OperandCstNode>, fallback: Position): Ast.Expr {
    const num = first(c.NumberLiteral);
    if (real(num)) return this.numberLit(num);
    const call = first(c.nameOrCall);
    if (call !== undefined) return this.nameOrCall(call, fallback);
    const str = first(c.StringLiteral);
    if (real(str)) return { kind: "String", value: stringValue(str), range: this.tokenRange(str) };
    const t = first(c.True) ?? first(c.False);
    if (real(t)) return { kind: "Bool", value: t === first(c.True), range: this.tokenRange(t) };
    const paren = first(c.parenExpr);
    if (paren !== undefined) return this.parenExpr(paren, fallback);
    const list = first(c.listExpr);
    if (list !== undefined) return this.listExpr(list, fallback);
    return this.errorExpr(fallback);
  }

  private numberLit(tok: IToken): Ast.Expr {
    const range = this.tokenRange(tok);
    // A malformed number was reported by the lexer; it reads as an unreadable value.
    if (tok.tokenType !== IntLiteral && tok.tokenType !== FloatLiteral)
      return { kind: "ErrorExpr", range };
    const value =
      typeof tok.payload === "number" ? tok.payload : Number(tok.image.replace(/_/g, ""));
    return { kind: "Number", value, isInt: tok.tokenType === IntLiteral, text: tok.image, range };
  }

  private nameOrCall(node: Cst.NameOrCallCstNode, fallback: Position): Ast.Expr {
    const c: Children<Cst.NameOrCallCstNode> = node.children;
    const id = first(c.Identifier);
    if (!real(id)) return this.errorExpr(fallback);
    const open = first(c.LParen);
    if (open === undefined) return { kind: "Name", name: id.image, range: this.tokenRange(id) };
    const callee = this.ident(id);
    const args = this.exprList(c.expression, this.endAfter(callee.range.end, open));
    const last =
      args.length > 0 ? args[args.length - 1]!.range.end : this.endAfter(callee.range.end, open);
    return {
      kind: "Call",
      callee,
      args,
      range: this.span(callee.range.start, this.endAfter(last, first(c.RParen))),
    };
  }

  private parenExpr(node: Cst.ParenExprCstNode, fallback: Position): Ast.Expr {
    const c: Children<Cst.ParenExprCstNode> = node.children;
    const open = first(c.LParen);
    if (!real(open)) return this.errorExpr(fallback);
    const inner = this.expression(first(c.expression), this.endOf(open));
    const range = this.span(this.startOf(open), this.endAfter(inner.range.end, first(c.RParen)));
    return { kind: "Paren", expr: inner, range };
  }

  private listExpr(node: Cst.ListExprCstNode, fallback: Position): Ast.Expr {
    const c: Children<Cst.ListExprCstNode> = node.children;
    const open = first(c.LBracket);
    if (!real(open)) return this.errorExpr(fallback);
    const afterOpen = this.endOf(open);
    const items = this.exprList(c.expression, afterOpen);
    const last = items.length > 0 ? items[items.length - 1]!.range.end : afterOpen;
    return {
      kind: "List",
      items,
      range: this.span(this.startOf(open), this.endAfter(last, first(c.RBracket))),
    };
  }

  private exprList(
    nodes: readonly Cst.ExpressionCstNode[] | undefined,
    fallback: Position,
  ): Ast.Expr[] {
    const out: Ast.Expr[] = [];
    let at = fallback;
    for (const n of nodes ?? []) {
      const e = this.expression(n, at);
      out.push(e);
      at = e.range.end;
    }
    return out;
  }
}

const PRECEDENCE: Record<Ast.BinaryOp, number> = {
  "+": 1,
  "-": 1,
  "*": 2,
  "/": 2,
  "%": 2,
  "**": 3,
};

function binaryOp(tok: IToken): Ast.BinaryOp {
  const image = tok.image;
  return image === "+" || image === "-" || image === "*" || image === "/" || image === "%"
    ? image
    : "**";
}

function stringValue(tok: IToken): string {
  return typeof tok.payload === "string" ? tok.payload : tok.image.slice(1, -1);
}

/** Whether `expr` is deeper than `limit`, measured without recursion. */
function depthExceeds(expr: Ast.Expr, limit: number): boolean {
  if (childrenOf(expr).length === 0) return false; // most values are a single literal or name
  const stack: Ast.Expr[] = [expr];
  const depths: number[] = [1];
  while (stack.length > 0) {
    const e = stack.pop()!;
    const depth = depths.pop()!;
    if (depth > limit) return true;
    for (const child of childrenOf(e)) {
      stack.push(child);
      depths.push(depth + 1);
    }
  }
  return false;
}

const NO_CHILDREN: readonly Ast.Expr[] = [];

function childrenOf(e: Ast.Expr): readonly Ast.Expr[] {
  switch (e.kind) {
    case "Binary":
      return [e.left, e.right];
    case "Unary":
      return [e.operand];
    case "Paren":
      return [e.expr];
    case "List":
      return e.items;
    case "Call":
      return e.args;
    default:
      return NO_CHILDREN;
  }
}
