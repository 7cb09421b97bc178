/**
 * bench/results.json: the machine a run happened on and every group's result
 * (bench/README.md documents the structure; bench/results.schema.json is its JSON Schema,
 * checked with ajv before anything is written).
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { Ajv, type ErrorObject } from "ajv";
import type { GroupResult } from "./types.js";

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryBytes: number;
  platform: string;
  arch: string;
  node: string;
  tfjs: string;
  /** When the run started, ISO 8601 UTC. */
  date: string;
  /** HEAD of the checkout the run measured; null outside a git checkout. */
  gitCommit: string | null;
  /** Whether the working tree had uncommitted changes (the commit alone does not say what ran). */
  gitDirty: boolean | null;
  /** 1-, 5- and 15-minute load averages when the run started and ended: a busy machine shows here. */
  loadAverage: { start: number[]; end: number[] };
}

export interface BenchResults {
  /** Incremented when the structure changes incompatibly. */
  schemaVersion: 1;
  machine: MachineInfo;
  options: { quick: boolean; slow: boolean; only: string[] | null };
  /** Wall time of the whole run, seconds. */
  seconds: number;
  /** In the order of bench/groups/index.ts. */
  groups: GroupResult[];
}

const require = createRequire(import.meta.url);

function git(args: string[]): string | null {
  try {
    return execFileSync("git", args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  } catch {
    return null;
  }
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  const tfjs = (require("@tensorflow/tfjs/package.json") as { version: string }).version;
  const status = git(["status", "--porcelain"]);
  const load = os.loadavg().map((x) => Math.round(x * 100) / 100);
  return {
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    memoryBytes: os.totalmem(),
    platform: os.platform(),
    arch: os.arch(),
    node: process.version,
    tfjs,
    date: new Date().toISOString(),
    gitCommit: git(["rev-parse", "HEAD"])?.trim() ?? null,
    gitDirty: status === null ? null : status.trim().length > 0,
    loadAverage: { start: load, end: load },
  };
}

export const SCHEMA_PATH = fileURLToPath(new URL("../results.schema.json", import.meta.url));

let validator: ReturnType<Ajv["compile"]> | undefined;

/** Schema violations of `data` as readable lines (empty: valid). */
export function validateResults(data: unknown): string[] {
  if (validator === undefined) {
    const schema = JSON.parse(readFileSync(SCHEMA_PATH, "utf8")) as object;
    validator = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
  }
  if (validator(data)) return [];
  return (validator.errors ?? []).map(
    (e: ErrorObject) => `${e.instancePath || "/"} ${e.message ?? "is invalid"}`,
  );
}

/**
 * The results of a run that covered only some groups, merged into an earlier file from
 * the same machine: the groups run now replace theirs, the others are kept (each group
 * carries its own date). A file from another machine, or an unreadable one, is replaced.
 */
export function mergeResults(
  previous: BenchResults | undefined,
  current: BenchResults,
  order: readonly string[],
): BenchResults {
  if (
    previous === undefined ||
    previous.machine.cpuModel !== current.machine.cpuModel ||
    previous.machine.cores !== current.machine.cores
  )
    return current;
  const byName = new Map(previous.groups.map((g) => [g.name, g]));
  for (const g of current.groups) byName.set(g.name, g);
  const rank = (n: string) => (order.includes(n) ? order.indexOf(n) : order.length);
  return {
    ...current,
    groups: [...byName.values()].sort((a, b) => rank(a.name) - rank(b.name)),
  };
}

/** An earlier results file if it is there and valid; otherwise undefined. */
export function readResults(path: string): BenchResults | undefined {
  try {
    const data = JSON.parse(readFileSync(path, "utf8")) as unknown;
    return validateResults(data).length === 0 ? (data as BenchResults) : undefined;
  } catch {
    return undefined;
  }
}
