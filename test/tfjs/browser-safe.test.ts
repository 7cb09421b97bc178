/**
 * The tfjs backend and the ONNX package builder are part of the browser-safe core:
 * bundled for the browser, they pull in no Node builtin. The Node-only parts (writing
 * packages, locating the wasm files) live in src/node and work there.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import { build } from "esbuild";
import { describe, expect, test } from "vitest";
import { useTfBackendNode, wasmDirectory } from "../../src/node/tfjs-backend.js";
import { REPO } from "./helpers.js";

const NODE_BUILTIN = /^(node:|(fs|path|crypto|module|url|os|util|child_process)(\/|$))/;

/** The Node builtins a browser bundle of `entry` imports, as "importer → builtin". */
async function builtinsOf(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [join(REPO, entry)],
    bundle: true,
    write: false,
    platform: "browser",
    format: "esm",
    external: ["@tensorflow/*"],
    metafile: true,
    logLevel: "silent",
  });
  return Object.entries(result.metafile.inputs).flatMap(([file, input]) =>
    input.imports.filter((i) => NODE_BUILTIN.test(i.path)).map((i) => `${file} → ${i.path}`),
  );
}

describe("browser-safe", () => {
  test.each(["src/backends/tfjs/index.ts", "src/runtime/index.ts", "src/backends/onnx/index.ts"])(
    "%s imports no Node builtin",
    async (entry) => {
      expect(await builtinsOf(entry)).toEqual([]);
    },
    60_000,
  );

  test("the only `new Function` of the tfjs backend and its runtime evaluates generated graphs", () => {
    const hits: string[] = [];
    const walk = (dir: string): void => {
      for (const e of readdirSync(join(REPO, dir), { withFileTypes: true })) {
        const path = `${dir}/${e.name}`;
        if (e.isDirectory()) walk(path);
        else if (e.name.endsWith(".ts") && !e.name.endsWith(".generated.ts")) {
          const text = readFileSync(join(REPO, path), "utf8");
          if (/\bnew Function\(/.test(text.replace(/^\s*\*.*$/gm, ""))) hits.push(path);
        }
      }
    };
    walk("src/backends/tfjs");
    walk("src/runtime");
    expect(hits).toEqual(["src/runtime/core.ts"]);
  });
});

describe("the wasm backend in Node", () => {
  test("its .wasm files are found in the installed package and it starts", async () => {
    const dir = wasmDirectory();
    expect(existsSync(join(dir, "tfjs-backend-wasm-simd.wasm"))).toBe(true);
    await useTfBackendNode("wasm");
    expect(tf.getBackend()).toBe("wasm");
    expect(Array.from(tf.add(tf.scalar(1), tf.scalar(2)).dataSync())).toEqual([3]);
  });
});
