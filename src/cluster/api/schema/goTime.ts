/**
 * Go's time.Parse for the two layouts the API server reads (metav1.Time: RFC3339,
 * metav1.MicroTime: RFC3339Micro), with time.ParseError's exact texts, and the UTC text
 * the server writes back (MarshalJSON). Parsing is Go's lenient generic parser: one-digit
 * hours and fractional seconds on Time are accepted, as upstream accepts them.
 * Mirrors src/time/format.go (parse, getnum, skip, parseNanoseconds, quote, ParseError).
 */
import { utf8Bytes } from './goBase64'

/** The layouts metav1.Time and metav1.MicroTime use. */
export type GoTimeLayout = 'RFC3339' | 'RFC3339Micro'

const layoutText: Record<GoTimeLayout, string> = {
  RFC3339: '2006-01-02T15:04:05Z07:00',
  RFC3339Micro: '2006-01-02T15:04:05.000000Z07:00',
}

type Std = '2006' | '01' | '02' | '15' | '04' | '05' | '.000000' | 'Z07:00'
const chunks: Record<GoTimeLayout, readonly (readonly [prefix: string, std: Std])[]> = {
  RFC3339: [
    ['', '2006'],
    ['-', '01'],
    ['-', '02'],
    ['T', '15'],
    [':', '04'],
    [':', '05'],
    ['', 'Z07:00'],
  ],
  RFC3339Micro: [
    ['', '2006'],
    ['-', '01'],
    ['-', '02'],
    ['T', '15'],
    [':', '04'],
    [':', '05'],
    ['', '.000000'],
    ['', 'Z07:00'],
  ],
}

/** time's quote(): ASCII as-is (with \" and \\), every other byte as \xNN. */
export function goTimeQuote(s: string): string {
  let out = '"'
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0
    if (c >= 0x80 || c < 0x20) {
      for (const b of utf8Bytes(ch)) out += '\\x' + b.toString(16).padStart(2, '0')
    } else {
      if (ch === '"' || ch === '\\') out += '\\'
      out += ch
    }
  }
  return out + '"'
}

const isDigit = (s: string, i: number): boolean => {
  const c = s[i]
  return c !== undefined && c >= '0' && c <= '9'
}

// getnum: one or two digits (fixed forces two).
function getnum(s: string, fixed: boolean): { n: number; rest: string } | undefined {
  if (!isDigit(s, 0)) return undefined
  if (!isDigit(s, 1)) return fixed ? undefined : { n: Number(s[0]), rest: s.slice(1) }
  return { n: Number(s.slice(0, 2)), rest: s.slice(2) }
}

// atoi: an optionally signed run of digits and nothing else.
function atoi(s: string): number | undefined {
  const m = /^([+-]?)([0-9]*)$/.exec(s)
  if (!m) return undefined
  const n = Number(m[2] === '' ? '0' : m[2])
  return m[1] === '-' ? -n : n
}

function parseNanoseconds(
  value: string,
  nbytes: number,
): { ns: number; range?: string } | undefined {
  if (value[0] !== '.' && value[0] !== ',') return undefined
  const digits = value.slice(1, Math.min(nbytes, 10))
  const ns = atoi(digits)
  if (ns === undefined) return undefined
  if (ns < 0) return { ns, range: 'fractional second' }
  return { ns: ns * 10 ** (10 - Math.min(nbytes, 10)) }
}

const isLeap = (y: number): boolean => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)
const daysIn = (month: number, year: number): number =>
  month === 2
    ? isLeap(year)
      ? 29
      : 28
    : ([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 31)

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y
  const era = Math.floor(yy / 400)
  const yoe = yy - era * 400
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

function civilFromDays(z: number): { y: number; m: number; d: number } {
  const zz = z + 719468
  const era = Math.floor(zz / 146097)
  const doe = zz - era * 146097
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  )
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d }
}

const pad = (n: number, w: number): string =>
  n < 0 ? '-' + String(-n).padStart(w, '0') : String(n).padStart(w, '0')

/** A parsed instant: seconds since the Unix epoch (UTC) and nanoseconds. */
export interface GoTime {
  unixSeconds: number
  nanos: number
}

/** time.Parse(layout, value): the instant, or time.ParseError's text. */
export function parseGoTime(
  layout: GoTimeLayout,
  input: string,
): { ok: true; time: GoTime } | { ok: false; message: string } {
  const alayout = layoutText[layout]
  const fail = (message: string): { ok: false; message: string } => ({
    ok: false,
    message: `parsing time ${goTimeQuote(input)}${message}`,
  })
  const cannot = (valueElem: string, layoutElem: string): { ok: false; message: string } =>
    fail(
      ` as ${goTimeQuote(alayout)}: cannot parse ${goTimeQuote(valueElem)} as ${goTimeQuote(layoutElem)}`,
    )

  let value = input
  let year = 0
  let month = -1
  let day = -1
  let hour = 0
  let min = 0
  let sec = 0
  let nsec = 0
  let zoneOffset = 0
  const list = chunks[layout]
  for (const [i, [prefix, std]] of list.entries()) {
    if (prefix !== '') {
      if (value[0] !== prefix) return cannot(value, prefix)
      value = value.slice(1)
    }
    const hold = value
    let bad = false
    let range = ''
    switch (std) {
      case '2006': {
        const y = value.length >= 4 && isDigit(value, 0) ? atoi(value.slice(0, 4)) : undefined
        if (y === undefined) bad = true
        else {
          year = y
          value = value.slice(4)
        }
        break
      }
      case '01':
      case '02':
      case '04':
      case '15': {
        const r = getnum(value, std !== '15')
        if (!r) {
          bad = true
          break
        }
        value = r.rest
        if (std === '01') {
          month = r.n
          if (month <= 0 || month > 12) range = 'month'
        } else if (std === '02') day = r.n
        else if (std === '15') {
          hour = r.n
          if (hour >= 24) range = 'hour'
        } else {
          min = r.n
          if (min >= 60) range = 'minute'
        }
        break
      }
      case '05': {
        const r = getnum(value, true)
        if (!r) {
          bad = true
          break
        }
        value = r.rest
        sec = r.n
        if (sec >= 60) {
          range = 'second'
          break
        }
        // A fractional second the layout does not ask for is still read (Time only).
        const next = list[i + 1]?.[1]
        if (
          next !== '.000000' &&
          value.length >= 2 &&
          (value[0] === '.' || value[0] === ',') &&
          isDigit(value, 1)
        ) {
          let n = 2
          while (isDigit(value, n)) n++
          const frac = parseNanoseconds(value, n)
          if (!frac) bad = true
          else {
            nsec = frac.ns
            range = frac.range ?? ''
          }
          value = value.slice(n)
        }
        break
      }
      case '.000000': {
        if (value.length < 7) {
          bad = true
          break
        }
        const frac = parseNanoseconds(value, 7)
        if (!frac) bad = true
        else {
          nsec = frac.ns
          range = frac.range ?? ''
        }
        value = value.slice(7)
        break
      }
      case 'Z07:00': {
        if (value[0] === 'Z') {
          value = value.slice(1)
          break
        }
        if (value.length < 6 || value[3] !== ':') {
          bad = true
          break
        }
        const sign = value[0]
        const hr = getnum(value.slice(1, 3), true)
        const mm = hr ? getnum(value.slice(4, 6), true) : undefined
        value = value.slice(6)
        // As upstream, the range checks run even when a digit pair failed (its value is 0).
        if (!hr || !mm) bad = true
        if ((hr?.n ?? 0) > 24) range = 'time zone offset hour'
        if ((mm?.n ?? 0) > 60) range = 'time zone offset minute'
        zoneOffset = ((hr?.n ?? 0) * 60 + (mm?.n ?? 0)) * 60
        if (sign === '-') zoneOffset = -zoneOffset
        else if (sign !== '+') bad = true
        break
      }
    }
    if (range !== '') return fail(`: ${range} out of range`)
    if (bad) return cannot(hold, std)
  }
  if (value.length !== 0) return fail(`: extra text: ${goTimeQuote(value)}`)
  if (day < 1 || day > daysIn(month, year)) return fail(': day out of range')
  const unixSeconds =
    daysFromCivil(year, month, day) * 86400 + hour * 3600 + min * 60 + sec - zoneOffset
  return { ok: true, time: { unixSeconds, nanos: nsec } }
}

/** t.UTC().Format(layout): what metav1.Time / MicroTime MarshalJSON writes. */
export function formatGoTime(layout: GoTimeLayout, t: GoTime): string {
  const days = Math.floor(t.unixSeconds / 86400)
  const secs = t.unixSeconds - days * 86400
  const { y, m, d } = civilFromDays(days)
  const clock = `${pad(Math.floor(secs / 3600), 2)}:${pad(Math.floor(secs / 60) % 60, 2)}:${pad(secs % 60, 2)}`
  const frac = layout === 'RFC3339Micro' ? '.' + pad(Math.floor(t.nanos / 1000), 6) : ''
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}T${clock}${frac}Z`
}
