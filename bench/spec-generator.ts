/**
 * Generates large, valid specs for the front-end benchmarks: file-level lets,
 * parameterised Transformers with stacks, instantiations, `extends` chains that merge
 * sections, and recurrent models with attention.
 */
function transformerBlock(i: number): string {
  return `// block ${i}: a parameterised Transformer, two instantiations and a variation
let width_${i} = 64 * ${1 + (i % 4)}
model tf_${i}(N = ${2 + (i % 4)}, d_model = width_${i}, d_ff = 4 * d_model, h = 4, p = 0.1) {
  vocab = ${1000 + i}
  share_embeddings = true
  source { embed = d_model  scale = true }
  target { embed = d_model  scale = true }
  position = sinusoidal
  dropout = p
  encoder {
    let inner = d_ff
    stack N {
      self_attention scaled_dot { heads = h }
      feed_forward { hidden = inner  activation = relu }
    }
  }
  decoder {
    stack N {
      self_attention { heads = h }
      cross_attention { heads = h  key_dim = d_model / h }
      feed_forward { hidden = d_ff  activation = gelu }
    }
  }
  output { tied = true }
  train { lr = 1e-3 * sqrt(2)  warmup = 4000  schedule = inverse_sqrt  label_smoothing = 0.1 }
}
model tf_${i}_big = tf_${i}(d_model = 2 * width_${i}, h = 8, p = 0.3)
model tf_${i}_pre extends tf_${i}_big {
  residual = pre_norm
  norm = rms_norm
  encoder { stack 6 { feed_forward { activation = swish } } }
}
`;
}

function recurrentBlock(i: number): string {
  return `// block ${i}: recurrent models with attention
model rnn_${i}(depth = ${1 + (i % 3)}, width = ${32 * (1 + (i % 5))}) {
  source { vocab = ${500 + i}  embed = width }
  target { vocab = ${600 + i}  embed = width }
  encoder {
    lstm { hidden = width  bidirectional = true }
    stack depth { lstm { hidden = width  dropout = 0.2 } }
  }
  decoder {
    stack depth + 1 { lstm { hidden = width } }
    attention general { input_feeding = true }
  }
  bridge = dense
}
model rnn_${i}_deep(w = ${48 + i}) extends rnn_${i}(depth = 2, width = w) {
  decoder { attention general { input_feeding = false } }
}
`;
}

/** A spec of about `lines` lines. */
export function generateSpec(lines: number): string {
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; n < lines; i++) {
    const block = i % 2 === 0 ? transformerBlock(i) : recurrentBlock(i);
    parts.push(block);
    n += block.split("\n").length - 1;
  }
  return parts.join("\n");
}

/**
 * One Transformer with `layers` layers written out one by one (half encoder, half
 * decoder; no `stack`), so that the text, the checked model, the IR and the generated
 * code all grow in proportion: the front-end group's 1×/10×/100× specs. Widths of the
 * feed-forward sublayers vary so that no two consecutive layers are the same text.
 */
export function generateDeepTransformer(layers: number): string {
  const enc = Math.ceil(layers / 2);
  const dec = Math.max(1, layers - enc);
  const ff = (i: number) => 128 + 64 * (i % 3);
  const lines = [
    `// ${layers} layers written out: ${enc} encoder and ${dec} decoder layers`,
    `model deep_${layers} {`,
    "  vocab = 1000",
    "  share_embeddings = true",
    "  source { embed = 64  scale = true }",
    "  target { embed = 64  scale = true }",
    "  position = sinusoidal",
    "  dropout = 0.1",
    "  encoder {",
  ];
  for (let i = 0; i < enc; i++) {
    lines.push(
      `    // encoder layer ${i}`,
      "    self_attention { heads = 4 }",
      `    feed_forward { hidden = ${ff(i)}  activation = ${i % 2 === 0 ? "relu" : "gelu"} }`,
    );
  }
  lines.push("  }", "  decoder {");
  for (let i = 0; i < dec; i++) {
    lines.push(
      `    // decoder layer ${i}`,
      "    self_attention { heads = 4 }",
      "    cross_attention { heads = 4 }",
      `    feed_forward { hidden = ${ff(i)} }`,
    );
  }
  lines.push("  }", "  output { tied = true }", "}", "");
  return lines.join("\n");
}
