/**
 * HorizontalPodAutoscaler validation (autoscaling/v2): scale target, replica bounds,
 * metric sources and targets, and scaling behavior.
 * Mirrors pkg/apis/autoscaling/validation/validation.go ValidateHorizontalPodAutoscaler*
 */
import {
  fieldPath,
  forbidden,
  invalid,
  notSupported,
  required,
  type FieldError,
  type FieldPath,
} from '../field'
import { parseQuantity } from '../quantity'
import type { KubeObject } from '../types'
import {
  validateNonnegativeField,
  validateObjectMeta,
  validateObjectMetaUpdate,
} from './metaValidation'
import { isDNS1123Label, isValidPathSegmentName, nameIsDNSSubdomain } from './names'
import { list, num, obj, optNum, optObj, optStr, str, type Obj } from './objectMeta'
import { metaOf } from './replicaSet'

/** MaxPeriodSeconds: the longest scaling policy period. */
export const maxPeriodSeconds = 1800
/** MaxStabilizationWindowSeconds: the longest stabilization window. */
export const maxStabilizationWindowSeconds = 3600

// sets.List order: sorted.
const validMetricSourceTypes = ['ContainerResource', 'External', 'Object', 'Pods', 'Resource']
const validSelectPolicyTypes = ['Disabled', 'Max', 'Min']
const validPolicyTypes = ['Percent', 'Pods']
// The JSON field each metric type fills.
const sourceFieldOf: Record<string, string> = {
  Object: 'object',
  Pods: 'pods',
  Resource: 'resource',
  External: 'external',
  ContainerResource: 'containerResource',
}

/** A quantity field: its sign and what an error shows, or undefined when absent or unparseable. */
function quantity(v: unknown): { sign: number; shown: string } | undefined {
  if (typeof v !== 'string' && typeof v !== 'number') return undefined
  const parsed = parseQuantity(v)
  return parsed.ok ? { sign: Math.sign(parsed.q.milliValue), shown: parsed.q.canonical } : undefined
}

/** ValidateCrossVersionObjectReference: kind and name set and usable as URL path segments. */
export function validateCrossVersionObjectReference(
  value: unknown,
  fldPath: FieldPath,
): FieldError[] {
  const ref = obj(value)
  const errs: FieldError[] = []
  for (const field of ['kind', 'name']) {
    const v = str(ref[field])
    if (v === '') errs.push(required(fldPath.child(field), ''))
    else errs.push(...isValidPathSegmentName(v).map((msg) => invalid(fldPath.child(field), v, msg)))
  }
  return errs
}

function validateMetricIdentifier(value: unknown, fldPath: FieldPath): FieldError[] {
  const name = str(obj(value).name)
  if (name === '') return [required(fldPath.child('name'), 'must specify a metric name')]
  return isValidPathSegmentName(name).map((msg) => invalid(fldPath.child('name'), name, msg))
}

function validateMetricTarget(mt: Obj, fldPath: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  const type = str(mt.type)
  if (type === '') errs.push(required(fldPath.child('type'), 'must specify a metric target type'))
  if (type !== 'Utilization' && type !== 'Value' && type !== 'AverageValue') {
    errs.push(
      invalid(fldPath.child('type'), type, 'must be either Utilization, Value, or AverageValue'),
    )
  }
  for (const field of ['value', 'averageValue']) {
    const q = quantity(mt[field])
    if (q && q.sign !== 1) errs.push(invalid(fldPath.child(field), q.shown, 'must be positive'))
  }
  const utilization = optNum(mt.averageUtilization)
  if (utilization !== undefined && utilization < 1) {
    errs.push(invalid(fldPath.child('averageUtilization'), utilization, 'must be greater than 0'))
  }
  return errs
}

function has(o: Obj, field: string): boolean {
  return o[field] !== undefined && o[field] !== null
}

function validateSource(type: string, src: Obj, fldPath: FieldPath): FieldError[] {
  const target = obj(src.target)
  const targetPath = fldPath.child('target')
  const errs: FieldError[] = []
  switch (type) {
    case 'object':
      errs.push(
        ...validateCrossVersionObjectReference(
          src.describedObject,
          fldPath.child('describedObject'),
        ),
      )
      errs.push(...validateMetricIdentifier(src.metric, fldPath.child('metric')))
      errs.push(...validateMetricTarget(target, targetPath))
      if (!has(target, 'value') && !has(target, 'averageValue')) {
        errs.push(
          required(
            targetPath.child('averageValue'),
            'must set either a target value or averageValue',
          ),
        )
      }
      break
    case 'external':
      errs.push(...validateMetricIdentifier(src.metric, fldPath.child('metric')))
      errs.push(...validateMetricTarget(target, targetPath))
      if (!has(target, 'value') && !has(target, 'averageValue')) {
        errs.push(
          required(
            targetPath.child('averageValue'),
            'must set either a target value for metric or a per-pod target',
          ),
        )
      }
      if (has(target, 'value') && has(target, 'averageValue')) {
        errs.push(
          forbidden(
            targetPath.child('value'),
            'may not set both a target value for metric and a per-pod target',
          ),
        )
      }
      break
    case 'pods':
      errs.push(...validateMetricIdentifier(src.metric, fldPath.child('metric')))
      errs.push(...validateMetricTarget(target, targetPath))
      if (!has(target, 'averageValue')) {
        errs.push(
          required(targetPath.child('averageValue'), 'must specify a positive target averageValue'),
        )
      }
      break
    case 'resource':
    case 'containerResource': {
      const name = str(src.name)
      if (name === '') errs.push(required(fldPath.child('name'), 'must specify a resource name'))
      if (type === 'containerResource') {
        const container = str(src.container)
        if (container === '')
          errs.push(required(fldPath.child('container'), 'must specify a container'))
        else
          errs.push(
            ...isDNS1123Label(container).map((msg) =>
              invalid(fldPath.child('container'), container, msg),
            ),
          )
      }
      errs.push(...validateMetricTarget(target, targetPath))
      if (!has(target, 'averageUtilization') && !has(target, 'averageValue')) {
        errs.push(
          required(
            targetPath.child('averageUtilization'),
            'must set either a target raw value or a target utilization',
          ),
        )
      }
      if (has(target, 'averageUtilization') && has(target, 'averageValue')) {
        errs.push(
          forbidden(
            targetPath.child('averageValue'),
            'may not set both a target raw value and a target utilization',
          ),
        )
      }
      break
    }
  }
  return errs
}

function validateMetricSpec(spec: Obj, fldPath: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  const type = str(spec.type)
  if (type === '') errs.push(required(fldPath.child('type'), 'must specify a metric source type'))
  if (!validMetricSourceTypes.includes(type))
    errs.push(notSupported(fldPath.child('type'), type, validMetricSourceTypes))
  // Only the first source present (in upstream's order) is validated in depth.
  const present: string[] = []
  for (const field of ['object', 'external', 'pods', 'resource', 'containerResource']) {
    const src = optObj(spec[field])
    if (!src) continue
    present.push(field)
    if (present.length === 1) errs.push(...validateSource(field, src, fldPath.child(field)))
  }
  const expected = sourceFieldOf[type]
  if (expected === undefined) {
    errs.push(notSupported(fldPath.child('type'), type, validMetricSourceTypes))
  } else if (!present.includes(expected)) {
    errs.push(
      required(fldPath.child(expected), 'must populate information for the given metric source'),
    )
  }
  if (present.length !== 1) {
    for (const field of present) {
      if (field !== expected)
        errs.push(forbidden(fldPath.child(field), 'must populate the given metric source only'))
    }
  }
  return errs
}

function validateScalingRules(value: unknown, fldPath: FieldPath): FieldError[] {
  const rules = optObj(value)
  if (!rules) return []
  const errs: FieldError[] = []
  const window = optNum(rules.stabilizationWindowSeconds)
  const windowPath = fldPath.child('stabilizationWindowSeconds')
  if (window !== undefined && window < 0)
    errs.push(invalid(windowPath, window, 'must be greater than or equal to zero'))
  if (window !== undefined && window > maxStabilizationWindowSeconds) {
    errs.push(
      invalid(windowPath, window, `must be less than or equal to ${maxStabilizationWindowSeconds}`),
    )
  }
  const selectPolicy = optStr(rules.selectPolicy)
  if (selectPolicy !== undefined && !validSelectPolicyTypes.includes(selectPolicy)) {
    errs.push(notSupported(fldPath.child('selectPolicy'), selectPolicy, validSelectPolicyTypes))
  }
  const policiesPath = fldPath.child('policies')
  const policies = list(rules.policies)
  if (policies.length === 0) errs.push(required(policiesPath, 'must specify at least one Policy'))
  policies.forEach((raw, i) => {
    const policy = obj(raw)
    const idxPath = policiesPath.index(i)
    const type = str(policy.type)
    if (type !== 'Pods' && type !== 'Percent')
      errs.push(notSupported(idxPath.child('type'), type, validPolicyTypes))
    const policyValue = num(policy.value)
    if (policyValue <= 0)
      errs.push(invalid(idxPath.child('value'), policyValue, 'must be greater than zero'))
    const period = num(policy.periodSeconds)
    if (period <= 0)
      errs.push(invalid(idxPath.child('periodSeconds'), period, 'must be greater than zero'))
    if (period > maxPeriodSeconds) {
      errs.push(
        invalid(
          idxPath.child('periodSeconds'),
          period,
          `must be less than or equal to ${maxPeriodSeconds}`,
        ),
      )
    }
  })
  return errs
}

/** validateHorizontalPodAutoscalerSpec, with minReplicas at least minReplicasLowerBound. */
export function validateHorizontalPodAutoscalerSpec(
  specValue: unknown,
  fldPath: FieldPath,
  minReplicasLowerBound: number,
): FieldError[] {
  const spec = obj(specValue)
  const errs: FieldError[] = []
  const minReplicas = optNum(spec.minReplicas)
  const maxReplicas = num(spec.maxReplicas)
  if (minReplicas !== undefined && minReplicas < minReplicasLowerBound) {
    errs.push(
      invalid(
        fldPath.child('minReplicas'),
        minReplicas,
        `must be greater than or equal to ${minReplicasLowerBound}`,
      ),
    )
  }
  if (maxReplicas < 1)
    errs.push(invalid(fldPath.child('maxReplicas'), maxReplicas, 'must be greater than 0'))
  if (minReplicas !== undefined && maxReplicas < minReplicas) {
    errs.push(
      invalid(
        fldPath.child('maxReplicas'),
        maxReplicas,
        'must be greater than or equal to `minReplicas`',
      ),
    )
  }
  errs.push(
    ...validateCrossVersionObjectReference(spec.scaleTargetRef, fldPath.child('scaleTargetRef')),
  )
  const metricsPath = fldPath.child('metrics')
  const metrics = list(spec.metrics).map(obj)
  metrics.forEach((m, i) => errs.push(...validateMetricSpec(m, metricsPath.index(i))))
  if (minReplicas === 0 && !metrics.some((m) => m.type === 'Object' || m.type === 'External')) {
    errs.push(
      forbidden(
        metricsPath,
        'must specify at least one Object or External metric to support scaling to zero replicas',
      ),
    )
  }
  const behavior = optObj(spec.behavior)
  if (behavior) {
    errs.push(...validateScalingRules(behavior.scaleUp, fldPath.child('behavior', 'scaleUp')))
    errs.push(...validateScalingRules(behavior.scaleDown, fldPath.child('behavior', 'scaleDown')))
  }
  return errs
}

/** ValidateHorizontalPodAutoscaler: create. minReplicas must be at least 1 (HPAScaleToZero is off). */
export function validateHorizontalPodAutoscaler(hpa: KubeObject): FieldError[] {
  const errs = validateObjectMeta(metaOf(hpa), true, nameIsDNSSubdomain, fieldPath('metadata'))
  errs.push(...validateHorizontalPodAutoscalerSpec(hpa.spec, fieldPath('spec'), 1))
  return errs
}

/** ValidateHorizontalPodAutoscalerUpdate: an HPA already at minReplicas 0 may stay there. */
export function validateHorizontalPodAutoscalerUpdate(
  hpa: KubeObject,
  oldHpa: KubeObject,
): FieldError[] {
  const errs = validateObjectMetaUpdate(metaOf(hpa), metaOf(oldHpa), fieldPath('metadata'))
  const lowerBound = optNum(obj(oldHpa.spec).minReplicas) === 0 ? 0 : 1
  errs.push(...validateHorizontalPodAutoscalerSpec(hpa.spec, fieldPath('spec'), lowerBound))
  return errs
}

/** ValidateHorizontalPodAutoscalerStatusUpdate: metadata, non-negative replica counts. */
export function validateHorizontalPodAutoscalerStatusUpdate(
  hpa: KubeObject,
  oldHpa: KubeObject,
): FieldError[] {
  const errs = validateObjectMetaUpdate(metaOf(hpa), metaOf(oldHpa), fieldPath('metadata'))
  const status = obj(hpa.status)
  errs.push(
    ...validateNonnegativeField(
      num(status.currentReplicas),
      fieldPath('status', 'currentReplicas'),
    ),
  )
  errs.push(
    ...validateNonnegativeField(
      num(status.desiredReplicas),
      fieldPath('status', 'desiredReplicas'),
    ),
  )
  return errs
}
