/**
 * Affinity validation: node selectors, node affinity and pod (anti-)affinity terms.
 * Mirrors pkg/apis/core/validation/validation.go validateAffinity, ValidateNodeSelector,
 * validateNodeAffinity, validatePodAffinity, validatePodAntiAffinity and their helpers
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1'
import { forbidden, invalid, required, type FieldError, type FieldPath } from '../field'
import { validateLabelName, validateLabelSelector } from './metaValidation'
import { isValidLabelValue, nameIsDNSSubdomain, validateNamespaceName } from './names'
import { list, num, obj, optObj, str, strList, type Obj } from './objectMeta'
import type { PodValidationOptions } from './podValidationOptions'

// ---- node affinity ----

function validateNodeSelectorRequirement(
  rq: Obj,
  allowInvalidValues: boolean,
  fldPath: FieldPath,
): FieldError[] {
  const errs: FieldError[] = []
  const values = strList(rq.values)
  const op = str(rq.operator)
  switch (op) {
    case 'In':
    case 'NotIn':
      if (values.length === 0)
        errs.push(
          required(fldPath.child('values'), "must be specified when `operator` is 'In' or 'NotIn'"),
        )
      break
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) {
        errs.push(
          forbidden(
            fldPath.child('values'),
            "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
          ),
        )
      }
      break
    case 'Gt':
    case 'Lt':
      if (values.length !== 1) {
        errs.push(
          required(
            fldPath.child('values'),
            "must be specified single value when `operator` is 'Lt' or 'Gt'",
          ),
        )
      }
      break
    default:
      errs.push(invalid(fldPath.child('operator'), op, 'not a valid selector operator'))
  }
  errs.push(...validateLabelName(str(rq.key), fldPath.child('key')))
  if (!allowInvalidValues) {
    values.forEach((v, i) =>
      errs.push(
        ...isValidLabelValue(v).map((m) => invalid(fldPath.child('values').index(i), v, m)),
      ),
    )
  }
  return errs
}

function validateNodeFieldSelectorRequirement(req: Obj, fldPath: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  const values = strList(req.values)
  const op = str(req.operator)
  if (op === 'In' || op === 'NotIn') {
    if (values.length !== 1) {
      errs.push(
        required(
          fldPath.child('values'),
          "must be only one value when `operator` is 'In' or 'NotIn' for node field selector",
        ),
      )
    }
  } else {
    errs.push(invalid(fldPath.child('operator'), op, 'not a valid selector operator'))
  }
  const key = str(req.key)
  if (key !== 'metadata.name') {
    errs.push(invalid(fldPath.child('key'), key, 'not a valid field selector key'))
  } else {
    values.forEach((v, i) =>
      errs.push(
        ...nameIsDNSSubdomain(v, false).map((m) => invalid(fldPath.child('values').index(i), v, m)),
      ),
    )
  }
  return errs
}

function validateNodeSelectorTerm(
  term: Obj,
  allowInvalidValues: boolean,
  fldPath: FieldPath,
): FieldError[] {
  const errs: FieldError[] = []
  list(term.matchExpressions).forEach((r, j) =>
    errs.push(
      ...validateNodeSelectorRequirement(
        obj(r),
        allowInvalidValues,
        fldPath.child('matchExpressions').index(j),
      ),
    ),
  )
  list(term.matchFields).forEach((r, j) =>
    errs.push(
      ...validateNodeFieldSelectorRequirement(obj(r), fldPath.child('matchFields').index(j)),
    ),
  )
  return errs
}

/** ValidateNodeSelector: at least one term, each requirement well formed. */
export function validateNodeSelector(
  ns: Obj,
  allowInvalidValues: boolean,
  fldPath: FieldPath,
): FieldError[] {
  const termPath = fldPath.child('nodeSelectorTerms')
  const terms = list(ns.nodeSelectorTerms)
  if (terms.length === 0) return [required(termPath, 'must have at least one node selector term')]
  return terms.flatMap((t, i) =>
    validateNodeSelectorTerm(obj(t), allowInvalidValues, termPath.index(i)),
  )
}

function validateWeight(weight: number, fldPath: FieldPath): FieldError[] {
  return weight <= 0 || weight > 100 ? [invalid(fldPath, weight, 'must be in the range 1-100')] : []
}

function validateNodeAffinity(na: Obj, fldPath: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  const req = optObj(na.requiredDuringSchedulingIgnoredDuringExecution)
  if (req)
    errs.push(
      ...validateNodeSelector(
        req,
        false,
        fldPath.child('requiredDuringSchedulingIgnoredDuringExecution'),
      ),
    )
  const preferredPath = fldPath.child('preferredDuringSchedulingIgnoredDuringExecution')
  list(na.preferredDuringSchedulingIgnoredDuringExecution).forEach((raw, i) => {
    const term = obj(raw)
    errs.push(...validateWeight(num(term.weight), preferredPath.index(i).child('weight')))
    // Preferred terms always allow invalid label values: they can still succeed on one node.
    errs.push(
      ...validateNodeSelectorTerm(
        obj(term.preference),
        true,
        preferredPath.index(i).child('preference'),
      ),
    )
  })
  return errs
}

// ---- pod (anti-)affinity ----

function selectorKeys(sel: Obj | undefined): Set<string> {
  return new Set(Object.keys(obj(sel?.matchLabels)))
}

function validateLabelKeys(
  fldPath: FieldPath,
  keys: string[],
  selector: Obj | undefined,
): FieldError[] {
  if (keys.length === 0) return []
  if (!selector) return [forbidden(fldPath, 'must not be specified when labelSelector is not set')]
  return keys.flatMap((k, i) => validateLabelName(k, fldPath.index(i)))
}

function validateMatchLabelKeysAndMismatchLabelKeys(fldPath: FieldPath, term: Obj): FieldError[] {
  const matchKeys = strList(term.matchLabelKeys)
  const mismatchKeys = strList(term.mismatchLabelKeys)
  const selector = optObj(term.labelSelector)
  const errs = [
    ...validateLabelKeys(fldPath.child('matchLabelKeys'), matchKeys, selector),
    ...validateLabelKeys(fldPath.child('mismatchLabelKeys'), mismatchKeys, selector),
  ]
  if (selector) {
    const keyIndex = new Map(matchKeys.map((k, i) => [k, i]))
    const seen = selectorKeys(selector)
    for (const expr of list(selector.matchExpressions)) {
      const key = str(obj(expr).key)
      const i = keyIndex.get(key)
      // Upstream indexes the term path itself here, not matchLabelKeys.
      if (i !== undefined && seen.has(key))
        errs.push(invalid(fldPath.index(i), key, 'exists in both matchLabelKeys and labelSelector'))
      seen.add(key)
    }
  }
  const mismatch = new Set(mismatchKeys)
  matchKeys.forEach((k, i) => {
    if (mismatch.has(k))
      errs.push(
        invalid(
          fldPath.child('matchLabelKeys').index(i),
          k,
          'exists in both matchLabelKeys and mismatchLabelKeys',
        ),
      )
  })
  return errs
}

function validatePodAffinityTerm(
  term: Obj,
  opts: PodValidationOptions,
  fldPath: FieldPath,
): FieldError[] {
  const selOpts = { allowInvalidLabelValueInSelector: opts.allowInvalidLabelValueInSelector }
  const errs = [
    ...validateLabelSelector(
      optObj(term.labelSelector) as LabelSelector | undefined,
      selOpts,
      fldPath.child('labelSelector'),
    ),
    ...validateLabelSelector(
      optObj(term.namespaceSelector) as LabelSelector | undefined,
      selOpts,
      fldPath.child('namespaceSelector'),
    ),
  ]
  for (const name of strList(term.namespaces)) {
    // Upstream reports these on "namespace", singular.
    errs.push(
      ...validateNamespaceName(name, false).map((m) =>
        invalid(fldPath.child('namespace'), name, m),
      ),
    )
  }
  errs.push(...validateMatchLabelKeysAndMismatchLabelKeys(fldPath, term))
  const topologyKey = str(term.topologyKey)
  if (topologyKey === '') errs.push(required(fldPath.child('topologyKey'), 'can not be empty'))
  errs.push(...validateLabelName(topologyKey, fldPath.child('topologyKey')))
  return errs
}

function validatePodAffinityRules(
  pa: Obj,
  opts: PodValidationOptions,
  fldPath: FieldPath,
): FieldError[] {
  const errs: FieldError[] = []
  const reqPath = fldPath.child('requiredDuringSchedulingIgnoredDuringExecution')
  list(pa.requiredDuringSchedulingIgnoredDuringExecution).forEach((t, i) =>
    errs.push(...validatePodAffinityTerm(obj(t), opts, reqPath.index(i))),
  )
  const prefPath = fldPath.child('preferredDuringSchedulingIgnoredDuringExecution')
  list(pa.preferredDuringSchedulingIgnoredDuringExecution).forEach((raw, j) => {
    const wt = obj(raw)
    errs.push(...validateWeight(num(wt.weight), prefPath.index(j).child('weight')))
    errs.push(
      ...validatePodAffinityTerm(
        obj(wt.podAffinityTerm),
        opts,
        prefPath.index(j).child('podAffinityTerm'),
      ),
    )
  })
  return errs
}

/** validateAffinity: nodeAffinity, podAffinity and podAntiAffinity. */
export function validateAffinity(
  affinity: unknown,
  opts: PodValidationOptions,
  fldPath: FieldPath,
): FieldError[] {
  const a = optObj(affinity)
  if (!a) return []
  const errs: FieldError[] = []
  const na = optObj(a.nodeAffinity)
  if (na) errs.push(...validateNodeAffinity(na, fldPath.child('nodeAffinity')))
  const pa = optObj(a.podAffinity)
  if (pa) errs.push(...validatePodAffinityRules(pa, opts, fldPath.child('podAffinity')))
  const paa = optObj(a.podAntiAffinity)
  if (paa) errs.push(...validatePodAffinityRules(paa, opts, fldPath.child('podAntiAffinity')))
  return errs
}
