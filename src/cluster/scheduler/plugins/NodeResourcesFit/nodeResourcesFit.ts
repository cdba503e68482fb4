/**
 * NodeResourcesFit: Filter rejects nodes without room for the pod's requests (or its pod count);
 * Score ranks nodes by the configured strategy (LeastAllocated by default, MostAllocated,
 * RequestedToCapacityRatio) using the non-zero requests.
 * Mirrors pkg/scheduler/framework/plugins/noderesources/fit.go
 */
import type { Node, Pod } from 'kubernetes-types/core/v1'
import { NodeInfo } from '../../framework/nodeInfo'
import type { NodeTable } from '../../framework/nodeTable'
import { newPodInfo, type PodInfo } from '../../framework/podInfo'
import { resourceFromList, type Resource } from '../../framework/resource'
import { newStatus } from '../../framework/status'
import type {
  ClusterEventWithHint,
  CycleState,
  EnqueueExtensions,
  FilterPlugin,
  PreFilterPlugin,
  PreScorePlugin,
  ScorePlugin,
} from '../../framework/types'
import { leastCpuMemoryScorer, leastResourceScorer } from './leastAllocated'
import { mostCpuMemoryScorer, mostResourceScorer } from './mostAllocated'
import {
  requestedToCapacityRatioScorer,
  type UtilizationShapePoint,
} from './requestedToCapacityRatio'
import {
  defaultResources,
  ResourceAllocationScorer,
  type CpuMemoryScorer,
  type ResourceSpec,
  type Scorer,
} from './resourceAllocation'

/** The plugin's name. */
export const name = 'NodeResourcesFit'
/** The Filter reasons, as InsufficientResource.Reason. */
export const reasons = {
  tooManyPods: 'Too many pods',
  insufficient: (resource: string): string => `Insufficient ${resource}`,
} as const

/** The scoring strategies (config.ScoringStrategyType). */
export type ScoringStrategyType = 'LeastAllocated' | 'MostAllocated' | 'RequestedToCapacityRatio'

/** config.ScoringStrategy */
export interface ScoringStrategy {
  type: ScoringStrategyType
  resources?: ResourceSpec[]
  requestedToCapacityRatio?: { shape: UtilizationShapePoint[] }
}

/** NodeResourcesFitArgs */
export interface FitArgs {
  scoringStrategy?: ScoringStrategy
}

/**
 * The shape used when RequestedToCapacityRatio is chosen without one: the bin-packing example of
 * the upstream documentation (empty scores 0, full scores 10).
 */
export const defaultShape: readonly UtilizationShapePoint[] = [
  { utilization: 0, score: 0 },
  { utilization: 100, score: 10 },
]

const preFilterStateKey = `PreFilter${name}`
const preScoreStateKey = `PreScore${name}`

/** One resource the node lacks for the pod (InsufficientResource). */
export interface InsufficientResource {
  resourceName: string
  reason: string
  requested: number
  used: number
  capacity: number
}

/** Whether fitsRequest would find nothing lacking, from the node's table row, without building the list. */
export function fitsRow(req: Resource, t: NodeTable, i: number): boolean {
  if ((t.podCount[i] as number) + 1 > (t.allowedPods[i] as number)) return false
  if (req.milliCPU > 0 && req.milliCPU > (t.allocCPU[i] as number) - (t.reqCPU[i] as number))
    return false
  if (req.memory > 0 && req.memory > (t.allocMemory[i] as number) - (t.reqMemory[i] as number))
    return false
  if (
    req.ephemeralStorage > 0 &&
    req.ephemeralStorage > (t.allocEphemeral[i] as number) - (t.reqEphemeral[i] as number)
  )
    return false
  return req.scalar === undefined || req.scalar.size === 0
}

/** fitsRequest: everything the pod's requests do not find room for on the node. */
export function fitsRequest(req: Resource, node: NodeInfo): InsufficientResource[] {
  const out: InsufficientResource[] = []
  const allowed = node.allocatable.allowedPodNumber
  if (node.pods.length + 1 > allowed)
    out.push({
      resourceName: 'pods',
      reason: reasons.tooManyPods,
      requested: 1,
      used: node.pods.length,
      capacity: allowed,
    })
  if (req.milliCPU === 0 && req.memory === 0 && req.ephemeralStorage === 0 && !req.scalar?.size)
    return out
  const a = node.allocatable
  const u = node.requested
  if (req.milliCPU > 0 && req.milliCPU > a.milliCPU - u.milliCPU) {
    out.push({
      resourceName: 'cpu',
      reason: reasons.insufficient('cpu'),
      requested: req.milliCPU,
      used: u.milliCPU,
      capacity: a.milliCPU,
    })
  }
  if (req.memory > 0 && req.memory > a.memory - u.memory) {
    out.push({
      resourceName: 'memory',
      reason: reasons.insufficient('memory'),
      requested: req.memory,
      used: u.memory,
      capacity: a.memory,
    })
  }
  if (req.ephemeralStorage > 0 && req.ephemeralStorage > a.ephemeralStorage - u.ephemeralStorage) {
    out.push({
      resourceName: 'ephemeral-storage',
      reason: reasons.insufficient('ephemeral-storage'),
      requested: req.ephemeralStorage,
      used: u.ephemeralStorage,
      capacity: a.ephemeralStorage,
    })
  }
  if (req.scalar) {
    for (const [r, q] of req.scalar) {
      if (q === 0) continue
      const cap = a.scalar?.get(r) ?? 0
      const used = u.scalar?.get(r) ?? 0
      if (q > cap - used)
        out.push({
          resourceName: r,
          reason: reasons.insufficient(r),
          requested: q,
          used,
          capacity: cap,
        })
    }
  }
  return out
}

/** Fits: fitsRequest of a pod. */
export function fits(pod: Pod, node: NodeInfo): InsufficientResource[] {
  return fitsRequest(newPodInfo(pod).requests, node)
}

function nodeInfoOf(node: Node): NodeInfo {
  const n = new NodeInfo(node.metadata?.name ?? '')
  n.setNode(node)
  return n
}

/** haveAnyRequestedResourcesIncreased: did the update grow something the pod asks for? */
function requestedResourcesIncreased(pod: Pod, before: Node, after: Node): boolean {
  const req = newPodInfo(pod).requests
  const o = resourceFromList(before.status?.allocatable)
  const m = resourceFromList(after.status?.allocatable)
  if (m.allowedPodNumber > o.allowedPodNumber) return true
  if (req.milliCPU > 0 && m.milliCPU > o.milliCPU) return true
  if (req.memory > 0 && m.memory > o.memory) return true
  if (req.ephemeralStorage > 0 && m.ephemeralStorage > o.ephemeralStorage) return true
  for (const [r, q] of req.scalar ?? [])
    if (q !== 0 && (m.scalar?.get(r) ?? 0) > (o.scalar?.get(r) ?? 0)) return true
  return false
}

function scorerFor(strategy: ScoringStrategy): {
  resources: ResourceSpec[]
  scorer: Scorer
  cpuMemory?: CpuMemoryScorer
} {
  const resources = strategy.resources?.length ? strategy.resources : [...defaultResources]
  const two = resources.length === 2
  switch (strategy.type) {
    case 'MostAllocated':
      return {
        resources,
        scorer: mostResourceScorer(resources),
        cpuMemory: two ? mostCpuMemoryScorer(resources) : undefined,
      }
    case 'RequestedToCapacityRatio':
      return {
        resources,
        scorer: requestedToCapacityRatioScorer(
          resources,
          strategy.requestedToCapacityRatio?.shape ?? defaultShape,
        ),
      }
    default:
      return {
        resources,
        scorer: leastResourceScorer(resources),
        cpuMemory: two ? leastCpuMemoryScorer(resources) : undefined,
      }
  }
}

/** NewFit */
export function factory(
  args: FitArgs = {},
): PreFilterPlugin &
  FilterPlugin &
  PreScorePlugin &
  ScorePlugin &
  EnqueueExtensions & { strategy: ScoringStrategyType } {
  const strategy = args.scoringStrategy ?? { type: 'LeastAllocated' }
  const { resources, scorer, cpuMemory } = scorerFor(strategy)
  const allocation = new ResourceAllocationScorer(resources, scorer, false, cpuMemory)
  // The PreFilter and PreScore states, read once per cycle rather than once per node.
  let filterState: CycleState | undefined
  let filterRequest: Resource | undefined
  let scoreState: CycleState | undefined
  let scoreRequests: number[] = []
  return {
    name,
    strategy: strategy.type,
    preFilter(state, pi) {
      state.write(preFilterStateKey, pi.requests)
      return { status: null }
    },
    filter(state, pi, node, t, i) {
      if (state !== filterState) {
        filterState = state
        filterRequest = state.read<Resource>(preFilterStateKey)
      }
      const req = filterRequest ?? pi.requests
      if (fitsRow(req, t, i)) return null
      const insufficient = fitsRequest(req, node)
      return insufficient.length
        ? newStatus('Unschedulable', ...insufficient.map((r) => r.reason))
        : null
    },
    preScore(state, pi) {
      state.write(preScoreStateKey, allocation.podRequests(pi))
      return null
    },
    score(state, pi: PodInfo, node, t, i) {
      if (state !== scoreState) {
        scoreState = state
        scoreRequests = state.read<number[]>(preScoreStateKey) ?? allocation.podRequests(pi)
      }
      return allocation.score(node, t, i, scoreRequests)
    },
    eventsToRegister(): ClusterEventWithHint[] {
      return [
        {
          resource: 'Pod',
          actions: ['Delete'],
          hint: (_pod, oldObj) =>
            (oldObj as Pod | undefined)?.spec?.nodeName ? 'Queue' : 'QueueSkip',
        },
        {
          resource: 'Node',
          actions: ['Add', 'UpdateNodeAllocatable'],
          hint: (pod, oldObj, newObj) => {
            if (!newObj || fits(pod, nodeInfoOf(newObj as Node)).length) return 'QueueSkip'
            if (!oldObj) return 'Queue'
            return requestedResourcesIncreased(pod, oldObj as Node, newObj as Node)
              ? 'Queue'
              : 'QueueSkip'
          },
        },
      ]
    },
  }
}
