/**
 * Compute resources as the scheduler counts them: milli-CPU and bytes as numbers, a pod's
 * requests as PodRequests sums them (containers add up, init containers take the max, sidecars
 * add to both), and the non-zero defaults used for scoring.
 * Mirrors pkg/scheduler/framework/types.go (Resource) and pkg/api/v1/resource/helpers.go (PodRequests)
 */
import type { Container, Pod } from 'kubernetes-types/core/v1'
import { parseQuantity } from '../../api/quantity'

/** framework.Resource: what a node offers or pods request. */
export interface Resource {
  milliCPU: number
  memory: number
  ephemeralStorage: number
  allowedPodNumber: number
  /** Extended resources, hugepages and attachable volumes, by name. */
  scalar: Map<string, number> | undefined
}

/** An empty Resource. */
export function emptyResource(): Resource {
  return { milliCPU: 0, memory: 0, ephemeralStorage: 0, allowedPodNumber: 0, scalar: undefined }
}

/** A copy of a Resource. */
export function cloneResource(r: Resource): Resource {
  return { ...r, scalar: r.scalar ? new Map(r.scalar) : undefined }
}

// Mirrors pkg/scheduler/util/pod_resources.go (DefaultMilliCPURequest, DefaultMemoryRequest)
/** The CPU a container without a CPU request counts as, for scoring only (100m). */
export const defaultMilliCPURequest = 100
/** The memory a container without a memory request counts as, for scoring only (200Mi). */
export const defaultMemoryRequest = 200 * 1024 * 1024

// The same few quantity strings ("100m", "128Mi") recur across 150k pods: parse each once.
const milliCache = new Map<string, number>()

/** A quantity's value in thousandths (MilliValue), 0 when it does not parse. */
export function milliOf(q: unknown): number {
  if (typeof q === 'number') return Number.isFinite(q) ? Math.ceil(q * 1000) : 0
  if (typeof q !== 'string') return 0
  let v = milliCache.get(q)
  if (v === undefined) {
    const p = parseQuantity(q)
    v = p.ok ? p.q.milliValue : 0
    if (milliCache.size > 10_000) milliCache.clear()
    milliCache.set(q, v)
  }
  return v
}

/** Value(): a quantity given in thousandths, rounded up to a whole unit. */
export function valueOfMilli(milli: number): number {
  return Math.ceil(milli / 1000)
}

// Mirrors pkg/apis/core/v1/helper/helpers.go (IsExtendedResourceName, IsHugePageResourceName)
/** IsScalarResourceName: extended resources, hugepages-* and attachable-volumes-*. */
export function isScalarResourceName(name: string): boolean {
  if (name.startsWith('hugepages-') || name.startsWith('attachable-volumes-')) return true
  return name.includes('/') && !name.includes('kubernetes.io/') && !name.startsWith('requests.')
}

/** A resource list in thousandths, by name (the shape PodRequests works in). */
type MilliList = Map<string, number>

function listOf(requests: unknown): MilliList {
  const out: MilliList = new Map()
  if (typeof requests !== 'object' || requests === null) return out
  for (const [k, v] of Object.entries(requests)) out.set(k, milliOf(v))
  return out
}

function add(into: MilliList, from: MilliList): void {
  for (const [k, v] of from) into.set(k, (into.get(k) ?? 0) + v)
}

function max(into: MilliList, from: MilliList): void {
  for (const [k, v] of from) if ((into.get(k) ?? -Infinity) < v) into.set(k, v)
}

function withNonMissing(reqs: MilliList): MilliList {
  if (reqs.has('cpu') && reqs.has('memory')) return reqs
  const out = new Map(reqs)
  if (!out.has('cpu')) out.set('cpu', defaultMilliCPURequest)
  if (!out.has('memory')) out.set('memory', defaultMemoryRequest * 1000)
  return out
}

/** PodRequests: the pod's effective requests in thousandths; nonMissing applies the scoring defaults per container. */
export function podRequestsMilli(pod: Pod, nonMissing: boolean): MilliList {
  const spec = pod.spec
  const reqs: MilliList = new Map()
  for (const c of (spec?.containers ?? []) as Container[]) {
    const r = listOf(c.resources?.requests)
    add(reqs, nonMissing ? withNonMissing(r) : r)
  }
  const restartable: MilliList = new Map()
  const initReqs: MilliList = new Map()
  for (const c of (spec?.initContainers ?? []) as Container[]) {
    let r = listOf(c.resources?.requests)
    if (nonMissing) r = withNonMissing(r)
    // A sidecar (restartPolicy Always) runs beside the app, so it adds to both sums.
    if (c.restartPolicy === 'Always') {
      add(reqs, r)
      add(restartable, r)
      r = restartable
    } else {
      const tmp: MilliList = new Map()
      add(tmp, r)
      add(tmp, restartable)
      r = tmp
    }
    max(initReqs, r)
  }
  max(reqs, initReqs)
  if (spec?.overhead) add(reqs, listOf(spec.overhead))
  return reqs
}

/** framework.Resource.Add of a list in thousandths. */
export function resourceFromMilli(list: MilliList): Resource {
  const r = emptyResource()
  for (const [name, milli] of list) {
    switch (name) {
      case 'cpu':
        r.milliCPU += milli
        break
      case 'memory':
        r.memory += valueOfMilli(milli)
        break
      case 'ephemeral-storage':
        r.ephemeralStorage += valueOfMilli(milli)
        break
      case 'pods':
        r.allowedPodNumber += valueOfMilli(milli)
        break
      default:
        if (isScalarResourceName(name)) {
          r.scalar ??= new Map()
          r.scalar.set(name, (r.scalar.get(name) ?? 0) + valueOfMilli(milli))
        }
    }
  }
  return r
}

/** A node's allocatable (or any ResourceList object) as a Resource. */
export function resourceFromList(list: unknown): Resource {
  return resourceFromMilli(listOf(list))
}

/** The value of one named resource in a Resource (cpu in millicores). */
export function resourceValue(r: Resource, name: string): number {
  switch (name) {
    case 'cpu':
      return r.milliCPU
    case 'memory':
      return r.memory
    case 'ephemeral-storage':
      return r.ephemeralStorage
    case 'pods':
      return r.allowedPodNumber
    default:
      return r.scalar?.get(name) ?? 0
  }
}
