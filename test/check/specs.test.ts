// Every spec of specs/ and every example of the brief checks with zero errors, and every
// checked model validates against the JSON Schema generated from the schema table.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { checkProgram } from "../../src/check/index.js";
import { checkedModelJsonSchema } from "../../src/check/json-schema.js";
import { diskHost } from "../../src/node/disk-host.js";
import { check } from "./helpers.js";

const ROOT = new URL("../..", import.meta.url).pathname;

function specFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return specFiles(p);
    return p.endsWith(".s2s") ? [relative(ROOT, p)] : [];
  });
}

const specs = specFiles(join(ROOT, "specs")).sort();
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
const validate = ajv.compile(checkedModelJsonSchema());

describe("specs/", () => {
  it("has specs to check", () => expect(specs.length).toBeGreaterThan(5));

  it.each(specs)("%s checks cleanly and its models match the JSON Schema", (file) => {
    const r = checkProgram(file, diskHost(ROOT));
    expect(r.diagnostics).toEqual([]);
    const declared = [...readFileSync(join(ROOT, file), "utf8").matchAll(/^model (\w+)/gm)].map(
      (m) => m[1],
    );
    expect(r.models.map((m) => m.name)).toEqual(declared);
    for (const m of r.models) {
      const ok = validate(JSON.parse(JSON.stringify(m)));
      expect(ok, `${m.name}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
  });
});

describe("the JSON Schema", () => {
  const valid = () =>
    JSON.parse(
      JSON.stringify(checkProgram("specs/papers/transformer.s2s", diskHost(ROOT)).models[0]),
    );

  it("rejects a field the section does not have", () => {
    const m = valid();
    m.root.children[0].settings.heads = {
      value: { type: "int", value: 1 },
      origin: "spec",
      range: m.range,
    };
    expect(validate(m)).toBe(false);
  });

  it("rejects a value out of its range and a written value without a range", () => {
    const m = valid();
    m.root.settings.dropout.value.value = 1.5;
    expect(validate(m)).toBe(false);
    const n = valid();
    delete n.root.settings.dropout.range;
    expect(validate(n)).toBe(false);
  });

  it("rejects a section where the schema does not allow it", () => {
    const m = valid();
    const decoder = m.root.children.find((c: { head: string }) => c.head === "decoder");
    const cross = decoder.children[0].children[1];
    expect(cross.head).toBe("cross_attention");
    const encoder = m.root.children.find((c: { head: string }) => c.head === "encoder");
    encoder.children[0].children.push(cross);
    expect(validate(m)).toBe(false);
  });
});

describe("the brief's §5 examples", () => {
  // Copied verbatim from the design brief: they must check without errors.
  const BRIEF = `
model sutskever2014 {
  source { vocab = 160_000  embed = 1000 }
  target { vocab = 80_000   embed = 1000 }
  encoder { stack 4 { lstm { hidden = 1000 } } }
  decoder { stack 4 { lstm { hidden = 1000 } } }
}
model rnnsearch {
  source { vocab = 30_000  embed = 620 }
  target { vocab = 30_000  embed = 620 }
  encoder { gru { hidden = 1000  bidirectional = true } }
  decoder {
    attention additive { hidden = 1000 }
    gru { hidden = 1000 }
  }
  bridge = dense
}
model luong_general(depth = 4, width = 1000) {
  source { vocab = 50_000  embed = width }
  target { vocab = 50_000  embed = width }
  encoder { stack depth { lstm { hidden = width } } }
  decoder {
    stack depth { lstm { hidden = width } }
    attention general { input_feeding = true }
  }
}
model luong_shallow = luong_general(depth = 2)
model transformer(N = 6, d_model = 512, d_ff = 2048, h = 8, p_drop = 0.1) {
  vocab = 37_000
  share_embeddings = true
  source { embed = d_model  scale = true }
  target { embed = d_model  scale = true }
  position = sinusoidal
  dropout = p_drop
  encoder {
    stack N {
      self_attention scaled_dot { heads = h }
      feed_forward { hidden = d_ff  activation = relu }
    }
  }
  decoder {
    stack N {
      self_attention { heads = h }
      cross_attention { heads = h }
      feed_forward { hidden = d_ff }
    }
  }
  output { tied = true }
}
model transformer_base = transformer()
model transformer_big  = transformer(d_model = 1024, d_ff = 4096, h = 16, p_drop = 0.3)
model transformer_pre extends transformer_base { residual = pre_norm }
`;

  it("checks all of them", () => {
    const r = check(BRIEF);
    expect(r.diagnostics).toEqual([]);
    expect(r.models.map((m) => m.name)).toEqual([
      "sutskever2014",
      "rnnsearch",
      "luong_general",
      "luong_shallow",
      "transformer",
      "transformer_base",
      "transformer_big",
      "transformer_pre",
    ]);
    for (const m of r.models)
      expect(validate(JSON.parse(JSON.stringify(m))), ajv.errorsText(validate.errors)).toBe(true);
  });
});
