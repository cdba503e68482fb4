import { goQuote } from '../../cluster/api/goFormat'

/** A parsed value or the Go error text (strconv / time) for it. */
export type GoParse<T> = { ok: true; value: T } | { ok: false; error: string }

const TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True'])
const FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False'])

/** Go strconv.ParseBool with its error text. */
// Mirrors go/src/strconv/atob.go ParseBool
export function parseGoBool(s: string): GoParse<boolean> {
  if (TRUE.has(s)) return { ok: true, value: true }
  if (FALSE.has(s)) return { ok: true, value: false }
  return { ok: false, error: `strconv.ParseBool: parsing ${goQuote(s)}: invalid syntax` }
}

const INT64_MAX = (1n << 63n) - 1n

/** Go strconv.ParseInt(s, 0, 64), the parser pflag's int and int64 flags use; results beyond 2^53 lose precision. */
// Mirrors go/src/strconv/atoi.go ParseInt / ParseUint with base 0
export function parseGoInt(s: string): GoParse<number> {
  const syntax = {
    ok: false as const,
    error: `strconv.ParseInt: parsing ${goQuote(s)}: invalid syntax`,
  }
  const range = {
    ok: false as const,
    error: `strconv.ParseInt: parsing ${goQuote(s)}: value out of range`,
  }
  if (s === '') return syntax
  let body = s
  let neg = false
  if (body[0] === '+' || body[0] === '-') {
    neg = body[0] === '-'
    body = body.slice(1)
    if (body === '') return syntax
  }
  let base = 10n
  let digits = body
  if (body[0] === '0') {
    const p = body.charAt(1).toLowerCase()
    if (body.length >= 3 && p === 'b') [base, digits] = [2n, body.slice(2)]
    else if (body.length >= 3 && p === 'o') [base, digits] = [8n, body.slice(2)]
    else if (body.length >= 3 && p === 'x') [base, digits] = [16n, body.slice(2)]
    else [base, digits] = [8n, body.slice(1)]
  }
  // ParseUint overflows at 2^64; ParseInt then narrows to int64.
  const uintMax = (1n << 64n) - 1n
  let n = 0n
  let underscores = false
  for (const c of digits) {
    if (c === '_') {
      underscores = true
      continue
    }
    const d = digitValue(c)
    if (d === undefined || BigInt(d) >= base) return syntax
    n = n * base + BigInt(d)
    if (n > uintMax) return range
  }
  if (underscores && !underscoreOK(s)) return syntax
  if (!neg && n > INT64_MAX) return range
  if (neg && n > INT64_MAX + 1n) return range
  return { ok: true, value: Number(neg ? -n : n) }
}

function digitValue(c: string): number | undefined {
  const code = c.toLowerCase().charCodeAt(0)
  if (code >= 48 && code <= 57) return code - 48
  if (code >= 97 && code <= 122) return code - 97 + 10
  return undefined
}

// Mirrors go/src/strconv/atoi.go underscoreOK: underscores only between digits or after a base prefix.
function underscoreOK(input: string): boolean {
  let s = input
  let saw = '^'
  let i = 0
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1)
  let hex = false
  const p = s.charAt(1).toLowerCase()
  if (s.length >= 2 && s[0] === '0' && (p === 'b' || p === 'o' || p === 'x')) {
    i = 2
    saw = '0'
    hex = p === 'x'
  }
  for (; i < s.length; i++) {
    const c = s.charAt(i)
    const l = c.toLowerCase()
    if ((c >= '0' && c <= '9') || (hex && l >= 'a' && l <= 'f')) {
      saw = '0'
      continue
    }
    if (c === '_') {
      if (saw !== '0') return false
      saw = '_'
      continue
    }
    if (saw === '_') return false
    saw = '!'
  }
  return saw !== '_'
}

/** Nanoseconds per unit accepted by Go's time.ParseDuration. */
const UNITS: Record<string, number> = {
  ns: 1,
  us: 1e3,
  µs: 1e3,
  μs: 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
}

/** Go time.ParseDuration, returning milliseconds (fractional allowed) or Go's error text. */
// Mirrors go/src/time/format.go ParseDuration
export function parseGoDuration(orig: string): GoParse<number> {
  const invalid = { ok: false as const, error: `time: invalid duration ${goQuote(orig)}` }
  let s = orig
  let neg = false
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-'
    s = s.slice(1)
  }
  if (s === '0') return { ok: true, value: 0 }
  if (s === '') return invalid
  let totalNs = 0
  while (s !== '') {
    const m = /^([0-9]*)(?:\.([0-9]*))?/.exec(s)
    const whole = m?.[1] ?? ''
    const frac = m?.[2]
    const hasDot = m !== null && m[0].length > whole.length
    if (whole === '' && (frac === undefined || frac === '')) return invalid
    s = s.slice(whole.length + (hasDot ? 1 + (frac ?? '').length : 0))
    const unitMatch = /^[^0-9.]*/.exec(s)
    const unit = unitMatch?.[0] ?? ''
    if (unit === '') return { ok: false, error: `time: missing unit in duration ${goQuote(orig)}` }
    const scale = UNITS[unit]
    if (scale === undefined) {
      return {
        ok: false,
        error: `time: unknown unit ${goQuote(unit)} in duration ${goQuote(orig)}`,
      }
    }
    s = s.slice(unit.length)
    totalNs += Number(`${whole || '0'}.${frac ?? ''}0`) * scale
    if (totalNs >= 2 ** 63) return invalid
  }
  return { ok: true, value: (neg ? -totalNs : totalNs) / 1e6 }
}
