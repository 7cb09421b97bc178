/**
 * The values a graph run sees: an environment that starts from the parameters, the
 * enclosing graph's values (for Scan bodies) and the feeds, and the run's random stream.
 */
import type { Rng, Tensor } from "../../reference/index.js";

export interface RunContext {
  rng: Rng;
}

export class Env {
  private readonly values = new Map<string, Tensor>();
  constructor(private readonly parent?: Env) {}
  get(name: string): Tensor | undefined {
    return this.values.get(name) ?? this.parent?.get(name);
  }
  set(name: string, t: Tensor): void {
    this.values.set(name, t);
  }
}
