/** `s2sc train --backend` (#19): help offers only tfjs, the one backend that trains. */
import { describe, expect, it } from "vitest";
import { recordingIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";

async function run(...argv: string[]) {
  const io = recordingIo(process.cwd());
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

describe("s2sc train --backend", () => {
  it("--help offers no backend that cannot train", async () => {
    const r = await run("train", "--help");
    expect(r.code).toBe(0);
    const line = r.out.split("\n").find((l) => l.includes("--backend"));
    expect(line).toMatch(/tfjs/);
    expect(line).not.toMatch(/interp|ort/);
  });

  it("--backend interp is a usage error that says why, before reading the spec", async () => {
    const r = await run("train", "missing.s2s", "--task", "copy", "--backend", "interp");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/training needs gradients, which only --backend tfjs has/);
    expect(r.err).not.toMatch(/missing\.s2s/);
  });
});
