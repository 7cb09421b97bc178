/**
 * One front-end phase timed (CPU time, like the front-end group) in a child process, so that the front-end group can stop a
 * run that would take minutes (the -O2 pipeline at 600 layers was quadratic when this
 * was written) and report a lower bound instead of blowing the bench's time budget.
 *
 *   tsx bench/harness/phase-probe.ts LAYERS PHASE    → prints {"ms": N} on stdout
 *
 * The phases before PHASE run untimed to produce its input.
 */
import { performance } from "node:perf_hooks";
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpuNow } from "./measure.js";
import { fileURLToPath } from "node:url";
import { resolve } from "node:path";

export interface ProbeResult {
  /** The phase's CPU time, ms; absent when it was stopped at the time limit. */
  ms?: number;
  /**
   * When it was stopped: the CPU time the phase had used, ms (from /proc on Linux;
   * elsewhere its wall time, which is no less — then not a lower bound on CPU time).
   */
  stoppedAfterMs?: number;
  /** Whether stoppedAfterMs is CPU time. */
  stoppedCpu?: boolean;
}

/** User + system CPU time of a process, ms, from /proc (Linux); undefined elsewhere. */
function procCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may contain spaces) start at state (field 3).
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? (ticks * 1000) / CLOCK_TICKS : undefined;
  } catch {
    return undefined;
  }
}

/** USER_HZ: Linux reports /proc CPU times in 1/100 s on every mainstream architecture. */
const CLOCK_TICKS = 100;

const SELF = fileURLToPath(import.meta.url);
const STARTED = "started\n";

/**
 * Runs the probe for `layers` and `phase`; the phase is stopped `limitMs` after it
 * starts (the child's start-up and the earlier phases do not count against the limit).
 */
export function probePhase(layers: number, phase: string, limitMs: number): Promise<ProbeResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [...process.execArgv, SELF, String(layers), phase], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    let started: number | undefined;
    let startedCpu: number | undefined;
    let stoppedCpu: number | undefined;
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      out += chunk;
      if (started === undefined && out.startsWith(STARTED)) {
        started = performance.now();
        startedCpu = procCpuMs(child.pid);
        timer = setTimeout(() => {
          const now = procCpuMs(child.pid);
          if (now !== undefined && startedCpu !== undefined) stoppedCpu = now - startedCpu;
          child.kill("SIGKILL");
        }, limitMs);
      }
    });
    child.on("error", fail);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (signal === "SIGKILL" && started !== undefined) {
        done(
          stoppedCpu !== undefined
            ? { stoppedAfterMs: stoppedCpu, stoppedCpu: true }
            : { stoppedAfterMs: performance.now() - started, stoppedCpu: false },
        );
      } else if (code === 0 && out.startsWith(STARTED)) {
        done(JSON.parse(out.slice(STARTED.length)) as ProbeResult);
      } else {
        fail(new Error(`phase probe ${phase} at ${layers} layers exited with ${code ?? signal}`));
      }
    });
  });
}

async function main(layers: number, phaseName: string): Promise<void> {
  const { PHASES } = await import("../groups/frontend-phases.js");
  const { generateDeepTransformer } = await import("../spec-generator.js");
  const s = { layers, text: generateDeepTransformer(layers) };
  const i = PHASES.findIndex((p) => p.name === phaseName);
  if (i < 0) throw new Error(`no phase ${phaseName}`);
  for (const p of PHASES.slice(0, i)) p.run(s);
  process.stdout.write(STARTED);
  const t0 = cpuNow();
  PHASES[i]!.run(s);
  process.stdout.write(JSON.stringify({ ms: cpuNow() - t0 }));
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === SELF) {
  await main(Number(process.argv[2]), process.argv[3] ?? "");
}
