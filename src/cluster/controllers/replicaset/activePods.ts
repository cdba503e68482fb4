/**
 * Which pods a ReplicaSet deletes first when it has too many: ActivePodsWithRanks, with the
 * PodDeletionCost and LogarithmicScaleDown features on (their defaults since 1.22).
 * Mirrors pkg/controller/controller_utils.go (ActivePodsWithRanks.Less, afterOrZero,
 * logarithmicRankDiff) and pkg/controller/replicaset/replica_set.go (getPodsToDelete,
 * getPodsRankedByRelatedPodsOnSameNode)
 */
import { isPodActive, isPodReady, maxContainerRestarts, podReadyTime, timeMs } from './podUtil'
import type { Pod } from './types'

/** The annotation that orders pods for deletion (core.PodDeletionCost). */
export const podDeletionCostAnnotation = 'controller.kubernetes.io/pod-deletion-cost'

const phaseOrdinal: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 }

// Go's map lookup of a phase not in the map is 0, like Pending.
const ordinal = (pod: Pod): number => phaseOrdinal[pod.status?.phase ?? ''] ?? 0

/** GetDeletionCostFromPodAnnotations: an int32 without "+" or leading zeros, else 0. */
export function deletionCost(pod: Pod): number {
  const v = pod.metadata.annotations?.[podDeletionCostAnnotation]
  if (v === undefined) return 0
  const validFirst =
    v.length > 0 &&
    (v[0] === '-' || v === '0' || (v[0] !== undefined && v[0] >= '1' && v[0] <= '9'))
  if (!validFirst || !/^-?[0-9]+$/.test(v)) return 0
  const n = Number(v)
  return n >= -2147483648 && n <= 2147483647 ? n : 0
}

/** afterOrZero: is t1 after t2, a zero (undefined) time counting as after any other. */
function afterOrZero(t1: number | undefined, t2: number | undefined): boolean {
  if (t1 === undefined || t2 === undefined) return t1 === undefined
  return t1 > t2
}

/** Go's math.Log2: exact for powers of two, else Log(frac)/Ln2 + exp. */
function goLog2(x: number): number {
  const exp = Math.floor(Math.log2(x)) + 1
  let frac = x / 2 ** exp
  // Math.log2 may be off by one ulp near a power of two: bring frac back into [0.5, 1).
  let e = exp
  if (frac >= 1) {
    frac /= 2
    e++
  } else if (frac < 0.5) {
    frac *= 2
    e--
  }
  if (frac === 0.5) return e - 1
  return Math.log(frac) * (1 / Math.LN2) + e
}

/** logarithmicRankDiff: the difference of the base-2 log ranks of two ages, in nanoseconds. */
function logarithmicRankDiff(t1: number, t2: number, now: number): number {
  const d1 = (now - t1) * 1e6
  const d2 = (now - t2) * 1e6
  const r1 = d1 > 0 ? Math.trunc(goLog2(d1)) : -1
  const r2 = d2 > 0 ? Math.trunc(goLog2(d2)) : -1
  return r1 - r2
}

/** A pod with its rank: how many related active pods share its node. */
export interface RankedPod {
  pod: Pod
  rank: number
}

/**
 * ActivePodsWithRanks.Less: true when a should be deleted before b. `now` undefined is Go's
 * zero Now, which compares times without the logarithmic scale.
 */
export function activePodsLess(a: RankedPod, b: RankedPod, now: number | undefined): boolean {
  const pi = a.pod
  const pj = b.pod
  const ni = pi.spec?.nodeName ?? ''
  const nj = pj.spec?.nodeName ?? ''
  // 1. Unassigned < assigned
  if (ni !== nj && (ni === '' || nj === '')) return ni === ''
  // 2. PodPending < PodUnknown < PodRunning
  if (ordinal(pi) !== ordinal(pj)) return ordinal(pi) < ordinal(pj)
  // 3. Not ready < ready
  const ri = isPodReady(pi)
  const rj = isPodReady(pj)
  if (ri !== rj) return !ri
  // 4. Lower pod-deletion-cost < higher pod-deletion-cost
  const ci = deletionCost(pi)
  const cj = deletionCost(pj)
  if (ci !== cj) return ci < cj
  // 5. Doubled up < not doubled up
  if (a.rank !== b.rank) return a.rank > b.rank
  // 6. Been ready for empty time < less time < more time
  if (ri && rj) {
    const t1 = podReadyTime(pi)
    const t2 = podReadyTime(pj)
    if (t1 !== t2) {
      if (now === undefined || t1 === undefined || t2 === undefined) return afterOrZero(t1, t2)
      const diff = logarithmicRankDiff(t1, t2, now)
      if (diff === 0) return pi.metadata.uid < pj.metadata.uid
      return diff < 0
    }
  }
  // 7. Higher restart counts < lower restart counts
  const xi = maxContainerRestarts(pi)
  const xj = maxContainerRestarts(pj)
  if (xi !== xj) return xi > xj
  // 8. Empty creation time pods < newer pods < older pods
  const c1 = timeMs(pi.metadata.creationTimestamp)
  const c2 = timeMs(pj.metadata.creationTimestamp)
  if (c1 !== c2) {
    if (now === undefined || c1 === undefined || c2 === undefined) return afterOrZero(c1, c2)
    const diff = logarithmicRankDiff(c1, c2, now)
    if (diff === 0) return pi.metadata.uid < pj.metadata.uid
    return diff < 0
  }
  return false
}

/** Sort pods with their ranks, those to delete first in front. */
export function sortActivePodsWithRanks(pods: RankedPod[], now: number | undefined): RankedPod[] {
  // Upstream's sort.Sort is not stable, so the order of equivalent pods is unspecified there;
  // here it is the (deterministic) input order.
  return pods.sort((a, b) => (activePodsLess(a, b, now) ? -1 : activePodsLess(b, a, now) ? 1 : 0))
}

/**
 * getPodsToDelete: the first `diff` pods, ranked by how many related pods (pods of the
 * ReplicaSets with the same controller) run on the same node.
 */
export function getPodsToDelete(
  filteredPods: readonly Pod[],
  relatedPods: readonly Pod[],
  diff: number,
  now: number,
): Pod[] {
  // No need to sort when all of them go.
  if (diff >= filteredPods.length) return filteredPods.slice(0, diff)
  const podsOnNode = new Map<string, number>()
  for (const p of relatedPods) {
    if (!isPodActive(p)) continue
    const node = p.spec?.nodeName ?? ''
    podsOnNode.set(node, (podsOnNode.get(node) ?? 0) + 1)
  }
  const ranked = filteredPods.map((pod) => ({
    pod,
    rank: podsOnNode.get(pod.spec?.nodeName ?? '') ?? 0,
  }))
  return sortActivePodsWithRanks(ranked, now)
    .slice(0, diff)
    .map((r) => r.pod)
}
