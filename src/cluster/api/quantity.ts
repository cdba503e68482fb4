/**
 * Resource quantities ("100m", "1.5", "8Gi", "1e3"): parsing with upstream's rules and
 * error texts, and the canonical text the API server prints back.
 * Mirrors staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go (ParseQuantity,
 * CanonicalizeBytes), suffix.go and amount.go. Arithmetic is exact (bigint); the numbers
 * handed out (milliValue, value) are JS doubles (SPEC SEL-26).
 */

/** The three ways a quantity prints (resource.Format). */
export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent'

/** A parsed quantity as plain data. */
export interface Quantity {
  /** MilliValue(): the value in thousandths, rounded away from zero. */
  milliValue: number
  /** Value(): the value, rounded away from zero. */
  value: number
  /** The format the quantity was written in (and prints in). */
  format: QuantityFormat
  /** String(): what the API server prints, e.g. "1500m" for "1.5", "1Gi" for "1024Mi". */
  canonical: string
}

const splitREString = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'
/** ErrFormatWrong */
export const errFormatWrong = `quantities must match the regular expression '${splitREString}'`
/** ErrNumeric */
export const errNumeric = 'unable to parse numeric part of quantity'
/** ErrSuffix */
export const errSuffix = "unable to parse quantity's suffix"

const decimalSuffixes: Readonly<Record<string, number>> = {
  n: -9,
  u: -6,
  m: -3,
  '': 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
}
const binarySuffixes: Readonly<Record<string, number>> = {
  Ki: 10,
  Mi: 20,
  Gi: 30,
  Ti: 40,
  Pi: 50,
  Ei: 60,
}
const decimalByExponent = new Map(Object.entries(decimalSuffixes).map(([s, e]) => [e, s]))
const binaryByPower = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei']
const maxInt32 = 2147483647
const maxAllowed = 2n ** 63n - 1n
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9'

interface Scanned {
  positive: boolean
  value: string
  num: string
  denom: string
  suffix: string
}

// parseQuantityString: sign, numerator without leading zeros, denominator, suffix.
function scan(str: string): Scanned | undefined {
  const end = str.length
  let positive = true
  let pos = 0
  if (str[0] === '-') {
    positive = false
    pos++
  } else if (str[0] === '+') pos++
  const done = (value: string, num: string, denom = '', suffix = ''): Scanned => ({
    positive,
    value,
    num,
    denom,
    suffix,
  })

  while (str[pos] === '0') pos++
  if (pos >= end) return done('0', '0')
  let i = pos
  while (i < end && isDigit(str[i])) i++
  if (i >= end) return done(str, str.slice(pos))
  let num = str.slice(pos, i)
  pos = i
  if (num === '') num = '0'
  let denom = ''
  if (str[pos] === '.') {
    pos++
    i = pos
    while (i < end && isDigit(str[i])) i++
    denom = str.slice(pos, i)
    if (i >= end) return done(str, num, denom)
    pos = i
  }
  const value = str.slice(0, pos)
  const suffixStart = pos
  while (pos < end && 'eEinumkKMGTP'.includes(str[pos] ?? '')) pos++
  if (str[pos] === '-' || str[pos] === '+') pos++
  while (pos < end && isDigit(str[pos])) pos++
  // Anything after the exponent digits is not a quantity.
  if (pos < end) return undefined
  return done(value, num, denom, str.slice(suffixStart))
}

interface Suffix {
  base: 2 | 10
  exponent: number
  format: QuantityFormat
}

// suffixHandler.interpret; exponents past int32 are rejected (upstream no longer truncates them).
function interpret(s: string): Suffix | undefined {
  if (Object.hasOwn(decimalSuffixes, s))
    return { base: 10, exponent: decimalSuffixes[s] ?? 0, format: 'DecimalSI' }
  if (Object.hasOwn(binarySuffixes, s))
    return { base: 2, exponent: binarySuffixes[s] ?? 0, format: 'BinarySI' }
  if (s.length > 1 && (s[0] === 'e' || s[0] === 'E') && /^[+-]?[0-9]+$/.test(s.slice(1))) {
    const exponent = Number(s.slice(1))
    if (Math.abs(exponent) <= maxInt32) return { base: 10, exponent, format: 'DecimalExponent' }
  }
  return undefined
}

const pow10 = (n: number): bigint => 10n ** BigInt(n)
const digitCount = (a: bigint): number => (a < 0n ? -a : a).toString().length

// a / 10^d rounded away from zero (inf.RoundUp), with exactness.
function divRoundAway(a: bigint, d: number): [bigint, boolean] {
  if (a === 0n) return [0n, true]
  const sign = a < 0n ? -1n : 1n
  const abs = a * sign
  // A divisor longer than the number leaves only the rounding unit.
  if (d > digitCount(abs)) return [sign, false]
  const div = pow10(d)
  const q = abs / div
  const exact = abs % div === 0n
  return [(exact ? q : q + 1n) * sign, exact]
}

// The amount m·10^e scaled to 10^scale units (ScaledValue), rounded away from zero, as a double.
function scaled(m: bigint, e: number, scale: number): number {
  const shift = e - scale
  if (shift >= 0)
    return shift > 400 ? (m === 0n ? 0 : m > 0n ? Infinity : -Infinity) : Number(m * pow10(shift))
  return Number(divRoundAway(m, -shift)[0])
}

/**
 * The canonical text of m·10^e in a format (CanonicalizeBytes): no fractional digits, the
 * largest suffix that loses nothing; BinarySI below 1024 or not whole prints as DecimalSI.
 */
function canonicalize(m: bigint, e: number, format: QuantityFormat): string {
  if (m === 0n) return '0'
  const sign = m < 0n ? '-' : ''
  let a = m < 0n ? -m : m
  let fmt = format
  if (fmt === 'BinarySI') {
    const small = e >= 4 ? false : e >= 0 ? a * pow10(e) < 1024n : a < 1024n * pow10(-e)
    const [whole, exact] = e >= 0 ? [a * pow10(e), true] : divRoundAway(a, -e)
    if (small || !exact) fmt = 'DecimalSI'
    else {
      let k = 0
      let x = whole
      while (x % 1024n === 0n && k < binaryByPower.length - 1) {
        x /= 1024n
        k++
      }
      if (x % 1024n !== 0n || k === 0) return sign + x.toString() + (binaryByPower[k] ?? '')
      // Past Ei there is no binary suffix: print exactly, in decimal.
      fmt = 'DecimalExponent'
    }
  }
  while (a % 10n === 0n) {
    a /= 10n
    e++
  }
  while (e % 3 !== 0) {
    a *= 10n
    e--
  }
  const si = fmt === 'DecimalSI' ? decimalByExponent.get(e) : undefined
  // DecimalSI has no suffix past E or below n: upstream now falls back to exponent notation.
  const suffix = si !== undefined ? si : e === 0 ? '' : `e${e}`
  return sign + a.toString() + suffix
}

function make(m: bigint, e: number, format: QuantityFormat, canonical?: string): Quantity {
  return {
    milliValue: scaled(m, e, -3),
    value: scaled(m, e, 0),
    format,
    canonical: canonical ?? canonicalize(m, e, format),
  }
}

/** The exact amount of a quantity: mantissa × 10^exponent. */
export interface QuantityAmount {
  mantissa: bigint
  exponent: number
}

type Parsed =
  | { ok: true; amount: QuantityAmount; format: QuantityFormat; text?: string }
  | { ok: false; error: string }

function parse(input: string | number): Parsed {
  if (typeof input === 'number' && !Number.isFinite(input))
    return { ok: false, error: errFormatWrong }
  const str = String(input)
  if (str === '') return { ok: false, error: errFormatWrong }
  if (str === '0')
    return { ok: true, amount: { mantissa: 0n, exponent: 0 }, format: 'DecimalSI', text: '0' }
  const sc = scan(str)
  if (!sc) return { ok: false, error: errFormatWrong }
  const suf = interpret(sc.suffix)
  if (!suf) return { ok: false, error: errSuffix }
  const { num, denom, positive } = sc
  let format = suf.format

  // The int64 fast path keeps the input text as the canonical form when it already is one.
  let reuse = false
  let fast = false
  let precision: number
  let scale = 0
  let mantissa = 1n
  if (suf.base === 10) {
    scale = suf.exponent
    precision = 18 - (num.length + denom.length)
  } else if (suf.exponent >= 0 && denom === '') {
    mantissa = 1n << BigInt(suf.exponent)
    precision = 15 - num.length - Math.trunc((suf.exponent * 3) / 10) - 1
  } else {
    precision = -1
  }
  if (precision >= 0) {
    scale -= denom.length
    if (scale >= -9) {
      const shifted = num + denom
      const v = BigInt(shifted)
      if (v * mantissa <= maxAllowed) {
        fast = true
        reuse =
          suf.base === 2
            ? suf.exponent % 10 === 0 && (v & 7n) !== 0n
            : scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0'
      }
    }
  }
  if (!fast && !/[0-9]/.test(sc.value)) return { ok: false, error: errNumeric }

  let m = BigInt(num + denom)
  let e = -denom.length
  if (suf.base === 10) e += suf.exponent
  else m *= 1n << BigInt(suf.exponent)
  // Round non-zero values up to the nano scale: asking for a little gets a little.
  if (e < -9) {
    m = divRoundAway(m, -9 - e)[0]
    e = -9
  }
  if (format === 'BinarySI') {
    if (e < 0 ? m > maxAllowed * pow10(-e) : m > maxAllowed) {
      m = maxAllowed
      e = 0
    }
    if (m > 0n && (e < 0 ? m < pow10(-e) : false)) format = 'DecimalSI'
  }
  if (!positive) m = -m
  return { ok: true, amount: { mantissa: m, exponent: e }, format, text: reuse ? str : undefined }
}

/**
 * ParseQuantity: a quantity, or upstream's error text. A number is read as its JSON text
 * (YAML "cpu: 1" arrives as the number 1).
 */
export function parseQuantity(
  input: string | number,
): { ok: true; q: Quantity } | { ok: false; error: string } {
  const p = parse(input)
  if (!p.ok) return p
  return { ok: true, q: make(p.amount.mantissa, p.amount.exponent, p.format, p.text) }
}

/** The exact amount of a quantity text, or undefined when it does not parse. */
export function quantityAmount(input: string | number): QuantityAmount | undefined {
  const p = parse(input)
  return p.ok ? p.amount : undefined
}

/** Quantity.Cmp on exact amounts: -1, 0 or 1; undefined when either does not parse. */
export function compareQuantities(a: string | number, b: string | number): -1 | 0 | 1 | undefined {
  const x = quantityAmount(a)
  const y = quantityAmount(b)
  if (!x || !y) return undefined
  const sx = x.mantissa === 0n ? 0 : x.mantissa < 0n ? -1 : 1
  const sy = y.mantissa === 0n ? 0 : y.mantissa < 0n ? -1 : 1
  if (sx !== sy) return sx < sy ? -1 : 1
  if (sx === 0) return 0
  // Compare magnitudes by leading-digit position first, so huge exponents are never expanded.
  const mx = digitCount(x.mantissa) + x.exponent
  const my = digitCount(y.mantissa) + y.exponent
  if (mx !== my) return mx > my === sx > 0 ? 1 : -1
  const e = Math.min(x.exponent, y.exponent)
  const d = x.mantissa * pow10(x.exponent - e) - y.mantissa * pow10(y.exponent - e)
  return d < 0n ? -1 : d > 0n ? 1 : 0
}

/**
 * The canonical text of a value given in thousandths, in a format: what a summed Quantity
 * prints (kubectl describe node's "100m", "128Mi").
 */
export function formatQuantity(milli: number, format: QuantityFormat): string {
  if (!Number.isFinite(milli)) return '0'
  return canonicalize(BigInt(Math.ceil(milli)), -3, format)
}
