/**
 * The grammar of `.s2s` (language brief §2) as a chevrotain `CstParser`.
 *
 * Why a CST and a visitor (to-ast.ts) rather than embedded actions:
 * - Error recovery. With `recoveryEnabled`, chevrotain re-synchronises by abandoning a
 *   rule half-way and keeping the part already built. A CST represents that naturally
 *   (children that were never reached are simply absent), so one converter, with one
 *   policy — drop a member or declaration that lost a required part, put an `ErrorExpr`
 *   where an expression could not be read — handles every recovered construct. With
 *   embedded actions each rule would need its own recovery value and every action would
 *   have to cope with half-initialised locals.
 * - Readability and types. The grammar below transcribes the EBNF rule by rule (only
 *   operator precedence moves to to-ast.ts, see `expression`) with no semantic code
 *   interleaved, and the CST types (cst.ts) are generated from it, so the converter is
 *   type-checked against the grammar: renaming a rule or a token breaks the build, not
 *   a user.
 * - Speed does not argue for embedded actions here. They would save building the CST,
 *   and most of the parse time is allocation (tokens, CST, AST, and the garbage
 *   collector's work on them), but a 10,000-line spec — far larger than any real one —
 *   still lexes, parses and converts well within the one-second budget
 *   (bench/frontend-parse.ts).
 *
 * One instance is built lazily and reused (`parser.input = tokens` resets it): building
 * a chevrotain parser analyses the whole grammar, which is far more expensive than a
 * parse.
 */
import {
  CstParser,
  type IOrAlt,
  type ISerializedGast,
  type OrMethodOpts,
  type TokenType,
} from "chevrotain";
import { errorMessageProvider } from "./errors.js";
import {
  ALL_TOKENS,
  BinaryOperator,
  Comma,
  Equals,
  Extends,
  False,
  Identifier,
  Import,
  LBrace,
  LBracket,
  Let,
  LParen,
  Minus,
  Model,
  NumberLiteral,
  RBrace,
  RBracket,
  ReservedWord,
  RParen,
  Separator,
  Stack,
  StringLiteral,
  True,
} from "./tokens.js";

export class S2sParser extends CstParser {
  constructor() {
    super([...ALL_TOKENS], {
      recoveryEnabled: true,
      // LL(2) is all the grammar needs (`name =` vs `name {`, `, name` vs `, )`).
      maxLookahead: 2,
      errorMessageProvider,
    });
    this.performSelfAnalysis();
  }

  /**
   * The alternatives of each `OR`, built on a rule's first call and reused: they never
   * change, and building the arrays and closures on every call (once per value, member
   * and name of the file) only feeds the garbage collector.
   */
  private readonly alts: {
    file?: IOrAlt<unknown>[];
    modelDecl?: IOrAlt<unknown>[];
    body?: IOrAlt<unknown>[];
    member?: OrMethodOpts<unknown>;
    name?: IOrAlt<unknown>[];
    operand?: IOrAlt<unknown>[];
  } = {};

  /**
   * Recovery may pretend a missing token was there. Never pretend a `{`: the parser
   * would then read the following members as the body of whatever preceded them
   * (`vocab` followed by `embed = 3` would become a section `vocab { embed = 3 ... }`),
   * and the real `}` would later close the wrong body.
   */
  protected override canTokenTypeBeInsertedInRecovery(tokType: TokenType): boolean {
    return tokType !== LBrace;
  }

  // file = { import | let | model } ;
  // Junk between declarations is skipped by chevrotain's in-repetition recovery of this
  // top-level MANY (up to the next `import`, `let` or `model`), reported as S2S1011.
  file = this.RULE("file", () => {
    this.MANY(() => {
      this.OR(
        (this.alts.file ??= [
          { ALT: () => this.SUBRULE(this.importDecl) },
          { ALT: () => this.SUBRULE(this.letDecl) },
          { ALT: () => this.SUBRULE(this.modelDecl) },
        ]),
      );
    });
  });

  // import = "import" STRING ;
  importDecl = this.RULE("importDecl", () => {
    this.CONSUME(Import);
    this.CONSUME(StringLiteral);
  });

  // let = "let" IDENT "=" expr ;   (also a member)
  letDecl = this.RULE("letDecl", () => {
    this.CONSUME(Let);
    this.SUBRULE(this.name);
    this.CONSUME(Equals);
    this.SUBRULE(this.expression);
  });

  // model = "model" IDENT ( [ params ] [ "extends" ref ] body | "=" ref ) ;
  modelDecl = this.RULE("modelDecl", () => {
    this.CONSUME(Model);
    this.SUBRULE(this.name);
    this.OR(
      (this.alts.modelDecl ??= [
        { ALT: () => this.SUBRULE(this.modelInstance) },
        { ALT: () => this.SUBRULE(this.modelDefinition) },
      ]),
    );
  });

  modelInstance = this.RULE("modelInstance", () => {
    this.CONSUME(Equals);
    this.SUBRULE(this.modelRef);
  });

  modelDefinition = this.RULE("modelDefinition", () => {
    this.OPTION(() => this.SUBRULE(this.params));
    this.OPTION2(() => this.SUBRULE(this.extendsClause));
    this.SUBRULE(this.body);
  });

  // params = "(" [ param { "," param } [ "," ] ] ")" ;
  params = this.RULE("params", () => {
    this.CONSUME(LParen);
    this.OPTION(() => {
      this.SUBRULE(this.param);
      this.MANY(() => {
        this.CONSUME(Comma);
        this.SUBRULE2(this.param);
      });
      this.OPTION2(() => this.CONSUME2(Comma));
    });
    this.CONSUME(RParen);
  });

  // param = IDENT "=" expr ;
  param = this.RULE("param", () => {
    this.SUBRULE(this.name);
    this.CONSUME(Equals);
    this.SUBRULE(this.expression);
  });

  extendsClause = this.RULE("extendsClause", () => {
    this.CONSUME(Extends);
    this.SUBRULE(this.modelRef);
  });

  // ref = IDENT [ "(" [ arg { "," arg } [ "," ] ] ")" ] ;
  modelRef = this.RULE("modelRef", () => {
    this.CONSUME(Identifier);
    this.OPTION(() => this.SUBRULE(this.args));
  });

  args = this.RULE("args", () => {
    this.CONSUME(LParen);
    this.OPTION(() => {
      this.SUBRULE(this.arg);
      this.MANY(() => {
        this.CONSUME(Comma);
        this.SUBRULE2(this.arg);
      });
      this.OPTION2(() => this.CONSUME2(Comma));
    });
    this.CONSUME(RParen);
  });

  // arg = IDENT "=" expr ;
  arg = this.RULE("arg", () => {
    this.SUBRULE(this.name);
    this.CONSUME(Equals);
    this.SUBRULE(this.expression);
  });

  // body = "{" { member } "}" ;   with `;` and `,` between members ignored.
  body = this.RULE("body", () => {
    this.CONSUME(LBrace);
    this.MANY(() => {
      this.OR(
        (this.alts.body ??= [
          { ALT: () => this.SUBRULE(this.member) },
          { ALT: () => this.CONSUME(Separator) },
        ]),
      );
    });
    this.CONSUME(RBrace);
  });

  // member = setting | section | stack | let ;
  // `setting` and `section` both start with a name. Deciding with one token plus a gate
  // (a setting iff the next token is `=`) makes *every* other name start a section, so
  // a mistake such as `vocab 16` is reported after `vocab`, where it is, and recovery
  // resumes after it instead of failing at `vocab` without making progress.
  member = this.RULE("member", () => {
    this.OR(
      (this.alts.member ??= {
        MAX_LOOKAHEAD: 1,
        DEF: [
          { GATE: () => this.LA(2).tokenType === Equals, ALT: () => this.SUBRULE(this.setting) },
          { ALT: () => this.SUBRULE(this.section) },
          { ALT: () => this.SUBRULE(this.stack) },
          { ALT: () => this.SUBRULE(this.letDecl) },
        ],
      }),
    );
  });

  // setting = IDENT "=" expr ;
  setting = this.RULE("setting", () => {
    this.CONSUME(Identifier);
    this.CONSUME(Equals);
    this.SUBRULE(this.expression);
  });

  // section = IDENT [ IDENT ] body ;
  // The variant is only taken when a `{` follows it: in `vocab` newline `embed = 3`
  // (a forgotten value), `embed` must stay the name of the next setting.
  section = this.RULE("section", () => {
    this.CONSUME(Identifier);
    this.OPTION({
      GATE: () => this.LA(2).tokenType === LBrace,
      DEF: () => this.CONSUME2(Identifier),
    });
    this.SUBRULE(this.body);
  });

  // stack = "stack" expr body ;
  stack = this.RULE("stack", () => {
    this.CONSUME(Stack);
    this.SUBRULE(this.expression);
    this.SUBRULE(this.body);
  });

  /**
   * A declared name. Reserved words are accepted here so that `let stack = 3` parses
   * completely and is reported once, precisely, as S2S1013 (by to-ast.ts), instead of
   * derailing the parse.
   */
  name = this.RULE("name", () => {
    this.OR(
      (this.alts.name ??= [
        { ALT: () => this.CONSUME(Identifier) },
        { ALT: () => this.CONSUME(ReservedWord) },
      ]),
    );
  });

  // expr = sum ; sum = product { ("+"|"-") product } ;
  // product = power { ("*"|"/"|"%") power } ; power = unary [ "**" power ] ;
  // These accept exactly the operand-operator-operand sequences below; the precedence
  // and associativity they define (`**` binds tighter and to the right, then `* / %`,
  // then `+ -`, all to the left) are applied by to-ast.ts when it builds the tree.
  // Flat, the parser makes two rule calls per value instead of five (most values are a
  // single number or name), and no operator chain can exhaust the stack through the
  // parser's recursion.
  expression = this.RULE("expression", () => {
    this.SUBRULE(this.operand);
    this.MANY(() => {
      this.CONSUME(BinaryOperator);
      this.SUBRULE2(this.operand);
    });
  });

  // unary = "-" unary | primary ;
  // primary = NUMBER | STRING | "true" | "false" | IDENT [ "(" [ expr { "," expr } ] ")" ]
  //         | "(" expr ")" | "[" [ expr { "," expr } ] "]" ;
  operand = this.RULE("operand", () => {
    this.MANY(() => this.CONSUME(Minus));
    this.OR(
      (this.alts.operand ??= [
        { ALT: () => this.CONSUME(NumberLiteral) },
        { ALT: () => this.CONSUME(StringLiteral) },
        { ALT: () => this.CONSUME(True) },
        { ALT: () => this.CONSUME(False) },
        { ALT: () => this.SUBRULE(this.nameOrCall) },
        { ALT: () => this.SUBRULE(this.parenExpr) },
        { ALT: () => this.SUBRULE(this.listExpr) },
      ]),
    );
  });

  nameOrCall = this.RULE("nameOrCall", () => {
    this.CONSUME(Identifier);
    this.OPTION(() => {
      this.CONSUME(LParen);
      this.OPTION2(() => {
        this.SUBRULE(this.expression);
        this.MANY(() => {
          this.CONSUME(Comma);
          this.SUBRULE2(this.expression);
        });
      });
      this.CONSUME(RParen);
    });
  });

  parenExpr = this.RULE("parenExpr", () => {
    this.CONSUME(LParen);
    this.SUBRULE(this.expression);
    this.CONSUME(RParen);
  });

  listExpr = this.RULE("listExpr", () => {
    this.CONSUME(LBracket);
    this.OPTION(() => {
      this.SUBRULE(this.expression);
      this.MANY(() => {
        this.CONSUME(Comma);
        this.SUBRULE2(this.expression);
      });
    });
    this.CONSUME(RBracket);
  });
}

let instance: S2sParser | undefined;

/** The shared parser instance. */
export function getParser(): S2sParser {
  instance ??= new S2sParser();
  return instance;
}

/** Forgets the shared instance (after an internal failure may have left it inconsistent). */
export function discardParser(): void {
  instance = undefined;
}

/** The grammar in chevrotain's serialised form, for `createSyntaxDiagramsCode` (railroad docs). */
export function serializedGrammar(): ISerializedGast[] {
  return getParser().getSerializedGastProductions();
}
