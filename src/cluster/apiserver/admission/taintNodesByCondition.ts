/**
 * TaintNodesByCondition: a node is created with the node.kubernetes.io/not-ready:NoSchedule
 * taint; the node lifecycle controller removes it once the node reports Ready.
 * Mirrors plugin/pkg/admission/nodetaint/admission.go
 */
import { isObject } from '../../util/json'
import type { Status } from '../../api/types'
import type { AdmissionAttributes, AdmissionPlugin } from './attributes'
import { taintNodeNotReady } from './defaultTolerationSeconds'

/** The plugin's upstream name. */
export const taintNodesByConditionPluginName = 'TaintNodesByCondition'

function admit(a: AdmissionAttributes): Status | undefined {
  if (a.subresource !== '' || a.resource !== 'nodes' || a.group !== '' || !a.object)
    return undefined
  const node = a.object
  if (!isObject(node.spec)) node.spec = {}
  const spec = node.spec as Record<string, unknown>
  const taints = Array.isArray(spec.taints) ? spec.taints : []
  // Mirrors Taint.MatchTaint: same key and effect.
  if (taints.some((t) => isObject(t) && t.key === taintNodeNotReady && t.effect === 'NoSchedule'))
    return undefined
  spec.taints = [...taints, { key: taintNodeNotReady, effect: 'NoSchedule' }]
  return undefined
}

/** The TaintNodesByCondition admission plugin (nodes, CREATE only). */
export const taintNodesByConditionAdmission: AdmissionPlugin = {
  name: taintNodesByConditionPluginName,
  operations: ['CREATE'],
  admit,
}
