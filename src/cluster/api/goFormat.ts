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
  // Go turns a nil value into the string "null" before quoting it (field.Error ErrorBody).
  if (v === null || v === undefined) return '"null"'
  if (isGoLiteral(v)) return v.goLiteral
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

/** A value that prints as the given Go text (for %#v of Go structs such as metav1.LabelSelector). */
export interface GoLiteral {
  readonly goLiteral: string
}

/** Wrap Go text so goSharpV prints it as is. */
export function goLiteral(text: string): GoLiteral {
  return { goLiteral: text }
}

function isGoLiteral(v: unknown): v is GoLiteral {
  return typeof v === 'object' && v !== null && typeof (v as { goLiteral?: unknown }).goLiteral === 'string' && Object.keys(v).length === 1
}

interface SelectorLike {
  matchLabels?: Record<string, string>
  matchExpressions?: { key?: string; operator?: string; values?: string[] }[]
}

/** %#v of a metav1.LabelSelector, as field errors print it (e.g. "field is immutable"). */
export function goLabelSelector(sel: SelectorLike | undefined | null): GoLiteral {
  if (!sel) return goLiteral('null')
  const labels = sel.matchLabels ? goSharpV(sel.matchLabels) : 'map[string]string(nil)'
  const exprs = sel.matchExpressions
  const exprText =
    exprs && exprs.length
      ? `[]v1.LabelSelectorRequirement{${exprs
          .map(
            (e) =>
              `v1.LabelSelectorRequirement{Key:${goQuote(e.key ?? '')}, Operator:${goQuote(e.operator ?? '')}, Values:${e.values ? goSharpV(e.values) : '[]string(nil)'}}`,
          )
          .join(', ')}}`
      : '[]v1.LabelSelectorRequirement(nil)'
  return goLiteral(`v1.LabelSelector{MatchLabels:${labels}, MatchExpressions:${exprText}}`)
}
