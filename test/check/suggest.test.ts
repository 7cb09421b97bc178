import { describe, expect, it } from "vitest";
import { closest, editDistance } from "../../src/check/suggest.js";

describe("did you mean", () => {
  it("measures edits with transpositions", () => {
    expect(editDistance("heds", "heads")).toBe(1);
    expect(editDistance("haeds", "heads")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("kitten", "sitting")).toBe(3);
  });
  it("suggests close names only", () => {
    expect(closest("heds", ["hidden", "heads", "key_dim"])).toBe("heads");
    expect(closest("Heads", ["heads"])).toBe("heads");
    expect(closest("xyz", ["heads", "hidden"])).toBeUndefined();
    expect(closest("heads", ["heads"])).toBeUndefined();
    expect(closest("lstn", ["lstm", "gru"])).toBe("lstm");
  });
});
