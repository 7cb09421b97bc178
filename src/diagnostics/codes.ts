/**
 * The one table of diagnostic codes. Bands:
 *   S2S0xxx  files and command line (missing file, binary file, model selection)
 *   S2S1xxx  lexing and parsing
 *   S2S2xxx  names, expressions and the language schema
 *   S2S3xxx  shapes and resources (elaboration)
 *
 * Each entry has a default severity, a title (what docs/diagnostics.md lists) and,
 * for codes a spec can trigger, an `example`: a source that produces the code at the
 * given 1-based line and column. The table-driven test (test/diagnostics-table.test.ts)
 * runs every example and docs/diagnostics.md is generated from this table, so the
 * three cannot drift. Codes are never renumbered or reused.
 */
export interface CodeExample {
  /** The main file's text (the file is called `example.s2s`). */
  source: string;
  /** Other files, by path relative to the main file, for import examples. */
  files?: Record<string, string>;
  line: number;
  column: number;
  /** `check` (default) runs parse + check; `file` runs the CLI's file loading. */
  stage?: "check" | "elaborate";
}

export interface CodeInfo {
  severity: "error" | "warning" | "info";
  title: string;
  example?: CodeExample;
}

function code(severity: CodeInfo["severity"], title: string, example?: CodeExample): CodeInfo {
  return example === undefined ? { severity, title } : { severity, title, example };
}

export const CODES = {
  // --- S2S0xxx: files and command line -------------------------------------------------
  S2S0001: code("error", "file not found"),
  S2S0002: code("error", "path is a directory, not a file"),
  S2S0003: code("error", "file is binary, not text"),
  S2S0004: code("error", "file is not valid UTF-8"),
  S2S0005: code("warning", "file is empty"),
  S2S0006: code("error", "file is too large"),
  S2S0007: code("error", "file could not be read"),
  S2S0008: code("error", "file is UTF-16, not UTF-8 (convert it with iconv)"),
  S2S0010: code("error", "file declares several models; pick one with FILE:MODEL"),
  S2S0011: code("error", "no model of that name in the file"),
  S2S0012: code("error", "file declares no model"),

  // --- S2S1xxx: lexing and parsing -----------------------------------------------------
  S2S1001: code("error", "unexpected character", {
    source: "let a = 1 $ 2\n",
    line: 1,
    column: 11,
  }),
  S2S1002: code("error", "unterminated string", { source: 'import "a.s2s\n', line: 1, column: 8 }),
  S2S1003: code("error", "unterminated block comment", {
    source: "let a = 1\n/* never closed\n",
    line: 2,
    column: 1,
  }),
  S2S1004: code("error", "invalid escape in string", {
    source: 'import "a\\q.s2s"\n',
    line: 1,
    column: 10,
  }),
  S2S1005: code("error", "malformed number", { source: "let a = 1_\n", line: 1, column: 9 }),
  S2S1006: code("error", "number too large", { source: "let a = 1e999\n", line: 1, column: 9 }),
  S2S1010: code("error", "unexpected token", {
    source: "model m {\n  source { vocab = }\n}\n",
    line: 2,
    column: 20,
  }),
  S2S1011: code("error", "expected a declaration (import, let or model)", {
    source: "encoder { }\n",
    line: 1,
    column: 1,
  }),
  S2S1012: code("error", "unexpected end of file", {
    source: "model m {\n  source { vocab = 16 }\n",
    line: 3,
    column: 1,
  }),
  S2S1013: code("error", "reserved word used as a name", {
    source: "let stack = 3\n",
    line: 1,
    column: 5,
  }),
  S2S1014: code("error", "nesting too deep", {
    source: `let a = ${"(".repeat(65)}1${")".repeat(65)}\n`,
    line: 1,
    column: 73,
  }),
  S2S1099: code("error", "internal error in the parser"),

  // --- S2S2xxx: names, expressions, schema ---------------------------------------------
  S2S2001: code("error", "undefined name", {
    source:
      "model m(width = 32) {\n  source { vocab = 16  embed = widht }\n  target { vocab = 16  embed = 32 }\n  encoder { lstm { hidden = 32 } }\n  decoder { lstm { hidden = 32 } }\n}\n",
    line: 2,
    column: 32,
  }),
  S2S2002: code("error", "name defined twice", {
    source: "let width = 32\nlet width = 64\n",
    line: 2,
    column: 5,
  }),
  S2S2003: code("error", "unknown model", {
    source:
      "model m extends base {\n  source { vocab = 16  embed = 32 }\n  target { vocab = 16  embed = 32 }\n  encoder { lstm { hidden = 32 } }\n  decoder { lstm { hidden = 32 } }\n}\n",
    line: 1,
    column: 17,
  }),
  S2S2004: code("error", "cycle through extends or instantiation", {
    source: "model a extends b { }\nmodel b extends a { }\n",
    line: 1,
    column: 17,
  }),
  S2S2005: code("error", "imported file not found", {
    source: 'import "layers.s2s"\n',
    line: 1,
    column: 8,
  }),
  S2S2006: code("error", "import cycle", {
    source: 'import "example.s2s"\n',
    line: 1,
    column: 8,
  }),
  S2S2007: code("error", "unknown model parameter", {
    source:
      "model m(width = 32) {\n  source { vocab = 16  embed = width }\n  target { vocab = 16  embed = 32 }\n  encoder { lstm { hidden = 32 } }\n  decoder { lstm { hidden = 32 } }\n}\nmodel n = m(widht = 64)\n",
    line: 7,
    column: 13,
  }),
  S2S2008: code("error", "argument given twice", {
    source:
      "model m(width = 32) {\n  source { vocab = 16  embed = width }\n  target { vocab = 16  embed = 32 }\n  encoder { lstm { hidden = 32 } }\n  decoder { lstm { hidden = 32 } }\n}\nmodel n = m(width = 64, width = 128)\n",
    line: 7,
    column: 25,
  }),
  S2S2009: code("error", "model takes no parameters", {
    source:
      "model m {\n  source { vocab = 16  embed = 32 }\n  target { vocab = 16  embed = 32 }\n  encoder { lstm { hidden = 32 } }\n  decoder { lstm { hidden = 32 } }\n}\nmodel n = m(width = 64)\n",
    line: 7,
    column: 13,
  }),
  S2S2010: code("warning", "name shadows an enum word", {
    source: "let relu = 3\n",
    line: 1,
    column: 5,
  }),
  S2S2011: code("error", "imported file has errors", {
    source: 'import "lib.s2s"\n',
    files: { "lib.s2s": "let a = 1 / 0\n" },
    line: 1,
    column: 8,
  }),
  S2S2012: code("error", "name defined in terms of itself", {
    source: "let a = b + 1\nlet b = a * 2\n",
    line: 1,
    column: 5,
  }),
  S2S2020: code("error", "unknown field", {
    source:
      "model m {\n  source { vocab = 16  embed = 32 }\n  target { vocab = 16  embed = 32 }\n  encoder { self_attention { heds = 4 } }\n  decoder { lstm { hidden = 32 } }\n}\n",
    line: 4,
    column: 30,
  }),
  S2S2021: code("error", "unknown section", {
    source:
      "model m {\n  source { vocab = 16  embed = 32 }\n  target { vocab = 16  embed = 32 }\n  encoder { lstn { hidden = 32 } }\n  decoder { lstm { hidden = 32 } }\n}\n",
    line: 4,
    column: 13,
  }),
  S2S2022: code("error", "section not allowed here", {
    source:
      "model m {\n  source { vocab = 16  embed = 32 }\n  target { vocab = 16  embed = 32 }\n  encoder { cross_attention { } }\n  decoder { lstm { hidden = 32 } }\n}\n",
    line: 4,
    column: 13,
  }),
  S2S2023: code("error", "unknown variant", {
    source:
      "model m {\n  source { vocab = 16  embed = 32 }\n  target { vocab = 16  embed = 32 }\n  encoder { lstm { hidden = 32 } }\n  decoder {\n    lstm { hidden = 32 }\n    attention dott { }\n  }\n}\n",
    line: 7,
    column: 15,
  }),
  S2S2024: code("error", "wrong type", {
    source:
      "model m {\n  source { vocab = 16  embed = 32 }\n  target { vocab = 16  embed = 32 }\n  encoder { lstm { hidden = 32  bidirectional = 1 } }\n  decoder { lstm { hidden = 32 } }\n}\n",
    line: 4,
    column: 49,
  }),
  S2S2025: code("error", "value out of range", {
    source:
      "model m {\n  source { vocab = 16  embed = 32 }\n  target { vocab = 16  embed = 32 }\n  encoder { lstm { hidden = 0 } }\n  decoder { lstm { hidden = 32 } }\n}\n",
    line: 4,
    column: 29,
  }),
  S2S2026: code("error", "unknown enum word", {
    source:
      "model m {\n  source { vocab = 16  embed = 32 }\n  target { vocab = 16  embed = 32 }\n  encoder { rnn { hidden = 32  activation = relo } }\n  decoder { lstm { hidden = 32 } }\n}\n",
    line: 4,
    column: 45,
  }),
  S2S2027: code("error", "missing required field", {
    source:
      "model m {\n  source { vocab = 16  embed = 32 }\n  target { vocab = 16  embed = 32 }\n  encoder { lstm { } }\n  decoder { lstm { hidden = 32 } }\n}\n",
    line: 4,
    column: 13,
  }),
  S2S2028: code("error", "setting given twice", {
    source:
      "model m {\n  source { vocab = 16  embed = 32  vocab = 8 }\n  target { vocab = 16  embed = 32 }\n  encoder { lstm { hidden = 32 } }\n  decoder { lstm { hidden = 32 } }\n}\n",
    line: 2,
    column: 36,
  }),
  S2S2029: code("error", "missing required section", {
    source:
      "model m {\n  source { vocab = 16  embed = 32 }\n  target { vocab = 16  embed = 32 }\n  encoder { lstm { hidden = 32 } }\n}\n",
    line: 1,
    column: 7,
  }),
  S2S2030: code("error", "section given twice", {
    source:
      "model m {\n  source { vocab = 16  embed = 32 }\n  target { vocab = 16  embed = 32 }\n  encoder { lstm { hidden = 32 } }\n  decoder { lstm { hidden = 32 } }\n  source { vocab = 16  embed = 32 }\n}\n",
    line: 6,
    column: 3,
  }),
  S2S2031: code("error", "variant not allowed for this section", {
    source:
      "model m {\n  source { vocab = 16  embed = 32 }\n  target { vocab = 16  embed = 32 }\n  encoder { lstm general { hidden = 32 } }\n  decoder { lstm { hidden = 32 } }\n}\n",
    line: 4,
    column: 18,
  }),
  S2S2032: code("error", "section needs a variant", {
    source:
      "model m {\n  source { vocab = 16  embed = 32 }\n  target { vocab = 16  embed = 32 }\n  encoder { lstm { hidden = 32 } }\n  decoder {\n    lstm { hidden = 32 }\n    attention { }\n  }\n}\n",
    line: 7,
    column: 5,
  }),
  S2S2040: code("error", "division by zero", {
    source: "let a = 1 / 0\n",
    line: 1,
    column: 13,
  }),
  S2S2041: code("error", "operator does not apply to these types", {
    source: "let a = true * 2\n",
    line: 1,
    column: 9,
  }),
  S2S2042: code("error", "unknown function or wrong number of arguments", {
    source: "let a = mix(1, 2)\n",
    line: 1,
    column: 9,
  }),
  S2S2043: code("error", "stack count must be a positive integer", {
    source:
      "model m {\n  source { vocab = 16  embed = 32 }\n  target { vocab = 16  embed = 32 }\n  encoder { stack 0 { lstm { hidden = 32 } } }\n  decoder { lstm { hidden = 32 } }\n}\n",
    line: 4,
    column: 19,
  }),
  S2S2050: code("error", "decoder self-attention must be causal", {
    source:
      "model m {\n  source { vocab = 16  embed = 32 }\n  target { vocab = 16  embed = 32 }\n  encoder { self_attention { } }\n  decoder { self_attention { causal = false } }\n}\n",
    line: 5,
    column: 30,
  }),
  S2S2051: code("error", "learned positions need max_length", {
    source:
      "model m {\n  source { vocab = 16  embed = 32 }\n  target { vocab = 16  embed = 32 }\n  encoder { lstm { hidden = 32 } }\n  decoder { lstm { hidden = 32 } }\n  position = learned\n}\n",
    line: 6,
    column: 3,
  }),
  S2S2052: code("error", "shared embeddings need one vocabulary", {
    source:
      "model m {\n  source { vocab = 16  embed = 32 }\n  target { vocab = 20  embed = 32 }\n  encoder { lstm { hidden = 32 } }\n  decoder { lstm { hidden = 32 } }\n  share_embeddings = true\n}\n",
    line: 6,
    column: 3,
  }),
  S2S2053: code("error", "too many layers", {
    source:
      "model m {\n  source { vocab = 16  embed = 32 }\n  target { vocab = 16  embed = 32 }\n  encoder { stack 100_000 { lstm { hidden = 32 } } }\n  decoder { lstm { hidden = 32 } }\n}\n",
    line: 4,
    column: 13,
  }),
  // --- S2S3xxx: shapes and resources (elaboration) ------------------------------------
  S2S3000: code("error", "shape mismatch"),
  S2S3001: code("error", "dot attention needs equal query and key sizes", {
    source:
      "model m {\n  source { vocab = 16  embed = 8 }\n  target { vocab = 16  embed = 8 }\n  encoder { lstm { hidden = 512  bidirectional = true } }\n  decoder {\n    lstm { hidden = 512 }\n    attention dot { }\n  }\n  bridge = zero\n}\n",
    line: 7,
    column: 5,
    stage: "elaborate",
  }),
  S2S3002: code("error", "heads do not divide the model width", {
    source:
      "model m {\n  vocab = 16\n  source { embed = 512 }\n  target { embed = 512 }\n  encoder { self_attention { heads = 6 } }\n  decoder { cross_attention { heads = 8 } }\n}\n",
    line: 5,
    column: 30,
    stage: "elaborate",
  }),
  S2S3003: code("error", "residual connection between different widths", {
    source:
      "model m {\n  vocab = 16\n  source { embed = 64 }\n  target { embed = 64 }\n  encoder {\n    stack 2 {\n      lstm { hidden = 32 }\n      self_attention { heads = 4 }\n    }\n  }\n  decoder { cross_attention { } }\n}\n",
    line: 7,
    column: 7,
    stage: "elaborate",
  }),
  S2S3004: code("error", "tied output needs equal embedding and decoder widths", {
    source:
      "model m {\n  source { vocab = 16  embed = 8 }\n  target { vocab = 16  embed = 8 }\n  encoder { lstm { hidden = 32 } }\n  decoder {\n    lstm { hidden = 32 }\n  }\n  output { tied = true }\n}\n",
    line: 8,
    column: 12,
    stage: "elaborate",
  }),
  S2S3005: code("error", "bridge = copy needs matching encoder and decoder layers", {
    source:
      "model m {\n  source { vocab = 16  embed = 8 }\n  target { vocab = 16  embed = 8 }\n  encoder { stack 2 { lstm { hidden = 32 } } }\n  decoder {\n    lstm { hidden = 32 }\n  }\n  bridge = copy\n}\n",
    line: 8,
    column: 3,
    stage: "elaborate",
  }),
  S2S3006: code("error", "the decoder has no way to see the source", {
    source:
      "model m {\n  source { vocab = 16  embed = 8 }\n  target { vocab = 16  embed = 8 }\n  encoder { lstm { hidden = 32 } }\n  decoder {\n    lstm { hidden = 32 }\n  }\n  bridge = zero\n}\n",
    line: 5,
    column: 3,
    stage: "elaborate",
  }),
  S2S3007: code("error", "weights exceed the memory budget", {
    source:
      "model big {\n  source { vocab = 2_000_000  embed = 1024 }\n  target { vocab = 2_000_000  embed = 1024 }\n  encoder { lstm { hidden = 1024 } }\n  decoder { lstm { hidden = 1024 } }\n}\n",
    line: 1,
    column: 7,
    stage: "elaborate",
  }),
  S2S3008: code("error", "unsupported decoder arrangement", {
    source:
      "model m {\n  source { vocab = 16  embed = 8 }\n  target { vocab = 16  embed = 8 }\n  encoder { lstm { hidden = 32 } }\n  decoder {\n    lstm { hidden = 32 }\n    feed_forward { hidden = 64 }\n  }\n}\n",
    line: 7,
    column: 5,
    stage: "elaborate",
  }),
  S2S3009: code("error", "input feeding needs attention after the recurrent layers", {
    source:
      "model m {\n  source { vocab = 16  embed = 8 }\n  target { vocab = 16  embed = 8 }\n  encoder { lstm { hidden = 32 } }\n  decoder {\n    attention general { input_feeding = true }\n    lstm { hidden = 32 }\n  }\n}\n",
    line: 6,
    column: 25,
    stage: "elaborate",
  }),
  S2S3010: code("error", "bidirectional layer in a decoder", {
    source:
      "model m {\n  source { vocab = 16  embed = 8 }\n  target { vocab = 16  embed = 8 }\n  encoder { lstm { hidden = 32 } }\n  decoder {\n    lstm { hidden = 32  bidirectional = true }\n  }\n}\n",
    line: 6,
    column: 25,
    stage: "elaborate",
  }),
  S2S3011: code("error", "the bridge needs recurrent encoder layers", {
    source:
      "model m {\n  vocab = 16\n  source { embed = 32 }\n  target { embed = 32 }\n  encoder { self_attention { heads = 4 } }\n  decoder { lstm { hidden = 32 } }\n  bridge = dense\n}\n",
    line: 7,
    column: 3,
    stage: "elaborate",
  }),
  S2S3012: code("error", "the decoder has no layers", {
    source:
      "model m {\n  vocab = 16\n  source { embed = 32 }\n  target { embed = 32 }\n  encoder { lstm { hidden = 32 } }\n  decoder { }\n}\n",
    line: 6,
    column: 3,
    stage: "elaborate",
  }),
  S2S3013: code("error", "shared embeddings need equal widths", {
    source:
      "model m {\n  vocab = 16\n  share_embeddings = true\n  source { embed = 32 }\n  target { embed = 16 }\n  encoder { lstm { hidden = 16 } }\n  decoder { lstm { hidden = 16 } }\n  bridge = zero\n}\n",
    line: 3,
    column: 3,
    stage: "elaborate",
  }),
} as const satisfies Record<string, CodeInfo>;

export type Code = keyof typeof CODES;

export function isCode(s: string): s is Code {
  return Object.prototype.hasOwnProperty.call(CODES, s);
}
