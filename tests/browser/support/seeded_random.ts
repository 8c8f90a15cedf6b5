// Seeded pseudo-random numbers for the soak test, so a run can be replayed
// from the seed it prints (SOAK_SEED=… to replay or to try another one).

/// A 32-bit hash of a string (FNV-1a), to derive independent streams from one
/// seed: `streamSeed(seed, 'Ada Admin')`.
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function streamSeed(seed: number, ...names: Array<string | number>): number {
  return hash32(`${seed}:${names.join(':')}`);
}

/// mulberry32: small, fast and good enough to pick actions and faults.
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /// A number in [0, 1).
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /// An integer in [min, max].
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /// One of `items`, each as likely as its weight (weights > 0).
  weighted<T>(items: ReadonlyArray<{ item: T; weight: number }>): T {
    const total = items.reduce((sum, { weight }) => sum + weight, 0);
    let at = this.next() * total;
    for (const { item, weight } of items) {
      at -= weight;
      if (at < 0) return item;
    }
    return items[items.length - 1].item;
  }
}

/// The n-th number of the stream `names` of `seed`, without keeping state: the
/// proxy decides the fault of the n-th change request of a user this way, so
/// the decision does not depend on how the users' requests interleave.
export function nth(seed: number, n: number, ...names: Array<string | number>): Rng {
  return new Rng(streamSeed(seed, ...names, n));
}
