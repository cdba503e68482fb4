/**
 * metav1.LabelSelector (matchLabels + matchExpressions) as a Selector, and its kubectl text.
 * Mirrors staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/helpers.go (LabelSelectorAsSelector,
 * FormatLabelSelector).
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1'
import { isObject, str } from '../../util/json'
import { goQuote } from '../goFormat'
import { newRequirement, type Operator, type Requirement } from './requirement'
import { everything, nothing, selectorFromRequirements, type Selector } from './selector'

const operators: Record<string, Operator> = {
  In: 'in',
  NotIn: 'notin',
  Exists: 'exists',
  DoesNotExist: '!',
}

/**
 * LabelSelectorAsSelector: a missing selector matches nothing, an empty one ({}) matches
 * everything; otherwise each matchLabels entry and matchExpressions entry becomes a
 * validated requirement.
 */
export function selectorFromLabelSelector(
  ls: LabelSelector | undefined | null,
): { ok: true; selector: Selector } | { ok: false; error: string } {
  if (!ls) return { ok: true, selector: nothing() }
  // Untrusted JSON reads as Go's zero values: non-lists as empty, non-strings as "".
  const matchLabels = Object.entries(isObject(ls.matchLabels) ? ls.matchLabels : {})
  const exprs: unknown[] = Array.isArray(ls.matchExpressions) ? ls.matchExpressions : []
  if (matchLabels.length + exprs.length === 0) return { ok: true, selector: everything() }
  const reqs: Requirement[] = []
  for (const [k, v] of matchLabels) {
    const r = newRequirement(k, '=', [str(v)])
    if (!r.ok) return r
    reqs.push(r.requirement)
  }
  for (const expr of exprs.filter(isObject)) {
    const operator = str(expr.operator)
    const op = Object.hasOwn(operators, operator) ? operators[operator] : undefined
    if (!op)
      return { ok: false, error: `${goQuote(operator)} is not a valid pod selector operator` }
    const values: unknown[] = Array.isArray(expr.values) ? expr.values : []
    const r = newRequirement(str(expr.key), op, values.map(str))
    if (!r.ok) return r
    reqs.push(r.requirement)
  }
  return { ok: true, selector: selectorFromRequirements(reqs) }
}

/** FormatLabelSelector: the selector's text, "<none>" when empty, "<error>" when invalid. */
export function formatLabelSelector(ls: LabelSelector | undefined | null): string {
  const r = selectorFromLabelSelector(ls)
  if (!r.ok) return '<error>'
  return r.selector.toString() || '<none>'
}
