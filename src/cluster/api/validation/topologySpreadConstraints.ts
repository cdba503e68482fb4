/**
 * Topology spread constraint validation.
 * Mirrors pkg/apis/core/validation/validation.go validateTopologySpreadConstraints
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1'
import {
  duplicate,
  forbidden,
  invalid,
  notSupported,
  required,
  type FieldError,
  type FieldPath,
} from '../field'
import { validateLabelName, validateLabelSelector } from './metaValidation'
import { list, num, obj, optNum, optObj, optStr, str, strList } from './objectMeta'

/**
 * validateTopologySpreadConstraints: maxSkew, topologyKey, whenUnsatisfiable, unique
 * {topologyKey, whenUnsatisfiable} pairs, minDomains, node policies, matchLabelKeys, selector.
 */
export function validateTopologySpreadConstraints(
  constraints: unknown,
  fldPath: FieldPath,
): FieldError[] {
  const errs: FieldError[] = []
  const all = list(constraints).map(obj)
  all.forEach((c, i) => {
    const p = fldPath.index(i)
    const maxSkew = num(c.maxSkew)
    if (maxSkew <= 0) errs.push(invalid(p.child('maxSkew'), maxSkew, 'must be greater than zero'))
    const topologyKey = str(c.topologyKey)
    if (topologyKey === '') errs.push(required(p.child('topologyKey'), 'can not be empty'))
    const action = str(c.whenUnsatisfiable)
    if (action !== 'DoNotSchedule' && action !== 'ScheduleAnyway') {
      errs.push(
        notSupported(p.child('whenUnsatisfiable'), action, ['DoNotSchedule', 'ScheduleAnyway']),
      )
    }
    if (
      all
        .slice(i + 1)
        .some((o) => str(o.topologyKey) === topologyKey && str(o.whenUnsatisfiable) === action)
    ) {
      errs.push(
        duplicate(p.child('{topologyKey, whenUnsatisfiable}'), `{${topologyKey}, ${action}}`),
      )
    }
    const minDomains = optNum(c.minDomains)
    if (minDomains !== undefined) {
      if (minDomains <= 0)
        errs.push(invalid(p.child('minDomains'), minDomains, 'must be greater than zero'))
      if (action !== 'DoNotSchedule') {
        errs.push(
          invalid(
            p.child('minDomains'),
            minDomains,
            `can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ${action}`,
          ),
        )
      }
    }
    for (const policy of ['nodeAffinityPolicy', 'nodeTaintsPolicy']) {
      const v = optStr(c[policy])
      if (v !== undefined && v !== 'Honor' && v !== 'Ignore')
        errs.push(notSupported(p.child(policy), v, ['Honor', 'Ignore']))
    }
    const matchLabelKeys = strList(c.matchLabelKeys)
    const selector = optObj(c.labelSelector)
    if (matchLabelKeys.length > 0) {
      const mlkPath = p.child('matchLabelKeys')
      const keys = new Set<string>()
      if (selector) {
        for (const k of Object.keys(obj(selector.matchLabels))) keys.add(k)
        for (const e of list(selector.matchExpressions)) keys.add(str(obj(e).key))
      } else {
        errs.push(forbidden(mlkPath, 'must not be specified when labelSelector is not set'))
      }
      matchLabelKeys.forEach((k, j) => {
        errs.push(...validateLabelName(k, mlkPath.index(j)))
        if (keys.has(k))
          errs.push(invalid(mlkPath.index(j), k, 'exists in both matchLabelKeys and labelSelector'))
      })
    }
    errs.push(
      ...validateLabelSelector(
        selector as LabelSelector | undefined,
        { allowInvalidLabelValueInSelector: false },
        p.child('labelSelector'),
      ),
    )
  })
  return errs
}
