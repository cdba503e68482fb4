/**
 * Node validation (core/v1): name, taints, podCIDRs and resource quantities on create;
 * on update the fields that may only be set once.
 * Mirrors pkg/apis/core/validation/validation.go ValidateNode / ValidateNodeUpdate /
 * validateNodeTaints, and pkg/registry/core/node/strategy.go (create checks rerun on update)
 */
import {
  duplicate,
  fieldPath,
  forbidden,
  invalid,
  notSupported,
  required,
  type FieldError,
  type FieldPath,
} from '../field'
import { goLiteral, goQuote } from '../goFormat'
import type { KubeObject } from '../types'
import { parseCIDR } from './ipParse'
import {
  validateLabelName,
  validateObjectMeta,
  validateObjectMetaUpdate,
} from './metaValidation'
import { isCIDR, isValidLabelValue, nameIsDNSSubdomain } from './names'
import { list, obj, str, strList } from './objectMeta'
import { validateResourceQuantityValue } from './resources'
import { metaOf } from './replicaSet'
import { parseQuantity } from '../quantity'

const taintEffects = ['NoSchedule', 'PreferNoSchedule', 'NoExecute']

/** validateTaintEffect: required unless allowEmpty, and one of the three effects. */
export function validateTaintEffect(
  effect: string,
  allowEmpty: boolean,
  fldPath: FieldPath,
): FieldError[] {
  if (!allowEmpty && effect === '') return [required(fldPath, '')]
  return effect === '' || taintEffects.includes(effect)
    ? []
    : [notSupported(fldPath, effect, taintEffects)]
}

/** validateNodeTaints: qualified keys, label-like values, known effects, unique (key, effect) pairs. */
export function validateNodeTaints(taints: readonly unknown[], fldPath: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  const seen = new Map<string, Set<string>>()
  taints.forEach((raw, i) => {
    const taint = obj(raw)
    const idxPath = fldPath.index(i)
    const key = str(taint.key)
    const value = str(taint.value)
    const effect = str(taint.effect)
    errs.push(...validateLabelName(key, idxPath.child('key')))
    const valueErrs = isValidLabelValue(value)
    if (valueErrs.length > 0) errs.push(invalid(idxPath.child('value'), value, valueErrs.join(';')))
    errs.push(...validateTaintEffect(effect, false, idxPath.child('effect')))
    const keys = seen.get(effect) ?? new Set<string>()
    if (keys.has(key)) {
      // %#v of core.Taint; a set timeAdded would print as a pointer address, so JSON then.
      const shown = taint.timeAdded
        ? raw
        : goLiteral(
            `core.Taint{Key:${goQuote(key)}, Value:${goQuote(value)}, Effect:${goQuote(effect)}, TimeAdded:(*v1.Time)(nil)}`,
          )
      errs.push({
        ...duplicate(idxPath, shown),
        detail: 'taints must be unique by key and effect pair',
      })
      return
    }
    keys.add(key)
    seen.set(effect, keys)
  })
  return errs
}

/** ValidateNodeResources: capacity and allocatable quantities (upstream paths use dots, not brackets). */
export function validateNodeResources(statusValue: unknown): FieldError[] {
  const status = obj(statusValue)
  const errs: FieldError[] = []
  for (const field of ['capacity', 'allocatable']) {
    for (const [k, v] of Object.entries(obj(status[field]))) {
      if (typeof v !== 'string' && typeof v !== 'number') continue
      const parsed = parseQuantity(v)
      // A quantity that does not parse never gets past decoding on a real server.
      if (parsed.ok) errs.push(...validateResourceQuantityValue(k, parsed.q, fieldPath('status', field, k)))
    }
  }
  return errs
}

function validatePodCIDRs(cidrs: string[]): FieldError[] {
  const errs: FieldError[] = []
  const p = fieldPath('spec', 'podCIDRs')
  cidrs.forEach((value, i) =>
    errs.push(...isCIDR(value).map((msg) => invalid(p.index(i), value, msg))),
  )
  if (cidrs.length > 1) {
    const parsed = cidrs.map(parseCIDR)
    // netutils.IsDualStackCIDRStrings: one of each family; a bad CIDR was reported above.
    if (parsed.every((c) => c !== undefined)) {
      const dualStack = parsed.some((c) => c?.ip.v4) && parsed.some((c) => c && !c.ip.v4)
      if (!dualStack || cidrs.length > 2)
        errs.push(invalid(p, cidrs, 'may specify no more than one CIDR for each IP family'))
    }
    const seen = new Set<string>()
    cidrs.forEach((value, i) => {
      if (seen.has(value)) errs.push(duplicate(p.index(i), value))
      seen.add(value)
    })
  }
  return errs
}

/** ValidateNode: a DNS subdomain name, no namespace, valid taints, resources and podCIDRs. */
export function validateNode(node: KubeObject): FieldError[] {
  const metaPath = fieldPath('metadata')
  const errs = validateObjectMeta(metaOf(node), false, nameIsDNSSubdomain, metaPath)
  const spec = obj(node.spec)
  const taints = list(spec.taints)
  // Upstream hangs taint errors under metadata, not spec.
  if (taints.length > 0) errs.push(...validateNodeTaints(taints, metaPath.child('taints')))
  errs.push(...validateNodeResources(node.status))
  errs.push(...validatePodCIDRs(strList(spec.podCIDRs)))
  return errs
}

/** ValidateNodeUpdate: what the node status strategy checks (metadata, resources, once-set fields, taints). */
export function validateNodeStatusUpdate(node: KubeObject, oldNode: KubeObject): FieldError[] {
  const metaPath = fieldPath('metadata')
  const errs = validateObjectMetaUpdate(metaOf(node), metaOf(oldNode), metaPath)
  errs.push(...validateNodeResources(node.status))
  const seen = new Set<string>()
  list(obj(node.status).addresses).forEach((raw, i) => {
    const a = obj(raw)
    const key = `${str(a.type)}\u0000${str(a.address)}`
    const shown = goLiteral(
      `core.NodeAddress{Type:${goQuote(str(a.type))}, Address:${goQuote(str(a.address))}}`,
    )
    if (seen.has(key)) errs.push(duplicate(fieldPath('status', 'addresses').index(i), shown))
    seen.add(key)
  })
  const spec = obj(node.spec)
  const oldSpec = obj(oldNode.spec)
  const oldCIDRs = strList(oldSpec.podCIDRs)
  const newCIDRs = strList(spec.podCIDRs)
  // The controller manager may assign podCIDRs once; after that they are fixed.
  if (oldCIDRs.length > 0) {
    const msg = 'node updates may not change podCIDR except from "" to valid'
    if (oldCIDRs.length !== newCIDRs.length)
      errs.push(forbidden(fieldPath('spec', 'podCIDRs'), msg))
    else
      oldCIDRs.forEach(
        (v, i) => v !== newCIDRs[i] && errs.push(forbidden(fieldPath('spec', 'podCIDRs'), msg)),
      )
  }
  const oldProviderID = str(oldSpec.providerID)
  if (oldProviderID !== '' && oldProviderID !== str(spec.providerID)) {
    errs.push(
      forbidden(
        fieldPath('spec', 'providerID'),
        'node updates may not change providerID except from "" to valid',
      ),
    )
  }
  const taints = list(spec.taints)
  if (taints.length > 0) errs.push(...validateNodeTaints(taints, metaPath.child('taints')))
  if (str(spec.externalID) !== str(oldSpec.externalID)) {
    errs.push(forbidden(fieldPath('spec', 'externalID'), 'may not be updated'))
  }
  return errs
}

/** The node strategy's ValidateUpdate: the create checks, then ValidateNodeUpdate. */
export function validateNodeUpdate(node: KubeObject, oldNode: KubeObject): FieldError[] {
  return [...validateNode(node), ...validateNodeStatusUpdate(node, oldNode)]
}
