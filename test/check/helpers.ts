// Test helpers that read like specifications: check a source (plus imported files)
// and look at the diagnostics or the checked models.
import { expect } from "vitest";
import { checkProgram, type CheckResult } from "../../src/check/index.js";
import type {
  CheckedModel,
  ResolvedItem,
  ResolvedSection,
  ResolvedSetting,
} from "../../src/check/model.js";
import type { Code } from "../../src/diagnostics/codes.js";
import { memoryHost } from "../../src/source/host.js";

export function check(source: string, files: Record<string, string> = {}): CheckResult {
  return checkProgram("example.s2s", memoryHost({ "example.s2s": source, ...files }));
}

/** The codes reported, as `CODE@file:line:col` (file omitted for example.s2s). */
export function codes(r: CheckResult): string[] {
  return r.diagnostics.map(
    (d) =>
      `${d.code}@${d.range.file === "example.s2s" ? "" : `${d.range.file}:`}${d.range.start.line}:${d.range.start.column}`,
  );
}

/** Checks that the source produces exactly these diagnostics (code@line:col). */
export function expectDiagnostics(
  source: string,
  expected: string[],
  files: Record<string, string> = {},
): CheckResult {
  const r = check(source, files);
  expect(codes(r), r.diagnostics.map((d) => d.message).join("\n")).toEqual(expected);
  return r;
}

/** Checks that the source has no errors and returns the named model. */
export function checkedModel(
  source: string,
  name: string,
  files: Record<string, string> = {},
): CheckedModel {
  const r = check(source, files);
  const errors = r.diagnostics.filter((d) => d.severity === "error");
  expect(errors.map((d) => `${d.code} ${d.message}`)).toEqual([]);
  const m = r.models.find((x) => x.name === name);
  expect(m, `model ${name}`).toBeDefined();
  return m!;
}

export function firstDiagnostic(source: string, code: Code, files: Record<string, string> = {}) {
  const d = check(source, files).diagnostics.find((x) => x.code === code);
  expect(d, `expected ${code}`).toBeDefined();
  return d!;
}

/** Follows a path of heads (`decoder`, `stack`, `lstm`); `stack` and heads take the first match, `head#n` the n-th. */
export function at(root: ResolvedSection, ...path: string[]): ResolvedItem {
  let cur: ResolvedItem = root;
  for (const step of path) {
    const [head, n] = step.split("#") as [string, string | undefined];
    const matches: ResolvedItem[] = cur.children.filter((c) =>
      c.kind === "stack" ? head === "stack" : c.head === head,
    );
    const next = matches[n === undefined ? 0 : Number(n)];
    expect(next, `no ${step} in ${cur.kind === "section" ? cur.head : "stack"}`).toBeDefined();
    cur = next!;
  }
  return cur;
}

export function section(root: ResolvedSection, ...path: string[]): ResolvedSection {
  const s = at(root, ...path);
  expect(s.kind).toBe("section");
  return s as ResolvedSection;
}

/** A setting's value in source syntax plus its origin: `64 spec`, `0.1 inherited`. */
export function setting(s: ResolvedSection, name: string): string {
  const x: ResolvedSetting | undefined = s.settings[name];
  if (x === undefined) return "absent";
  const v = x.value;
  const shown =
    v.type === "list"
      ? JSON.stringify(v.items.map((i) => ("value" in i ? i.value : "?")))
      : String(v.value);
  return `${shown} ${x.origin}`;
}

/** A small complete model: pass replacements for its parts. */
export function model(
  parts: {
    head?: string;
    source?: string;
    target?: string;
    encoder?: string;
    decoder?: string;
    extra?: string;
  } = {},
): string {
  return [
    `model ${parts.head ?? "m"} {`,
    `  ${parts.source ?? "source { vocab = 16  embed = 32 }"}`,
    `  ${parts.target ?? "target { vocab = 16  embed = 32 }"}`,
    `  ${parts.encoder ?? "encoder { lstm { hidden = 32 } }"}`,
    `  ${parts.decoder ?? "decoder { lstm { hidden = 32 } }"}`,
    ...(parts.extra === undefined ? [] : [`  ${parts.extra}`]),
    "}",
    "",
  ].join("\n");
}
