/**
 * The concrete syntax tree's types, GENERATED from the grammar in parser.ts by
 * chevrotain's `generateCstDts`. Do not edit: regenerate with
 *   UPDATE_DOCS=1 npx vitest run test/parser/cst-types.test.ts
 *
 * Note: the types list children as the grammar requires them; after error recovery a
 * node may lack any of them, so to-ast.ts reads children through `Partial`.
 */
import type { CstNode, ICstVisitor, IToken } from "chevrotain";

export interface FileCstNode extends CstNode {
  name: "file";
  children: FileCstChildren;
}

export type FileCstChildren = {
  importDecl?: ImportDeclCstNode[];
  letDecl?: LetDeclCstNode[];
  modelDecl?: ModelDeclCstNode[];
};

export interface ImportDeclCstNode extends CstNode {
  name: "importDecl";
  children: ImportDeclCstChildren;
}

export type ImportDeclCstChildren = {
  Import: IToken[];
  StringLiteral: IToken[];
};

export interface LetDeclCstNode extends CstNode {
  name: "letDecl";
  children: LetDeclCstChildren;
}

export type LetDeclCstChildren = {
  Let: IToken[];
  name: NameCstNode[];
  Equals: IToken[];
  expression: ExpressionCstNode[];
};

export interface ModelDeclCstNode extends CstNode {
  name: "modelDecl";
  children: ModelDeclCstChildren;
}

export type ModelDeclCstChildren = {
  Model: IToken[];
  name: NameCstNode[];
  modelInstance?: ModelInstanceCstNode[];
  modelDefinition?: ModelDefinitionCstNode[];
};

export interface ModelInstanceCstNode extends CstNode {
  name: "modelInstance";
  children: ModelInstanceCstChildren;
}

export type ModelInstanceCstChildren = {
  Equals: IToken[];
  modelRef: ModelRefCstNode[];
};

export interface ModelDefinitionCstNode extends CstNode {
  name: "modelDefinition";
  children: ModelDefinitionCstChildren;
}

export type ModelDefinitionCstChildren = {
  params?: ParamsCstNode[];
  extendsClause?: ExtendsClauseCstNode[];
  body: BodyCstNode[];
};

export interface ParamsCstNode extends CstNode {
  name: "params";
  children: ParamsCstChildren;
}

export type ParamsCstChildren = {
  LParen: IToken[];
  param?: ParamCstNode[];
  Comma?: IToken[];
  RParen: IToken[];
};

export interface ParamCstNode extends CstNode {
  name: "param";
  children: ParamCstChildren;
}

export type ParamCstChildren = {
  name: NameCstNode[];
  Equals: IToken[];
  expression: ExpressionCstNode[];
};

export interface ExtendsClauseCstNode extends CstNode {
  name: "extendsClause";
  children: ExtendsClauseCstChildren;
}

export type ExtendsClauseCstChildren = {
  Extends: IToken[];
  modelRef: ModelRefCstNode[];
};

export interface ModelRefCstNode extends CstNode {
  name: "modelRef";
  children: ModelRefCstChildren;
}

export type ModelRefCstChildren = {
  Identifier: IToken[];
  args?: ArgsCstNode[];
};

export interface ArgsCstNode extends CstNode {
  name: "args";
  children: ArgsCstChildren;
}

export type ArgsCstChildren = {
  LParen: IToken[];
  arg?: ArgCstNode[];
  Comma?: IToken[];
  RParen: IToken[];
};

export interface ArgCstNode extends CstNode {
  name: "arg";
  children: ArgCstChildren;
}

export type ArgCstChildren = {
  name: NameCstNode[];
  Equals: IToken[];
  expression: ExpressionCstNode[];
};

export interface BodyCstNode extends CstNode {
  name: "body";
  children: BodyCstChildren;
}

export type BodyCstChildren = {
  LBrace: IToken[];
  member?: MemberCstNode[];
  Separator?: IToken[];
  RBrace: IToken[];
};

export interface MemberCstNode extends CstNode {
  name: "member";
  children: MemberCstChildren;
}

export type MemberCstChildren = {
  setting?: SettingCstNode[];
  section?: SectionCstNode[];
  stack?: StackCstNode[];
  letDecl?: LetDeclCstNode[];
};

export interface SettingCstNode extends CstNode {
  name: "setting";
  children: SettingCstChildren;
}

export type SettingCstChildren = {
  Identifier: IToken[];
  Equals: IToken[];
  expression: ExpressionCstNode[];
};

export interface SectionCstNode extends CstNode {
  name: "section";
  children: SectionCstChildren;
}

export type SectionCstChildren = {
  Identifier: IToken[];
  body: BodyCstNode[];
};

export interface StackCstNode extends CstNode {
  name: "stack";
  children: StackCstChildren;
}

export type StackCstChildren = {
  Stack: IToken[];
  expression: ExpressionCstNode[];
  body: BodyCstNode[];
};

export interface NameCstNode extends CstNode {
  name: "name";
  children: NameCstChildren;
}

export type NameCstChildren = {
  Identifier?: IToken[];
  ReservedWord?: IToken[];
};

export interface ExpressionCstNode extends CstNode {
  name: "expression";
  children: ExpressionCstChildren;
}

export type ExpressionCstChildren = {
  operand: OperandCstNode[];
  BinaryOperator?: IToken[];
};

export interface OperandCstNode extends CstNode {
  name: "operand";
  children: OperandCstChildren;
}

export type OperandCstChildren = {
  Minus?: IToken[];
  NumberLiteral?: IToken[];
  StringLiteral?: IToken[];
  True?: IToken[];
  False?: IToken[];
  nameOrCall?: NameOrCallCstNode[];
  parenExpr?: ParenExprCstNode[];
  listExpr?: ListExprCstNode[];
};

export interface NameOrCallCstNode extends CstNode {
  name: "nameOrCall";
  children: NameOrCallCstChildren;
}

export type NameOrCallCstChildren = {
  Identifier: IToken[];
  LParen?: IToken[];
  expression?: ExpressionCstNode[];
  Comma?: IToken[];
  RParen?: IToken[];
};

export interface ParenExprCstNode extends CstNode {
  name: "parenExpr";
  children: ParenExprCstChildren;
}

export type ParenExprCstChildren = {
  LParen: IToken[];
  expression: ExpressionCstNode[];
  RParen: IToken[];
};

export interface ListExprCstNode extends CstNode {
  name: "listExpr";
  children: ListExprCstChildren;
}

export type ListExprCstChildren = {
  LBracket: IToken[];
  expression?: ExpressionCstNode[];
  Comma?: IToken[];
  RBracket: IToken[];
};
