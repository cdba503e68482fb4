/**
 * Synthetic content digests: every simulated image gets a stable sha256-shaped digest derived
 * from its name, so image IDs look and compare like real ones without any real content.
 */

/** FNV-1a over a string from a seed. */
function fnv(s: string, seed: number): number {
  let h = seed >>> 0
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  // A final avalanche so nearby seeds give unrelated words.
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b) >>> 0
  h ^= h >>> 13
  return h >>> 0
}

/** 64 hex digits derived from `text` (not a real SHA-256: a stable stand-in). */
export function syntheticHex64(text: string): string {
  let out = ''
  for (let i = 0; i < 8; i++)
    out += fnv(text, 0x811c9dc5 + i * 0x9e3779b9)
      .toString(16)
      .padStart(8, '0')
  return out
}

/** "sha256:<64 hex>" for a reference. */
export function syntheticDigest(reference: string): string {
  return `sha256:${syntheticHex64(reference)}`
}
