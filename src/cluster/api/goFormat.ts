/**
 * Go's fmt verbs as kube-apiserver's messages use them (%q, %v, %#v), so that error texts
 * read exactly as a real cluster prints them.
 */

/** Go's %q for a string: double-quoted with Go escapes. */
export function goQuote(s: string): string {
  let out = '"'
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0
    if (ch === '"') out += '\\"'
    else if (ch === '\\') out += '\\\\'
    else if (ch === '\n') out += '\\n'
    else if (ch === '\t') out += '\\t'
    else if (ch === '\r') out += '\\r'
    else if (code < 0x20 || code === 0x7f) out += '\\x' + code.toString(16).padStart(2, '0')
    else out += ch
  }
  return out + '"'
}

function isStringMap(v: object): v is Record<string, string> {
  return Object.values(v).every((x) => typeof x === 'string')
}

/**
 * Go's %#v for the values validation reports: map[string]string{"a":"b"} (keys sorted, as
 * fmt does), []string{"a", "b"}; other structures as compact JSON (a documented
 * simplification: Go would print its internal struct).
 */
export function goSharpV(v: unknown): string {
  if (v === null || v === undefined) return 'null'
  if (typeof v === 'string') return goQuote(v)
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  if (Array.isArray(v)) {
    if (v.every((x) => typeof x === 'string')) return `[]string{${v.map((x: string) => goQuote(x)).join(', ')}}`
    return JSON.stringify(v)
  }
  if (typeof v === 'object') {
    if (isStringMap(v)) {
      const keys = Object.keys(v).sort()
      return `map[string]string{${keys.map((k) => `${goQuote(k)}:${goQuote(v[k] ?? '')}`).join(', ')}}`
    }
    return JSON.stringify(v)
  }
  return String(v)
}
