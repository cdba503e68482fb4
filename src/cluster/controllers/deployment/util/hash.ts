/**
 * The pod-template-hash: FNV-32a of the pod template plus the collision count, written with the
 * rand.String alphabet so that names look alike and spell no words.
 * Mirrors pkg/controller/controller_utils.go ComputeHash and
 * staging/src/k8s.io/apimachinery/pkg/util/rand/rand.go SafeEncodeString
 */
import type { PodTemplateSpec } from 'kubernetes-types/core/v1'

const alphanums = 'bcdfghjklmnpqrstvwxz2456789'

/** FNV-1a, 32 bits, over bytes (hash/fnv New32a). */
export function fnv32a(bytes: Iterable<number>, h = 0x811c9dc5): number {
  for (const b of bytes) {
    h ^= b
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h >>> 0
}

/** SafeEncodeString: each character replaced by alphanums[code % 27]. */
export function safeEncodeString(s: string): string {
  let out = ''
  for (const ch of s) out += alphanums[(ch.codePointAt(0) ?? 0) % alphanums.length]
  return out
}

/** JSON with object keys sorted, so that equal templates give equal text. */
function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`
  }
  return JSON.stringify(v) ?? 'null'
}

function utf8(s: string): number[] {
  const out: number[] = []
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0
    if (c < 0x80) out.push(c)
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63))
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
    else
      out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
  }
  return out
}

/**
 * ComputeHash. The template is hashed as canonical JSON where upstream hashes Go's spew dump
 * of the struct (see DEPLOY-3); the collision count, when set, adds 8 little-endian bytes.
 */
export function computeHash(template: PodTemplateSpec, collisionCount: number | undefined): string {
  let h = fnv32a(utf8(canonicalJson(template)))
  if (collisionCount !== undefined) {
    const n = collisionCount >>> 0
    h = fnv32a([n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255, 0, 0, 0, 0], h)
  }
  return safeEncodeString(String(h))
}
