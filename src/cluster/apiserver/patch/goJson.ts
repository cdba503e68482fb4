/**
 * encoding/json's Marshal of a decoded JSON value, for the few messages that embed a whole
 * document: map keys sorted, <, > and & escaped as \u003c, \u003e, \u0026 (Go's HTML-safe
 * default), U+2028 and U+2029 escaped.
 * Mirrors src/encoding/json/encode.go (mapEncoder sorts keys, appendString escapes).
 */
import type { JsonValue } from '../../api/types'
import { byteOrder } from './goPrint'

function goString(s: string): string {
  return JSON.stringify(s).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  )
}

/** json.Marshal(v) for a value decoded into interface{}. */
export function goJsonMarshal(v: JsonValue): string {
  if (v === null) return 'null'
  if (typeof v === 'string') return goString(v)
  if (typeof v === 'number' || typeof v === 'boolean') return JSON.stringify(v)
  if (Array.isArray(v)) return `[${v.map(goJsonMarshal).join(',')}]`
  const keys = Object.keys(v).sort(byteOrder)
  return `{${keys.map((k) => `${goString(k)}:${goJsonMarshal(v[k] ?? null)}`).join(',')}}`
}
