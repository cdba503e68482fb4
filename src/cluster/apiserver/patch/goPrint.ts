/**
 * Go's fmt and strconv as the patch code paths print JSON values that were decoded into
 * interface{} (integers kept as int64, as kjson.UnmarshalCaseSensitivePreserveInts and the
 * unstructured converter keep them), so that error texts read as a real cluster prints them.
 */
import type { JsonValue } from '../../api/types'
import { goQuote } from '../../api/goFormat'

/** The Go dynamic type of a decoded JSON value, as reflect.TypeOf(v).String() prints it. */
export function goTypeName(v: JsonValue): string {
  if (v === null) return '<nil>'
  if (Array.isArray(v)) return '[]interface {}'
  if (typeof v === 'object') return 'map[string]interface {}'
  if (typeof v === 'string') return 'string'
  if (typeof v === 'boolean') return 'bool'
  return Number.isInteger(v) ? 'int64' : 'float64'
}

/** The word encoding/json's UnmarshalTypeError uses for a JSON value: "object", "array", "number"... */
export function jsonKindWord(v: unknown): string {
  if (Array.isArray(v)) return 'array'
  if (typeof v === 'object' && v !== null) return 'object'
  if (typeof v === 'boolean') return 'bool'
  if (typeof v === 'number') return 'number'
  return 'string'
}

/** A float64 as %v prints it. */
function goFloat(f: number): string {
  // Mirrors strconv.FormatFloat(f, 'g', -1, 64) as fmt's %v calls it: shortest digits, and the
  // exponent form when the decimal exponent is < -4 or >= 6 (fmt decides with precision 6).
  const [mant = '0', expText = '0'] = f.toExponential().split('e')
  const exp = Number(expText)
  if (exp < -4 || exp >= 6) {
    const sign = exp < 0 ? '-' : '+'
    return `${mant}e${sign}${String(Math.abs(exp)).padStart(2, '0')}`
  }
  return String(f)
}

/** A number as Go prints the int64 or float64 that JSON decoding produced. */
function goNumber(n: number): string {
  // JSON integers decode to int64; larger ones fall back to float64 upstream.
  return Number.isInteger(n) && Math.abs(n) <= 2 ** 63 ? BigInt(n).toString() : goFloat(n)
}

/** fmt's %v of a decoded JSON value: map[a:1 b:[x y]], <nil>, strings bare. */
export function goV(v: JsonValue): string {
  if (v === null) return '<nil>'
  if (typeof v === 'string') return v
  if (typeof v === 'boolean') return String(v)
  if (typeof v === 'number') return goNumber(v)
  if (Array.isArray(v)) return `[${v.map(goV).join(' ')}]`
  // fmt prints map keys sorted (internal/fmtsort), strings in byte order.
  const keys = Object.keys(v).sort(byteOrder)
  return `map[${keys.map((k) => `${k}:${goV(v[k] ?? null)}`).join(' ')}]`
}

/** fmt's %s of a decoded JSON value: strings bare, other scalars as %!s(int64=1). */
export function goS(v: JsonValue): string {
  if (v === null) return '%!s(<nil>)'
  if (typeof v === 'string') return v
  if (typeof v === 'boolean' || typeof v === 'number') return `%!s(${goTypeName(v)}=${goV(v)})`
  if (Array.isArray(v)) return `[${v.map(goS).join(' ')}]`
  const keys = Object.keys(v).sort(byteOrder)
  return `map[${keys.map((k) => `${k}:${goS(v[k] ?? null)}`).join(' ')}]`
}

/** Compare strings as Go compares them: by UTF-8 bytes (code points, not UTF-16 units). */
export function byteOrder(a: string, b: string): number {
  const ca = Array.from(a)
  const cb = Array.from(b)
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    const x = ca[i]?.codePointAt(0) ?? 0
    const y = cb[i]?.codePointAt(0) ?? 0
    if (x !== y) return x - y
  }
  return ca.length - cb.length
}

/** The result of strconv.Atoi: the number, or Go's error text. */
export type AtoiResult = { ok: true; value: number } | { ok: false; error: string }

const maxInt64 = 9223372036854775807n

/** strconv.Atoi on a 64-bit platform: optional sign, ASCII digits, int64 range. */
export function goAtoi(s: string): AtoiResult {
  const m = /^([+-]?)([0-9]+)$/.exec(s)
  if (!m) return { ok: false, error: `strconv.Atoi: parsing ${goQuote(s)}: invalid syntax` }
  const big = BigInt(m[2] ?? '0')
  const limit = m[1] === '-' ? maxInt64 + 1n : maxInt64
  if (big > limit)
    return { ok: false, error: `strconv.Atoi: parsing ${goQuote(s)}: value out of range` }
  return { ok: true, value: Number(m[1] === '-' ? -big : big) }
}
