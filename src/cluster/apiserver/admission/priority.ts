/**
 * Priority: a pod's spec.priority and preemptionPolicy come from its PriorityClass, or from the
 * global default class, or are 0 and PreemptLowerPriority. PriorityClass is not a served kind,
 * so upstream's Validate (only one global default class) has no request to run on and is left out.
 * Mirrors plugin/pkg/admission/priority/admission.go (1.32)
 */
import type { PriorityClass } from 'kubernetes-types/scheduling/v1'
import { isObject } from '../../util/json'
import type { Status } from '../../api/types'
import {
  admissionForbidden,
  type AdmissionAttributes,
  type AdmissionContext,
  type AdmissionPlugin,
} from './attributes'

/** The plugin's upstream name. */
export const priorityPluginName = 'Priority'
/** scheduling.DefaultPriorityWhenNoDefaultClassExists */
export const defaultPriorityWhenNoDefaultClassExists = 0

/** The classes every cluster bootstraps (scheduling.SystemPriorityClasses). */
export const systemPriorityClasses: readonly PriorityClass[] = [
  {
    metadata: { name: 'system-node-critical' },
    value: 2000001000,
    preemptionPolicy: 'PreemptLowerPriority',
  },
  {
    metadata: { name: 'system-cluster-critical' },
    value: 2000000000,
    preemptionPolicy: 'PreemptLowerPriority',
  },
]

function priorityClasses(ctx: AdmissionContext): PriorityClass[] {
  const stored = ctx.listPriorityClasses?.() ?? []
  const names = new Set(stored.map((pc) => pc.metadata?.name))
  return [...stored, ...systemPriorityClasses.filter((pc) => !names.has(pc.metadata?.name))]
}

// Mirrors getDefaultPriorityClass: with several global defaults, the lowest value wins.
function defaultPriorityClass(classes: PriorityClass[]): PriorityClass | undefined {
  let found: PriorityClass | undefined
  for (const pc of classes) if (pc.globalDefault && (!found || found.value > pc.value)) found = pc
  return found
}

function admitPod(a: AdmissionAttributes, ctx: AdmissionContext): Status | undefined {
  const pod = a.object
  if (!pod) return undefined
  if (!isObject(pod.spec)) pod.spec = {}
  const spec = pod.spec as Record<string, unknown>
  if (a.operation === 'UPDATE') {
    // Keep what this plugin set on create; validation refuses any other change to these fields.
    const old = isObject(a.oldObject?.spec) ? a.oldObject.spec : {}
    if ((spec.priority === undefined || spec.priority === null) && old.priority !== undefined)
      spec.priority = old.priority
    if (
      (spec.preemptionPolicy === undefined || spec.preemptionPolicy === null) &&
      old.preemptionPolicy !== undefined
    ) {
      spec.preemptionPolicy = old.preemptionPolicy
    }
    return undefined
  }
  if (a.operation !== 'CREATE') return undefined
  const classes = priorityClasses(ctx)
  let priority: number
  let preemptionPolicy: string | undefined
  const className = typeof spec.priorityClassName === 'string' ? spec.priorityClassName : ''
  if (className === '') {
    const pc = defaultPriorityClass(classes)
    if (pc) {
      spec.priorityClassName = pc.metadata?.name ?? ''
      priority = pc.value
      preemptionPolicy = pc.preemptionPolicy ?? 'PreemptLowerPriority'
    } else {
      priority = defaultPriorityWhenNoDefaultClassExists
      preemptionPolicy = 'PreemptLowerPriority'
    }
  } else {
    const pc = classes.find((c) => c.metadata?.name === className)
    if (!pc) return admissionForbidden(a, `no PriorityClass with name ${className} was found`)
    priority = pc.value
    preemptionPolicy = pc.preemptionPolicy ?? 'PreemptLowerPriority'
  }
  if (typeof spec.priority === 'number' && spec.priority !== priority) {
    return admissionForbidden(
      a,
      `the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${priority} from the given PriorityClass name`,
    )
  }
  spec.priority = priority
  if (preemptionPolicy !== undefined) {
    if (typeof spec.preemptionPolicy === 'string' && spec.preemptionPolicy !== preemptionPolicy) {
      return admissionForbidden(
        a,
        `the string value of PreemptionPolicy (${spec.preemptionPolicy}) must not be provided in pod spec; priority admission controller computed ${preemptionPolicy} from the given PriorityClass name`,
      )
    }
    spec.preemptionPolicy = preemptionPolicy
  }
  return undefined
}

/** The Priority admission plugin: admits pods (CREATE and UPDATE). */
export const priorityAdmission: AdmissionPlugin = {
  name: priorityPluginName,
  operations: ['CREATE', 'UPDATE'],
  admit(a, ctx) {
    if (a.subresource !== '' || a.resource !== 'pods' || a.group !== '') return undefined
    return admitPod(a, ctx)
  },
}
