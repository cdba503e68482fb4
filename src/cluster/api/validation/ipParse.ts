/**
 * Lenient IP and CIDR parsing as k8s.io/utils/net ParseIPSloppy / ParseCIDRSloppy (the
 * Go 1.16 net.ParseIP rules: IPv4 octets may have leading zeros, no IPv6 zones).
 * Mirrors k8s.io/utils/net/ipnet.go parse.go (forked from Go's net/ip.go).
 */

/** A parsed address: 16 bytes, v4 when it is IPv4 or IPv4-mapped (ip.To4() != nil). */
export interface ParsedIP {
  bytes: number[]
  v4: boolean
}

const big = 0xffffff

// Decimal digits at the start of s: [value, digits consumed], or undefined (dtoi).
function dtoi(s: string): [number, number] | undefined {
  let n = 0
  let i = 0
  for (; i < s.length && s[i]! >= '0' && s[i]! <= '9'; i++) {
    n = n * 10 + (s.charCodeAt(i) - 48)
    if (n >= big) return undefined
  }
  return i === 0 ? undefined : [n, i]
}

// Hexadecimal digits at the start of s (xtoi).
function xtoi(s: string): [number, number] | undefined {
  let n = 0
  let i = 0
  for (; i < s.length; i++) {
    const d = parseInt(s[i]!, 16)
    if (Number.isNaN(d)) break
    n = n * 16 + d
    if (n >= big) return undefined
  }
  return i === 0 ? undefined : [n, i]
}

function parseIPv4(s: string): number[] | undefined {
  const out: number[] = []
  let rest = s
  for (let i = 0; i < 4; i++) {
    if (rest.length === 0) return undefined
    if (i > 0) {
      if (rest[0] !== '.') return undefined
      rest = rest.slice(1)
    }
    const r = dtoi(rest)
    if (!r || r[0] > 0xff) return undefined
    out.push(r[0])
    rest = rest.slice(r[1])
  }
  return rest.length === 0 ? out : undefined
}

const v4InV6Prefix = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff]

function parseIPv6(s: string): number[] | undefined {
  const ip: number[] = new Array<number>(16).fill(0)
  let ellipsis = -1
  let rest = s
  if (rest.length >= 2 && rest.startsWith('::')) {
    ellipsis = 0
    rest = rest.slice(2)
    if (rest.length === 0) return ip
  }
  let i = 0
  while (i < 16) {
    const r = xtoi(rest)
    if (!r || r[0] > 0xffff) return undefined
    const [n, c] = r
    if (c < rest.length && rest[c] === '.') {
      // An embedded IPv4 address must sit in the last four bytes.
      if (ellipsis < 0 && i !== 12) return undefined
      if (i + 4 > 16) return undefined
      const v4 = parseIPv4(rest)
      if (!v4) return undefined
      ip.splice(i, 4, ...v4)
      i += 4
      rest = ''
      break
    }
    ip[i] = n >> 8
    ip[i + 1] = n & 0xff
    i += 2
    rest = rest.slice(c)
    if (rest.length === 0) break
    if (rest[0] !== ':' || rest.length === 1) return undefined
    rest = rest.slice(1)
    if (rest[0] === ':') {
      if (ellipsis >= 0) return undefined
      ellipsis = i
      rest = rest.slice(1)
      if (rest.length === 0) break
    }
  }
  if (rest.length !== 0) return undefined
  if (i < 16) {
    if (ellipsis < 0) return undefined
    const n = 16 - i
    for (let j = i - 1; j >= ellipsis; j--) ip[j + n] = ip[j]!
    for (let j = ellipsis + n - 1; j >= ellipsis; j--) ip[j] = 0
  } else if (ellipsis >= 0) {
    // The ellipsis must stand for at least one group of zeros.
    return undefined
  }
  return ip
}

function isV4(bytes: number[]): boolean {
  return v4InV6Prefix.every((b, i) => bytes[i] === b)
}

/** ParseIPSloppy: the address, or undefined when it is not one. */
export function parseIP(s: string): ParsedIP | undefined {
  for (const ch of s) {
    if (ch === '.') {
      const v4 = parseIPv4(s)
      return v4 ? { bytes: [...v4InV6Prefix, ...v4], v4: true } : undefined
    }
    if (ch === ':') {
      const v6 = parseIPv6(s)
      return v6 ? { bytes: v6, v4: isV4(v6) } : undefined
    }
  }
  return undefined
}

/** ParseCIDRSloppy: the address and prefix length, or undefined. */
export function parseCIDR(s: string): { ip: ParsedIP; bits: number } | undefined {
  const slash = s.indexOf('/')
  if (slash < 0) return undefined
  const addr = s.slice(0, slash)
  const mask = s.slice(slash + 1)
  let iplen = 4
  let ip: ParsedIP | undefined
  const v4 = parseIPv4(addr)
  if (v4) ip = { bytes: [...v4InV6Prefix, ...v4], v4: true }
  else {
    iplen = 16
    const v6 = parseIPv6(addr)
    if (v6) ip = { bytes: v6, v4: isV4(v6) }
  }
  const m = dtoi(mask)
  if (!ip || !m || m[1] !== mask.length || m[0] > 8 * iplen) return undefined
  return { ip, bits: m[0] }
}
