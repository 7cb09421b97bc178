/**
 * Reading an experiment file: strict JSON (parsed with jsonc-parser, which reports where
 * a syntax error is), validated against EXPERIMENT_SCHEMA with ajv, then the checks a
 * schema cannot express (labels unique, ranges ordered, readings naming real models).
 * Every problem becomes an `ExperimentError` whose text is `FILE:LINE:COL: where: what`,
 * so a user sees each mistake at its place without a stack trace.
 */
import { readFileSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { Ajv2020, type ErrorObject } from "ajv/dist/2020.js";
import {
  findNodeAtLocation,
  parse as parseJsonc,
  parseTree,
  printParseErrorCode,
  type Node,
  type ParseError,
} from "jsonc-parser";
import { closest } from "../../check/index.js";
import { EXPERIMENT_SCHEMA, RANGE_PATTERN, type ExperimentFile } from "./schema.js";

export class ExperimentError extends Error {
  constructor(
    readonly problems: string[],
    /** The file could not be read at all (an I/O error, exit 2; docs/cli.md). */
    readonly unreadable = false,
  ) {
    super(problems.join("\n"));
    this.name = "ExperimentError";
  }
}

export interface Range {
  lo: number;
  hi: number;
}

/** A loaded, valid experiment. */
export interface Experiment extends ExperimentFile {
  /** The path as the user gave it. */
  file: string;
  /** The file's directory: spec paths are relative to it. */
  dir: string;
  /** The file name without `.json`: names the plots. */
  name: string;
  trainRange?: Range;
  bucketRanges: Range[];
}

export function parseRange(text: string): Range {
  const [lo, hi] = text.split("-").map((s) => Number(s.trim())) as [number, number];
  return { lo, hi };
}

let compiled: ReturnType<Ajv2020["compile"]> | undefined;
function validator() {
  compiled ??= new Ajv2020({ allErrors: true, strict: true, discriminator: true }).compile(
    EXPERIMENT_SCHEMA,
  );
  return compiled;
}

/** `/models/0/spec` → `models[0].spec`. */
function jsonPath(pointer: string): string {
  const parts = pointer
    .split("/")
    .slice(1)
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  return parts.reduce(
    (acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc === "" ? p : `${acc}.${p}`),
    "",
  );
}

function lineCol(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const col = offset - before.lastIndexOf("\n");
  return `${line}:${col}`;
}

const KNOWN_FIELDS = (pointer: string): string[] => {
  // Walk the schema along the pointer to list the fields allowed there.
  let s: Record<string, unknown> = EXPERIMENT_SCHEMA as unknown as Record<string, unknown>;
  for (const p of pointer.split("/").slice(1)) {
    const next = /^\d+$/.test(p)
      ? (s["items"] as Record<string, unknown> | undefined)
      : (s["properties"] as Record<string, Record<string, unknown>> | undefined)?.[p];
    if (next === undefined) return [];
    s = next;
  }
  const props = s["properties"] as Record<string, unknown> | undefined;
  if (props !== undefined) return Object.keys(props);
  // A discriminated union: the fields of every branch.
  const branches = (s["oneOf"] as Record<string, unknown>[] | undefined) ?? [];
  return [...new Set(branches.flatMap((b) => Object.keys(b["properties"] ?? {})))];
};

function describe(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "required":
      return `missing the required field \`${String(p["missingProperty"])}\``;
    case "additionalProperties": {
      const name = String(p["additionalProperty"]);
      const near = closest(name, KNOWN_FIELDS(e.instancePath));
      const known = KNOWN_FIELDS(e.instancePath)
        .map((k) => `\`${k}\``)
        .join(", ");
      return `unknown field \`${name}\`${near !== undefined ? ` (did you mean \`${near}\`?)` : ""}; the fields are ${known}`;
    }
    case "enum":
      return `must be one of ${(p["allowedValues"] as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
    case "const":
      return `must be ${JSON.stringify(p["allowedValue"])}`;
    case "pattern":
      return p["pattern"] === RANGE_PATTERN
        ? 'must be a range MIN-MAX such as "5-20"'
        : `must match ${String(p["pattern"])}`;
    case "type":
      return `must be ${/^[aeiou]/.test(String(p["type"])) ? "an" : "a"} ${String(p["type"]).replace(/,/g, " or ")}`;
    case "discriminator":
      return p["error"] === "mapping"
        ? `\`kind\` must be one of ${EXPERIMENT_SCHEMA.properties.reading.oneOf.map((b) => JSON.stringify(b.properties.kind.const)).join(", ")}`
        : "must have a string `kind`";
    default:
      return e.message ?? e.keyword;
  }
}

/** Reads and validates `path` (absolute) shown as `shown`; throws ExperimentError. */
export function loadExperiment(path: string, shown: string): Experiment {
  let text: string;
  try {
    if (statSync(path).isDirectory()) throw new ExperimentError([`${shown}: is a directory`], true);
    text = readFileSync(path, "utf8");
  } catch (e) {
    if (e instanceof ExperimentError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new ExperimentError(
      [code === "ENOENT" ? `${shown}: file not found` : `${shown}: cannot read: ${code}`],
      true,
    );
  }
  const errors: ParseError[] = [];
  const options = { disallowComments: true, allowTrailingComma: false };
  const value: unknown = parseJsonc(text, errors, options);
  if (errors.length > 0)
    throw new ExperimentError(
      errors
        .slice(0, 10)
        .map(
          (e) =>
            `${shown}:${lineCol(text, e.offset)}: invalid JSON: ${printParseErrorCode(e.error)}`,
        ),
    );
  const tree = parseTree(text, [], options);
  const at = (pointer: string): string => {
    const parts = pointer
      .split("/")
      .slice(1)
      .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    let node: Node | undefined = tree && findNodeAtLocation(tree, parts);
    // A missing field is reported at its object; walk up until something exists.
    while (node === undefined && parts.length > 0) {
      parts.pop();
      node = tree && findNodeAtLocation(tree, parts);
    }
    return node === undefined ? `${shown}` : `${shown}:${lineCol(text, node.offset)}`;
  };
  const validate = validator();
  if (!validate(value)) {
    // A failed discriminator branch also reports `oneOf`; its branch errors say more.
    const useful = (validate.errors ?? []).filter((e) => e.keyword !== "oneOf");
    throw new ExperimentError(
      useful.slice(0, 20).map((e) => {
        const where = jsonPath(e.instancePath);
        return `${at(e.instancePath)}: ${where === "" ? "" : `${where}: `}${describe(e)}`;
      }),
    );
  }
  const file = value as ExperimentFile;
  const problems: string[] = [];
  const labels = file.models.map((m) => m.label);
  labels.forEach((l, i) => {
    if (labels.indexOf(l) !== i)
      problems.push(`${at(`/models/${i}/label`)}: models[${i}].label: \`${l}\` is used twice`);
  });
  const checkRange = (text: string, pointer: string) => {
    const r = parseRange(text);
    if (r.lo < 1 || r.hi < r.lo)
      problems.push(
        `${at(pointer)}: ${jsonPath(pointer)}: \`${text}\` must be MIN-MAX with 1 ≤ MIN ≤ MAX`,
      );
    return r;
  };
  const trainRange =
    file.task.lengths !== undefined ? checkRange(file.task.lengths, "/task/lengths") : undefined;
  if (file.task.name === "dates" && (file.task.lengths ?? file.task.symbols) !== undefined)
    problems.push(
      `${at("/task")}: task: \`lengths\` and \`symbols\` belong to copy/reverse/sort; dates have their own`,
    );
  const bucketRanges = file.evaluation.buckets.map((b, i) =>
    checkRange(b, `/evaluation/buckets/${i}`),
  );
  const known = (name: string, pointer: string) => {
    if (labels.includes(name)) return;
    const near = closest(name, labels);
    problems.push(
      `${at(pointer)}: ${jsonPath(pointer)}: no model is labelled \`${name}\`${near !== undefined ? ` (did you mean \`${near}\`?)` : ""}`,
    );
  };
  if (file.reading?.kind === "longest-bucket") known(file.reading.baseline, "/reading/baseline");
  if (file.reading?.kind === "compare")
    file.reading.groups.forEach((g, i) =>
      g.models.forEach((m, j) => known(m, `/reading/groups/${i}/models/${j}`)),
    );
  if (problems.length > 0) throw new ExperimentError(problems);
  const base = shown.replace(/\\/g, "/").split("/").pop()!;
  return {
    ...file,
    file: shown,
    dir: dirname(path),
    name: base.replace(/\.json$/i, ""),
    ...(trainRange !== undefined ? { trainRange } : {}),
    bucketRanges,
  };
}
