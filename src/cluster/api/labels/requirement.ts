/**
 * One label selector requirement (key, operator, values): construction with upstream's
 * validation and error texts, matching, and its canonical text.
 * Mirrors staging/src/k8s.io/apimachinery/pkg/labels/selector.go (Requirement, NewRequirement).
 */
import { aggregateText, invalid, notSupported, type FieldError } from '../field'
import { isQualifiedName, isValidLabelValue } from '../validation/names'

/** selection.Operator values, spelled as upstream. */
export type Operator = '!' | '=' | '==' | 'in' | '!=' | 'notin' | 'exists' | 'gt' | 'lt'

/** validRequirementOperators, in upstream order (binary then unary). */
export const validRequirementOperators: readonly Operator[] = [
  'in',
  'notin',
  '=',
  '==',
  '!=',
  'gt',
  'lt',
  'exists',
  '!',
]

/** A requirement: plain data, values as given (the parser passes them sorted and de-duplicated). */
export interface Requirement {
  key: string
  operator: Operator
  values: string[]
}

/** A label set as objects carry it; undefined is the empty set. */
export type Labels = Record<string, string> | undefined

/** Has a label (own keys only, so "constructor" is not a label of {}). */
export function hasLabel(labels: Labels, key: string): boolean {
  return labels !== undefined && Object.hasOwn(labels, key)
}

/** Go's strconv.ParseInt(s, 10, 64) as a bigint, or undefined. */
export function parseInt64(s: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined
  const v = BigInt(s)
  return v >= -(2n ** 63n) && v < 2n ** 63n ? v : undefined
}

// The field path of parser errors is a nil *field.Path upstream, which prints "<nil>".
const nilPath = '<nil>'

function pathOf(base: string | undefined, child: string): string {
  return base === undefined ? child : `${base}.${child}`
}

/** validateLabelKey: one Invalid error whose detail joins the messages with "; ". */
export function validateLabelKey(key: string, path: string | undefined): FieldError | undefined {
  const errs = isQualifiedName(key)
  return errs.length ? invalid(path ?? nilPath, key, errs.join('; ')) : undefined
}

/**
 * NewRequirement: the requirement, or the aggregated error text of every rule it breaks.
 * path is the field path of the errors (field.WithPath); unset, keys report at "key" and
 * values at "values[i][key]", as upstream.
 */
export function newRequirement(
  key: string,
  op: Operator,
  vals: readonly string[],
  path?: string,
): { ok: true; requirement: Requirement } | { ok: false; error: string } {
  const errs: FieldError[] = []
  const keyErr = validateLabelKey(key, pathOf(path, 'key'))
  if (keyErr) errs.push(keyErr)
  const valuePath = pathOf(path, 'values')
  switch (op) {
    case 'in':
    case 'notin':
      if (vals.length === 0)
        errs.push(
          invalid(valuePath, [...vals], "for 'in', 'notin' operators, values set can't be empty"),
        )
      break
    case '=':
    case '==':
    case '!=':
      if (vals.length !== 1)
        errs.push(
          invalid(valuePath, [...vals], 'exact-match compatibility requires one single value'),
        )
      break
    case 'exists':
    case '!':
      if (vals.length !== 0)
        errs.push(
          invalid(valuePath, [...vals], 'values set must be empty for exists and does not exist'),
        )
      break
    case 'gt':
    case 'lt':
      if (vals.length !== 1) {
        errs.push(
          invalid(valuePath, [...vals], "for 'Gt', 'Lt' operators, exactly one value is required"),
        )
      }
      vals.forEach((v, i) => {
        if (parseInt64(v) === undefined) {
          errs.push(
            invalid(
              `${valuePath}[${i}]`,
              v,
              "for 'Gt', 'Lt' operators, the value must be an integer",
            ),
          )
        }
      })
      break
    default:
      errs.push(notSupported(pathOf(path, 'operator'), op, validRequirementOperators))
  }
  vals.forEach((v, i) => {
    const msgs = isValidLabelValue(v)
    if (msgs.length) errs.push(invalid(`${valuePath}[${i}][${key}]`, v, msgs.join('; ')))
  })
  if (errs.length) return { ok: false, error: aggregateText(errs) }
  return { ok: true, requirement: { key, operator: op, values: [...vals] } }
}

/** Requirement.Matches: exact, set, existence and integer comparisons against a label set. */
export function requirementMatches(r: Requirement, labels: Labels): boolean {
  const has = hasLabel(labels, r.key)
  const val = has && labels ? (labels[r.key] ?? '') : ''
  switch (r.operator) {
    case 'in':
    case '=':
    case '==':
      return has && r.values.includes(val)
    case 'notin':
    case '!=':
      return !has || !r.values.includes(val)
    case 'exists':
      return has
    case '!':
      return !has
    case 'gt':
    case 'lt': {
      if (!has) return false
      const lv = parseInt64(val)
      if (lv === undefined || r.values.length !== 1) return false
      const rv = parseInt64(r.values[0] ?? '')
      if (rv === undefined) return false
      return r.operator === 'gt' ? lv > rv : lv < rv
    }
    default:
      return false
  }
}

const operatorText: Record<Operator, string> = {
  '=': '=',
  '==': '==',
  '!=': '!=',
  in: ' in ',
  notin: ' notin ',
  gt: '>',
  lt: '<',
  exists: '',
  '!': '',
}

/** Requirement.String: "!k", "k", "k=v", "k in (a,b)" with values sorted. */
export function requirementString(r: Requirement): string {
  let s = (r.operator === '!' ? '!' : '') + r.key
  if (r.operator === 'exists' || r.operator === '!') return s
  s += operatorText[r.operator]
  const vals = r.values.length === 1 ? (r.values[0] ?? '') : [...r.values].sort().join(',')
  return r.operator === 'in' || r.operator === 'notin' ? `${s}(${vals})` : s + vals
}
