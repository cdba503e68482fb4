/**
 * A pod's QoS class from its containers' requests and limits.
 * Mirrors pkg/apis/core/helper/qos/qos.go GetPodQOS
 */
import type { KubeObject } from '../api/types'
import { isObject } from '../util/json'

type Res = Record<string, unknown>

function containersOf(pod: KubeObject): Res[] {
  const spec = pod.spec
  if (!isObject(spec)) return []
  const list = [...(Array.isArray(spec.containers) ? spec.containers : []), ...(Array.isArray(spec.initContainers) ? spec.initContainers : [])]
  return list.filter(isObject)
}

const supported = new Set(['cpu', 'memory'])

function isZero(q: unknown): boolean {
  return q === 0 || q === '0' || (typeof q === 'string' && /^0+(\.0*)?[a-zA-Z]*$/.test(q))
}

/** "Guaranteed", "Burstable" or "BestEffort". */
export function qosClass(pod: KubeObject): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const requests = new Map<string, string>()
  const limits = new Map<string, string>()
  let zeroRequestsAndLimits = true
  let isGuaranteed = true
  for (const c of containersOf(pod)) {
    const res = isObject(c.resources) ? c.resources : {}
    const req = isObject(res.requests) ? res.requests : {}
    const lim = isObject(res.limits) ? res.limits : {}
    for (const [name, q] of Object.entries(req)) {
      if (!supported.has(name)) continue
      if (!isZero(q)) {
        zeroRequestsAndLimits = false
        requests.set(name, String(q))
      }
    }
    const seen = new Set<string>()
    for (const [name, q] of Object.entries(lim)) {
      if (!supported.has(name)) continue
      if (!isZero(q)) {
        zeroRequestsAndLimits = false
        seen.add(name)
        limits.set(name, String(q))
      }
    }
    if (!seen.has('cpu') || !seen.has('memory')) isGuaranteed = false
  }
  if (zeroRequestsAndLimits) return 'BestEffort'
  if (isGuaranteed) {
    // Every request must equal its limit (requests default to limits when unset).
    for (const [name, q] of requests) if (limits.get(name) !== q) return 'Burstable'
    if (requests.size !== limits.size) return 'Burstable'
    return 'Guaranteed'
  }
  return 'Burstable'
}
