/**
 * Seeded randomness: every random choice in the cluster (names, UIDs, IPs, jitter) comes from
 * here, so the same seed gives the same cluster. Streams are forked by label, so adding a new
 * consumer does not shift the numbers an existing one sees.
 */

/** A seeded stream of random numbers. */
export interface Random {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [0, n). */
  intn(n: number): number
  /** n characters from apimachinery's rand.String alphabet (no vowels, no confusable digits). */
  string(n: number): string
  /** A version-4 UUID. */
  uuid(): string
  /** An independent stream derived from this stream's seed and a label. */
  fork(label: string): Random
}

// Mirrors staging/src/k8s.io/apimachinery/pkg/util/rand/rand.go (alphanums)
const alphanums = 'bcdfghjklmnpqrstvwxz2456789'

/** FNV-1a over a string, for deriving seeds from labels. */
function hash32(s: string, h = 0x811c9dc5): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h >>> 0
}

/** Create a random stream from a numeric seed (sfc32, seeded through splitmix32). */
export function createRandom(seed: number, label = 'root'): Random {
  let s = (hash32(label, hash32(String(seed))) ^ (seed >>> 0)) >>> 0
  const splitmix = (): number => {
    s = (s + 0x9e3779b9) >>> 0
    let z = s
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0
    return (z ^ (z >>> 16)) >>> 0
  }
  let a = splitmix()
  let b = splitmix()
  let c = splitmix()
  let d = splitmix()
  const u32 = (): number => {
    // sfc32: small, fast, passes PractRand for our needs.
    const t = (((a + b) >>> 0) + d) >>> 0
    d = (d + 1) >>> 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) >>> 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) >>> 0
    return t
  }
  for (let i = 0; i < 12; i++) u32()
  const next = (): number => u32() / 4294967296
  const rng: Random = {
    next,
    intn: (n) => (n > 0 ? Math.floor(next() * Math.floor(n)) : 0),
    string(n) {
      let out = ''
      for (let i = 0; i < n; i++) out += alphanums[rng.intn(alphanums.length)]
      return out
    },
    uuid() {
      const hex = (k: number): string => {
        let out = ''
        for (let i = 0; i < k; i++) out += '0123456789abcdef'[rng.intn(16)]
        return out
      }
      const variant = '89ab'[rng.intn(4)] ?? '8'
      return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`
    },
    fork: (sub) => createRandom(seed, `${label}/${sub}`),
  }
  return rng
}
