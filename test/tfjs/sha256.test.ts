/** The browser-safe SHA-256 the packages record their spec's hash with, against known vectors and node:crypto. */
import { createHash } from "node:crypto";
import { describe, expect, test } from "vitest";
import { sha256Hex, sha256OfText } from "../../src/backends/sha256.js";

describe("sha256", () => {
  test("the FIPS 180-4 examples", () => {
    expect(sha256OfText("")).toBe(
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    );
    expect(sha256OfText("abc")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
    expect(sha256OfText("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    );
  });

  test("equals node:crypto at every length around the block boundaries, and on UTF-8", () => {
    for (let n = 0; n < 200; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 131 + n) & 255);
      expect(sha256Hex(bytes), `length ${n}`).toBe(
        createHash("sha256").update(bytes).digest("hex"),
      );
    }
    const text = "model M { décodeur ⟨→⟩ 🙂 }\n";
    expect(sha256OfText(text)).toBe(createHash("sha256").update(text).digest("hex"));
  });
});
