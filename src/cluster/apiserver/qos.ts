/**
 * A pod's QoS class from its containers' requests and limits (run after defaulting, which
 * copies limits into missing requests).
 * Mirrors pkg/apis/core/helper/qos/qos.go GetPodQOS
 */
import type { KubeObject } from '../api/types'
import { parseQuantity } from '../api/quantity'
import { isObject } from '../util/json'

// Only CPU and memory decide the QoS class.
const supported = ['cpu', 'memory']

function containersOf(pod: KubeObject): Record<string, unknown>[] {
  const spec = pod.spec
  if (!isObject(spec)) return []
  const list = [...(Array.isArray(spec.containers) ? spec.containers : []), ...(Array.isArray(spec.initContainers) ? spec.initContainers : [])]
  return list.filter(isObject)
}

/** Add each positive CPU/memory quantity (in milli-units) into the sums; the names seen. */
function addUp(sums: Map<string, number>, list: unknown): Set<string> {
  const seen = new Set<string>()
  if (!isObject(list)) return seen
  for (const name of supported) {
    const q = list[name]
    if (typeof q !== 'string' && typeof q !== 'number') continue
    const parsed = parseQuantity(q)
    if (!parsed.ok || parsed.q.milliValue <= 0) continue
    seen.add(name)
    sums.set(name, (sums.get(name) ?? 0) + parsed.q.milliValue)
  }
  return seen
}

/** "Guaranteed", "Burstable" or "BestEffort". */
export function qosClass(pod: KubeObject): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const requests = new Map<string, number>()
  const limits = new Map<string, number>()
  let isGuaranteed = true
  for (const c of containersOf(pod)) {
    const res = isObject(c.resources) ? c.resources : {}
    addUp(requests, res.requests)
    const limited = addUp(limits, res.limits)
    if (!limited.has('cpu') || !limited.has('memory')) isGuaranteed = false
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort'
  if (isGuaranteed) {
    for (const [name, req] of requests) {
      if (limits.get(name) !== req) {
        isGuaranteed = false
        break
      }
    }
  }
  return isGuaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable'
}
