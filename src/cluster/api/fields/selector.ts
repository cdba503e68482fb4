/**
 * Field selectors: field=value, field==value and field!=value terms joined by ",", with
 * "\" escaping of "\", "," and "=" in values.
 * Mirrors staging/src/k8s.io/apimachinery/pkg/fields/selector.go.
 */

/** A field set read from an object; a missing field reads as "". */
export type Fields = Record<string, string>

/** One term: field, operator ("=" for both = and ==, or "!="), unescaped value. */
export interface FieldRequirement {
  field: string
  operator: '=' | '!='
  value: string
}

/** A field selector (fields.Selector). */
export interface FieldSelector {
  /** True when every term holds for the fields. */
  matches(fields: Fields): boolean
  /** The terms, in the selector's (sorted) order. */
  requirements(): FieldRequirement[]
  /** True when there are no terms. */
  empty(): boolean
  /** The canonical text, values escaped. */
  toString(): string
  /** The value an "=" term requires for the field, if any. */
  requiresExactMatch(field: string): string | undefined
}

const get = (fields: Fields, f: string): string =>
  Object.hasOwn(fields, f) ? (fields[f] ?? '') : ''

/** EscapeValue: backslash-escape "\", "," and "=". */
export function escapeValue(s: string): string {
  return s.replace(/[\\,=]/g, (c) => '\\' + c)
}

/** UnescapeValue: the literal value, or the upstream error for a bad escape or a bare "," or "=". */
export function unescapeValue(
  s: string,
): { ok: true; value: string } | { ok: false; error: string } {
  if (!/[\\,=]/.test(s)) return { ok: true, value: s }
  let out = ''
  let inSlash = false
  for (const c of s) {
    if (inSlash) {
      if (c !== '\\' && c !== ',' && c !== '=') {
        return { ok: false, error: `invalid field selector: invalid escape sequence: \\${c}` }
      }
      out += c
      inSlash = false
      continue
    }
    if (c === '\\') inSlash = true
    // UnescapedRune prints the rune with %v, i.e. as its number.
    else if (c === ',' || c === '=') {
      return {
        ok: false,
        error: `invalid field selector: unescaped character in value: ${c.codePointAt(0) ?? 0}`,
      }
    } else out += c
  }
  if (inSlash) return { ok: false, error: 'invalid field selector: invalid escape sequence: \\' }
  return { ok: true, value: out }
}

class AndSelector implements FieldSelector {
  constructor(private readonly terms: readonly FieldRequirement[]) {}
  matches(fields: Fields): boolean {
    return this.terms.every((t) => (get(fields, t.field) === t.value) === (t.operator === '='))
  }
  requirements(): FieldRequirement[] {
    return this.terms.map((t) => ({ ...t }))
  }
  empty(): boolean {
    return this.terms.length === 0
  }
  toString(): string {
    return this.terms.map((t) => `${t.field}${t.operator}${escapeValue(t.value)}`).join(',')
  }
  requiresExactMatch(field: string): string | undefined {
    return this.terms.find((t) => t.field === field && t.operator === '=')?.value
  }
}

/** Everything: the empty field selector. */
export function everythingFields(): FieldSelector {
  return new AndSelector([])
}

/** A field selector from terms (AndSelectors of OneTermEqual/NotEqual selectors). */
export function fieldSelectorFromRequirements(terms: readonly FieldRequirement[]): FieldSelector {
  return new AndSelector(terms.map((t) => ({ ...t })))
}

/** SelectorFromSet: field=value for each entry. */
export function fieldSelectorFromSet(set: Fields): FieldSelector {
  return new AndSelector(
    Object.entries(set).map(([field, value]) => ({ field, operator: '=', value })),
  )
}

// splitTerms: split on commas not escaped by a backslash (the backslash stays in the term).
function splitTerms(s: string): string[] {
  if (s === '') return []
  const terms: string[] = []
  let start = 0
  let inSlash = false
  for (let i = 0; i < s.length; i++) {
    const c = s[i]
    if (inSlash) inSlash = false
    else if (c === '\\') inSlash = true
    else if (c === ',') {
      terms.push(s.slice(start, i))
      start = i + 1
    }
  }
  terms.push(s.slice(start))
  return terms
}

// splitTerm: the first "!=", "==" or "=" (checked in that order at each position) splits the term.
function splitTerm(term: string): [string, string, string] | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const op of ['!=', '==', '=']) {
      if (term.startsWith(op, i)) return [term.slice(0, i), op, term.slice(i + op.length)]
    }
  }
  return undefined
}

/** fields.ParseSelector: terms sorted as text, or the upstream error text. */
export function parseFieldSelector(
  s: string,
): { ok: true; selector: FieldSelector } | { ok: false; error: string } {
  const parts = splitTerms(s).sort()
  const terms: FieldRequirement[] = []
  for (const part of parts) {
    if (part === '') continue
    const split = splitTerm(part)
    if (!split) return { ok: false, error: `invalid selector: '${s}'; can't understand '${part}'` }
    const [field, op, rhs] = split
    const v = unescapeValue(rhs)
    if (!v.ok) return v
    terms.push({ field, operator: op === '!=' ? '!=' : '=', value: v.value })
  }
  return { ok: true, selector: new AndSelector(terms) }
}
