/**
 * Bounded input (#20): what is read is capped, not what `stat` states (`check /dev/zero`
 * ends), translate's stdin is capped and must be UTF-8 text, UTF-16 is named as such,
 * and a megabyte identifier does not put megabytes on stderr.
 */
import { spawnSync } from "node:child_process";
import { createReadStream, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { runTranslate, type TranslateOptions } from "../../src/cli/commands/translate.js";
import { recordingIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import { MAX_STDIN_BYTES, readStdinText } from "../../src/node/stdin-text.js";
import { fakeRun } from "./fixtures/fake-run.js";

const REPO = fileURLToPath(new URL("../..", import.meta.url));
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "s2sc-bounded-"));
  const text = "let a = 1\n";
  writeFileSync(
    join(dir, "le.s2s"),
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]),
  );
  const be = Buffer.from(text, "utf16le").swap16();
  writeFileSync(join(dir, "be.s2s"), Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
  const name = "x".repeat(1024 * 1024);
  writeFileSync(
    join(dir, "long-name.s2s"),
    `model m {\n  source { vocab = ${name}  embed = 8 }\n  target { vocab = 16  embed = 8 }\n  encoder { lstm { hidden = 8 } }\n  decoder { lstm { hidden = 8 } }\n}\n`,
  );
});

async function run(...argv: string[]) {
  const io = recordingIo(dir);
  const code = await main(argv, io);
  return { code, out: io.out + io.err };
}

describe("source files", () => {
  it("check /dev/zero ends quickly with the too-large diagnostic", () => {
    // In a child process with a timeout: before the cap on what is read, it never ended.
    const r = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "--input-type=module",
        "-e",
        "import { main } from './src/cli/main.ts'; process.exitCode = await main(process.argv.slice(1));",
        "check",
        "/dev/zero",
      ],
      { cwd: REPO, encoding: "utf8", timeout: 20_000 },
    );
    expect(r.signal).toBeNull();
    expect(r.stdout + r.stderr).toContain(
      "error S2S0006: /dev/zero is too large (more than 8.0 MiB",
    );
    expect(r.status).toBe(1);
  }, 30_000);

  for (const [file, endian] of [
    ["le.s2s", "little"],
    ["be.s2s", "big"],
  ]) {
    it(`a UTF-16 ${endian}-endian file is named as UTF-16, with the command to convert it`, async () => {
      const r = await run("check", file!);
      expect(r.out).toContain(`error S2S0008: ${file} is UTF-16 (${endian}-endian), not UTF-8`);
      expect(r.out).toContain(
        `hint: convert it to UTF-8: iconv -f UTF-16 -t UTF-8 ${file} > ${file}.utf8`,
      );
      expect(r.out).not.toContain("binary");
      expect(r.code).toBe(1);
    });
  }

  it("a 1 MiB identifier gives a bounded report", async () => {
    const r = await run("check", "long-name.s2s");
    expect(r.code).toBe(1);
    expect(r.out).toContain("xxxx…xxxx");
    expect(r.out.length).toBeLessThan(4000);
    const json = await run("check", "--format", "json", "long-name.s2s");
    expect(json.out.length).toBeLessThan(4000);
  });
});

describe("translate's stdin", () => {
  const opts: TranslateOptions = { beam: 1, lengthPenalty: 0, backend: "interp", maxLength: 4 };
  const model = fakeRun();

  async function translate(stream: Parameters<typeof readStdinText>[0]) {
    const io = recordingIo(process.cwd());
    const code = await runTranslate(io, model, opts, () => readStdinText(stream));
    return { code, out: io.out, err: io.err };
  }

  async function* endless(): AsyncGenerator<Uint8Array> {
    const chunk = Buffer.alloc(1024 * 1024, "abc\n");
    for (;;) yield chunk;
  }

  it("an endless stdin is read up to the cap and refused in one line", async () => {
    const r = await translate(endless());
    expect(r.err).toBe(
      `s2sc: stdin is larger than the limit of ${MAX_STDIN_BYTES / 1024 / 1024}.0 MiB; split the input into smaller parts\n`,
    );
    expect(r.out).toBe("");
    expect(r.code).toBe(1);
  });

  it("stdin from /dev/zero ends", async () => {
    const r = await translate(createReadStream("/dev/zero"));
    expect(r.err).toMatch(/^s2sc: stdin is larger than the limit/);
    expect(r.code).toBe(1);
  });

  it("binary stdin is refused in one line", async () => {
    const r = await translate([Buffer.from([0x61, 0x62, 0x00, 0x63, 0x0a])]);
    expect(r.err).toBe("s2sc: stdin is binary (a NUL byte at byte offset 2), not text\n");
    expect(r.out).toBe("");
    expect(r.code).toBe(1);
  });

  it("stdin that is not UTF-8 is refused in one line", async () => {
    const r = await translate([Buffer.from([0x61, 0x0a, 0xe9, 0x0a])]);
    expect(r.err).toBe(
      "s2sc: stdin is not valid UTF-8 (the first bad byte is on line 2, byte offset 2); convert it to UTF-8\n",
    );
    expect(r.code).toBe(1);
  });

  it("UTF-16 stdin is named as UTF-16", async () => {
    const r = await translate([
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("abc\n", "utf16le")]),
    ]);
    expect(r.err).toBe(
      "s2sc: stdin is UTF-16 (little-endian), not UTF-8; convert it: iconv -f UTF-16 -t UTF-8\n",
    );
    expect(r.code).toBe(1);
  });

  it("UTF-8 stdin (with a byte-order mark) is translated as before", async () => {
    const r = await translate([Buffer.from("\ufeffabc\n", "utf8")]);
    expect(r.err).toBe("");
    expect(r.out.split("\n")).toHaveLength(2);
    expect(r.code).toBe(0);
  });
});
