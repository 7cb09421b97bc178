/**
 * The layers of ARCHITECTURE.md as rules, checked by `npm run layers` (part of `npm test`):
 *
 *   tsx scripts/check-layers.ts
 *
 * exits 1 on any violation (`depcruise src --config .dependency-cruiser.cjs` prints the
 * same report). test/layers.test.ts proves that each rule fires.
 *
 * Layers, bottom to top:
 *   core (browser-safe)  diagnostics, source → parser → check → elaborate → ir ← reference ← passes
 *                        ← backends/{interp,tfjs,onnx}; summary, diff, graph, format, data,
 *                        decode above them; runtime (the tfjs runtime) above backends/tfjs,
 *                        decode and data; train above it; api and src/index.ts on top
 *                        of the core
 *   node layer           node (with node/ort), experiment: Node builtins allowed, never the CLI
 *   cli                  src/cli, on top of everything
 *
 * A stage is a folder of src (for the backends, src/backends/<x>); another stage is
 * reached through its index.ts only. Modules directly in src/backends are helpers the
 * backends share (a SHA-256), imported directly.
 *
 * The tfjs runtime (src/runtime) starts @tensorflow/tfjs when it is loaded (~0.4 s), and
 * the formatter (src/format) loads prettier, so every other module imports them with
 * `import()` where it runs a model or formats text, or their types only: importing an
 * entry, or a CLI command that needs neither, never loads them (test/api/startup.test.ts
 * checks what loads).
 */

/** The regex alternatives naming the core's stage folders (see the header). */
const CORE_STAGES = [
  "diagnostics",
  "source",
  "reference",
  "parser",
  "check",
  "elaborate",
  "ir",
  "passes",
  "backends/interp",
  "backends/tfjs",
  "backends/onnx",
  "summary",
  "diff",
  "graph",
  "format",
  "data",
  "decode",
  "runtime",
  "train",
  "api",
];
/** Modules directly in src/backends: helpers the backends share, below every backend. */
const BACKEND_SHARED = "^src/backends/[^/]+\\.ts$";
const CORE = [`^src/(${CORE_STAGES.join("|")})/`, "^src/index\\.ts$", BACKEND_SHARED];
const NODE_LAYER = "^src/(node|experiment)/";
const API = ["^src/api/", "^src/index\\.ts$"];
/** A stage of a path under src: src/backends/<x>, or the first folder. */
const STAGE = "^src/(backends/[^/]+|[^/]+)/";

/** `from` may import only its own stage and the stages `below` it (folder names under src). */
function onlyBelow(name, from, below, comment) {
  const allowed = [from, ...below].join("|");
  return {
    name,
    comment,
    severity: "error",
    from: { path: `^src/(${from})/` },
    to: { path: "^src/", pathNot: `^src/(${allowed})/` },
  };
}

/** Stage `stage` is imported only with import(), or as types, from outside it (it is heavy to load). */
function onDemand(name, stage, comment) {
  return {
    name,
    comment,
    severity: "error",
    from: { path: "^src/", pathNot: `^src/${stage}/` },
    to: { path: `^src/${stage}/`, dependencyTypesNot: ["dynamic-import", "type-only"] },
  };
}

module.exports = {
  forbidden: [
    {
      name: "core-no-node-builtins",
      comment:
        "The core bundles for the browser (the `s2sc` entry): no node: builtins, fs or path. " +
        "Disk, processes and native runtimes belong to the node layer (src/node).",
      severity: "error",
      from: { path: CORE },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "core-not-node-layer",
      comment:
        "The core must not reach the node layer (src/node (with node/ort), experiment): " +
        "it would pull Node-only code into the browser bundle.",
      severity: "error",
      from: { path: CORE },
      to: { path: NODE_LAYER },
    },
    {
      name: "only-cli-imports-cli",
      comment:
        "The CLI is a shell over the library: argument parsing, printing, exit codes. " +
        "Nothing below it may import it.",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/cli/" },
      to: { path: "^src/cli/" },
    },
    {
      name: "no-cli-packages-below-cli",
      comment:
        "commander and cli-progress are the CLI's: a library caller gets data and events, " +
        "not argument parsers or progress bars.",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/cli/" },
      to: { path: "node_modules/(commander|cli-progress)/" },
    },
    {
      name: "cli-through-entries",
      comment:
        "The CLI is a shell over the two entries (`s2sc`, src/index.ts, and `s2sc/node`, src/node/index.ts): " +
        "what a command needs that they lack is a library function (data and diagnostics) added to them, " +
        "so the CLI can never do what a library user cannot.",
      severity: "error",
      from: { path: "^src/cli/" },
      to: { path: "^src/", pathNot: ["^src/cli/", "^src/index\\.ts$", "^src/node/index\\.ts$"] },
    },
    {
      name: "core-below-api",
      comment:
        "The API (src/api, src/index.ts) is the top of the core: the stages it calls never call it back.",
      severity: "error",
      from: { path: CORE, pathNot: API },
      to: { path: API },
    },
    onlyBelow(
      "diagnostics-is-the-bottom",
      "diagnostics",
      [],
      "Every stage reports diagnostics, so diagnostics import no stage.",
    ),
    onlyBelow(
      "source-above-diagnostics",
      "source",
      ["diagnostics"],
      "Reading text knows only about diagnostics (a failed read is an S2S0xxx result).",
    ),
    onlyBelow(
      "ir-above-diagnostics",
      "ir",
      ["diagnostics"],
      "The IR is what elaboration produces and passes and backends consume: it knows no stage of the front end and no backend.",
    ),
    onlyBelow(
      "reference-above-ir",
      "reference",
      ["ir", "diagnostics"],
      "The reference op semantics (ONNX kernels over typed arrays) are shared by passes and the interpreter, so they import neither.",
    ),
    onlyBelow(
      "parser-above-source",
      "parser",
      ["source", "diagnostics"],
      "The parser turns text into an AST: no checking, no IR.",
    ),
    onlyBelow(
      "check-above-parser",
      "check",
      ["parser", "source", "diagnostics"],
      "Checking works on the AST: it elaborates nothing and knows no IR.",
    ),
    onlyBelow(
      "elaborate-above-check-and-ir",
      "elaborate",
      ["check", "parser", "source", "ir", "diagnostics"],
      "Elaboration maps a checked model to the IR; it knows no pass and no backend.",
    ),
    onlyBelow(
      "passes-above-ir",
      "passes",
      ["ir", "reference", "diagnostics"],
      "Passes rewrite IR modules; constant folding evaluates with the reference kernels, never a backend.",
    ),
    {
      name: "backends-above-passes",
      comment:
        "A backend consumes an IR module (after passes); it knows no front-end stage and no other backend.",
      severity: "error",
      from: { path: "^src/backends/(interp|tfjs|onnx)/" },
      to: {
        path: "^src/",
        pathNot: ["^src/(backends/$1|passes|ir|reference|diagnostics)/", BACKEND_SHARED],
      },
    },
    onlyBelow(
      "runtime-above-tfjs-backend",
      "runtime",
      ["backends/tfjs", "decode", "data", "ir", "diagnostics"],
      "The tfjs runtime runs the tfjs backend's generated code, with the searches and data it evaluates on; the front end, passes and training are above it.",
    ),
    onDemand(
      "runtime-on-demand",
      "runtime",
      "src/runtime starts tfjs (~0.4 s) when it is loaded: elsewhere it is imported with import() where a model runs, " +
        "or as types, so that importing the entries or starting the CLI never loads tfjs.",
    ),
    onDemand(
      "format-on-demand",
      "format",
      "src/format loads prettier when it is loaded: elsewhere it is imported with import() where text is formatted, " +
        "or as types, so that check, summary and the entries never load prettier.",
    ),
    {
      name: "no-circular",
      comment: "A cycle makes two modules one: split out what both need.",
      severity: "error",
      from: { path: "^src/" },
      to: { circular: true },
    },
    {
      name: "no-deep-cross-stage",
      comment:
        "Another stage is reached through its index.ts, its public surface; its other files are its own. " +
        "scripts/index-imports.ts rewrites such imports.",
      severity: "error",
      from: { path: STAGE },
      // src/index.ts is the core entry, a surface, never a stage's insides.
      to: {
        path: "^src/",
        pathNot: ["^src/$1/", `${STAGE}index\\.ts$`, BACKEND_SHARED, "^src/index\\.ts$"],
      },
    },
    {
      name: "no-unresolved-imports",
      comment: "An import the cruiser cannot resolve is checked by no rule above.",
      severity: "error",
      from: { path: "^src/" },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // Type-only imports count: a layer's types are part of what it depends on.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    // Packages resolve through their `exports` as TypeScript's NodeNext does; otherwise
    // chevrotain is unresolved here and no rule would see what imports it.
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
    },
  },
};
