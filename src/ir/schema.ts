/**
 * The JSON Schema of the IR module's JSON form (src/ir/json.ts validates every load with
 * it). This module is the one source of truth, imported rather than read from disk so
 * that the core runs where there is no file system; `schema/ir.schema.json` is generated
 * from it by `npx tsx scripts/gen-ir-schema.ts` for editors and other tools, and
 * test/ir/json.test.ts fails when the two drift apart.
 *
 * Names and paths have strict patterns (issue #20, no code from data): a model.ir.json
 * may come from anyone, and although the tfjs generator only ever emits names as
 * escaped literals, sanitized comments or identifiers from a safe alphabet, a name that
 * no s2sc front end can produce is refused here, before anything is generated from it.
 * Only `file` (a spec's path, which may be any file name) is any string.
 */

/** A path of segments such as `decoder/layer0/lstm/Reshape_1`, node paths with `#n`. */
const PATH = "^[A-Za-z0-9_][A-Za-z0-9_.-]*(?:/[A-Za-z0-9_][A-Za-z0-9_.-]*)*(?:#[0-9]+)?$";
const IDENTIFIER = "^[A-Za-z_][A-Za-z0-9_]*$";
const LABEL = "^[^\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029]+$";
/** Longer than any name a spec gives (600 layers deep is ~60 characters). */
const MAX_NAME = 1024;

/** What each name pattern asks for, in words (src/ir/json.ts says it instead of the regex). */
export const PATTERN_WORDS: Readonly<Record<string, string>> = {
  [IDENTIFIER]: "must be an identifier (letters, digits and `_`, not starting with a digit)",
  [PATH]: "must be a path: letters, digits, `_`, `.` and `-` in segments joined by `/`",
  [LABEL]: "must be text without control characters or line breaks",
};
export const IR_SCHEMA: Readonly<Record<string, unknown>> = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "urn:s2sc:ir:1",
  title: "s2sc IR module",
  description:
    'The JSON form of an s2sc IrModule (src/ir/types.ts), as written by `s2sc compile --target ir`. Non-finite floats are written as the strings "Infinity", "-Infinity" and "NaN".',
  type: "object",
  additionalProperties: false,
  required: ["irVersion", "model", "file", "config", "params", "graphs", "layers"],
  properties: {
    irVersion: { const: 1 },
    model: { $ref: "#/$defs/identifier" },
    file: { type: "string" },
    config: { $ref: "#/$defs/config" },
    params: { type: "array", items: { $ref: "#/$defs/parameter" } },
    graphs: {
      type: "object",
      additionalProperties: false,
      required: ["encode", "decode", "decode_step"],
      properties: {
        encode: { $ref: "#/$defs/graph" },
        decode: { $ref: "#/$defs/graph" },
        decode_step: { $ref: "#/$defs/graph" },
      },
    },
    layers: { type: "array", items: { $ref: "#/$defs/layer" } },
  },
  $defs: {
    identifier: {
      description: "A model, op or attribute name: an identifier of the spec language.",
      type: "string",
      maxLength: MAX_NAME,
      pattern: IDENTIFIER,
    },
    path: {
      description:
        "A value, parameter, layer or node name: segments of letters, digits, `_`, `.` and `-` (not first) joined by `/`, with `#n` after a node path.",
      type: "string",
      maxLength: MAX_NAME,
      pattern: PATH,
    },
    valueRef: {
      description: 'A value name, or "" for an omitted optional input or output.',
      anyOf: [{ const: "" }, { $ref: "#/$defs/path" }],
    },
    label: {
      description: "Text for people (a layer kind): no control characters or line breaks.",
      type: "string",
      minLength: 1,
      maxLength: MAX_NAME,
      pattern: LABEL,
    },
    count: { type: "integer", minimum: 0 },
    dtype: { enum: ["float32", "int32", "int64", "bool"] },
    float: {
      description: "A number, or a non-finite float written as a string.",
      anyOf: [{ type: "number" }, { enum: ["Infinity", "-Infinity", "NaN"] }],
    },
    dim: {
      description:
        'A size, or a linear expression over the symbols B (batch), S (source length), T (target length) and P (decoded prefix length), such as "P+1".',
      anyOf: [
        { type: "integer", minimum: 0 },
        {
          type: "string",
          pattern:
            "^\\s*-?\\s*(?:\\d+|(?:\\d+\\s*\\*\\s*)?[BSTP])(?:\\s*[-+]\\s*(?:\\d+|(?:\\d+\\s*\\*\\s*)?[BSTP]))*\\s*$",
        },
      ],
    },
    shape: { type: "array", items: { $ref: "#/$defs/dim" } },
    position: {
      type: "object",
      additionalProperties: false,
      required: ["offset", "line", "column"],
      properties: {
        offset: { $ref: "#/$defs/count" },
        line: { type: "integer", minimum: 1 },
        column: { type: "integer", minimum: 1 },
      },
    },
    range: {
      description: "A half-open source range [start, end) in one file.",
      type: "object",
      additionalProperties: false,
      required: ["file", "start", "end"],
      properties: {
        file: { type: "string" },
        start: { $ref: "#/$defs/position" },
        end: { $ref: "#/$defs/position" },
      },
    },
    tensorType: {
      type: "object",
      additionalProperties: false,
      required: ["dtype", "shape"],
      properties: { dtype: { $ref: "#/$defs/dtype" }, shape: { $ref: "#/$defs/shape" } },
    },
    valueInfo: {
      type: "object",
      additionalProperties: false,
      required: ["name", "dtype", "shape"],
      properties: {
        name: { $ref: "#/$defs/path" },
        dtype: { $ref: "#/$defs/dtype" },
        shape: { $ref: "#/$defs/shape" },
      },
    },
    constTensor: {
      type: "object",
      additionalProperties: false,
      required: ["dtype", "dims", "data"],
      properties: {
        dtype: { $ref: "#/$defs/dtype" },
        dims: { type: "array", items: { $ref: "#/$defs/count" } },
        data: { type: "array", items: { $ref: "#/$defs/float" } },
      },
    },
    attr: {
      description: "An attribute, as ONNX's attribute kinds; `graph` holds a nested body (Scan).",
      type: "object",
      additionalProperties: false,
      required: ["kind", "value"],
      properties: {
        kind: {
          enum: ["int", "float", "string", "ints", "floats", "strings", "tensor", "graph"],
        },
        value: true,
      },
      allOf: [
        {
          if: { properties: { kind: { const: "int" } } },
          then: { properties: { value: { type: "integer" } } },
        },
        {
          if: { properties: { kind: { const: "float" } } },
          then: { properties: { value: { $ref: "#/$defs/float" } } },
        },
        {
          if: { properties: { kind: { const: "string" } } },
          then: { properties: { value: { type: "string" } } },
        },
        {
          if: { properties: { kind: { const: "ints" } } },
          then: { properties: { value: { type: "array", items: { type: "integer" } } } },
        },
        {
          if: { properties: { kind: { const: "floats" } } },
          then: {
            properties: { value: { type: "array", items: { $ref: "#/$defs/float" } } },
          },
        },
        {
          if: { properties: { kind: { const: "strings" } } },
          then: { properties: { value: { type: "array", items: { type: "string" } } } },
        },
        {
          if: { properties: { kind: { const: "tensor" } } },
          then: { properties: { value: { $ref: "#/$defs/constTensor" } } },
        },
        {
          if: { properties: { kind: { const: "graph" } } },
          then: { properties: { value: { $ref: "#/$defs/graph" } } },
        },
      ],
    },
    node: {
      type: "object",
      additionalProperties: false,
      required: ["op", "path", "inputs", "outputs", "attrs"],
      properties: {
        op: { $ref: "#/$defs/identifier" },
        path: { $ref: "#/$defs/path" },
        inputs: {
          description: 'Value names; "" marks an omitted optional input.',
          type: "array",
          items: { $ref: "#/$defs/valueRef" },
        },
        outputs: {
          description: 'Value names; "" marks an omitted optional output.',
          type: "array",
          items: { $ref: "#/$defs/valueRef" },
        },
        attrs: {
          type: "object",
          propertyNames: { $ref: "#/$defs/identifier" },
          additionalProperties: { $ref: "#/$defs/attr" },
        },
        range: { $ref: "#/$defs/range" },
      },
    },
    graph: {
      type: "object",
      additionalProperties: false,
      required: ["name", "inputs", "outputs", "nodes", "values"],
      properties: {
        name: { $ref: "#/$defs/path" },
        inputs: { type: "array", items: { $ref: "#/$defs/valueInfo" } },
        outputs: { type: "array", items: { $ref: "#/$defs/valueInfo" } },
        nodes: { type: "array", items: { $ref: "#/$defs/node" } },
        values: {
          description: "The type of every value the graph defines or reads.",
          type: "object",
          propertyNames: { $ref: "#/$defs/path" },
          additionalProperties: { $ref: "#/$defs/tensorType" },
        },
      },
    },
    init: {
      type: "object",
      required: ["kind"],
      properties: {
        kind: {
          enum: [
            "glorot_uniform",
            "uniform",
            "normal",
            "orthogonal",
            "zeros",
            "ones",
            "lstm_bias",
            "sinusoidal",
          ],
        },
      },
      allOf: [
        {
          if: { properties: { kind: { const: "glorot_uniform" } } },
          then: {
            additionalProperties: false,
            required: ["fanIn", "fanOut"],
            properties: {
              kind: true,
              fanIn: { type: "integer", minimum: 1 },
              fanOut: { type: "integer", minimum: 1 },
            },
          },
        },
        {
          if: { properties: { kind: { const: "uniform" } } },
          then: {
            additionalProperties: false,
            required: ["limit"],
            properties: { kind: true, limit: { type: "number", minimum: 0 } },
          },
        },
        {
          if: { properties: { kind: { const: "normal" } } },
          then: {
            additionalProperties: false,
            required: ["std"],
            properties: { kind: true, std: { type: "number", minimum: 0 } },
          },
        },
        {
          if: { properties: { kind: { const: "orthogonal" } } },
          then: {
            additionalProperties: false,
            required: ["blocks"],
            properties: { kind: true, blocks: { type: "integer", minimum: 1 } },
          },
        },
        {
          if: { properties: { kind: { const: "lstm_bias" } } },
          then: {
            additionalProperties: false,
            required: ["hidden", "directions"],
            properties: {
              kind: true,
              hidden: { type: "integer", minimum: 1 },
              directions: { type: "integer", minimum: 1, maximum: 2 },
            },
          },
        },
        {
          if: { properties: { kind: { enum: ["zeros", "ones", "sinusoidal"] } } },
          then: { additionalProperties: false, properties: { kind: true } },
        },
      ],
    },
    parameter: {
      type: "object",
      additionalProperties: false,
      required: ["name", "path", "dtype", "shape", "init", "role", "trainable"],
      properties: {
        name: { $ref: "#/$defs/path" },
        path: { $ref: "#/$defs/path" },
        dtype: { $ref: "#/$defs/dtype" },
        shape: { type: "array", items: { type: "integer", minimum: 1 } },
        init: { $ref: "#/$defs/init" },
        role: {
          enum: [
            "embedding",
            "position",
            "projection",
            "recurrent_input",
            "recurrent_state",
            "bias",
            "norm_scale",
            "norm_bias",
            "attention_vector",
          ],
        },
        trainable: { type: "boolean" },
        range: { $ref: "#/$defs/range" },
      },
    },
    layer: {
      type: "object",
      additionalProperties: false,
      required: ["path", "kind", "outputShape", "params"],
      properties: {
        path: { $ref: "#/$defs/path" },
        kind: { $ref: "#/$defs/label" },
        outputShape: { $ref: "#/$defs/shape" },
        params: { $ref: "#/$defs/count" },
        range: { $ref: "#/$defs/range" },
      },
    },
    config: {
      type: "object",
      additionalProperties: false,
      required: ["sourceVocab", "targetVocab", "specials", "state"],
      properties: {
        sourceVocab: { type: "integer", minimum: 1 },
        targetVocab: { type: "integer", minimum: 1 },
        specials: {
          type: "object",
          additionalProperties: false,
          required: ["pad", "bos", "eos", "unk"],
          properties: {
            pad: { $ref: "#/$defs/count" },
            bos: { $ref: "#/$defs/count" },
            eos: { $ref: "#/$defs/count" },
            unk: { $ref: "#/$defs/count" },
          },
        },
        maxLength: { type: "integer", minimum: 1 },
        state: {
          description:
            "The decoder state: each is an input of decode and decode_step, and `next/<name>` the output of decode_step that updates it.",
          type: "array",
          items: {
            type: "object",
            additionalProperties: false,
            required: ["name", "shape", "init"],
            properties: {
              name: { $ref: "#/$defs/path" },
              shape: { $ref: "#/$defs/shape" },
              init: { enum: ["encoder", "zeros", "empty"] },
            },
          },
        },
      },
    },
  },
};
