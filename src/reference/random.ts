/**
 * A small deterministic PRNG: xoshiro128** (Blackman & Vigna, 2018). A 32-bit seed is
 * expanded into the 128-bit state splitmix-style (a golden-ratio counter through
 * murmur3's fmix32 finaliser), so that nearby seeds give unrelated streams.
 *
 * Everything is 32-bit integer arithmetic (Math.imul, shifts, `>>> 0`), so the uint32
 * stream is identical on every machine and engine. `normal()` additionally uses
 * Math.log/Math.sqrt/Math.cos; V8 implements those in software (ports of fdlibm), so
 * the normals are reproducible across machines too.
 */

export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  /** From a 32-bit seed, or from the raw four state words (not all zero). */
  constructor(seed: number | readonly [number, number, number, number]) {
    if (typeof seed !== "number") {
      [this.s0, this.s1, this.s2, this.s3] = seed.map((w) => w >>> 0) as [
        number,
        number,
        number,
        number,
      ];
      if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) throw new Error("Rng: all-zero state");
      return;
    }
    let x = seed >>> 0;
    const next = (): number => {
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
  }

  /** The next uint32 of the stream. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform in [0, 1), with 32 random bits. */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /** Standard normal by Box–Muller (the cosine half; one normal per two uniforms). */
  normal(): number {
    const u1 = 1 - this.next(); // (0, 1], so the log is finite
    const u2 = this.next();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
