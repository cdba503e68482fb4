/**
 * NodeResourcesBalancedAllocation: favour nodes whose resources would be used evenly with the
 * pod on them: score = (1 - standard deviation of the used fractions) × 100, with the pods' actual
 * requests; skipped for pods that request nothing (BestEffort).
 * Mirrors pkg/scheduler/framework/plugins/noderesources/balanced_allocation.go
 */
import { newStatus } from '../../framework/status'
import {
  maxNodeScore,
  type CycleState,
  type PreScorePlugin,
  type ScorePlugin,
} from '../../framework/types'
import {
  defaultResources,
  ResourceAllocationScorer,
  type ResourceSpec,
} from '../NodeResourcesFit/resourceAllocation'

/** The plugin's name. */
export const name = 'NodeResourcesBalancedAllocation'

const preScoreStateKey = `PreScore${name}`
// A module-local copy: imported bindings can cost a call per read in some module loaders.
const maxScore = maxNodeScore

/** NodeResourcesBalancedAllocationArgs */
export interface BalancedAllocationArgs {
  resources?: ResourceSpec[]
}

/** balancedResourceScorer */
export function balancedResourceScorer(requested: Float64Array, allocatable: Float64Array): number {
  // Two passes over the fractions instead of collecting them, and no closures: this runs for
  // every feasible node of every cycle.
  let count = 0
  let total = 0
  let first = 0
  let second = 0
  for (let i = 0; i < requested.length; i++) {
    const a = allocatable[i] as number
    if (a === 0) continue
    const r = (requested[i] as number) / a
    const f = r > 1 ? 1 : r
    if (count === 0) first = f
    else if (count === 1) second = f
    total += f
    count++
  }
  let std = 0
  // With two resources the standard deviation is half their difference.
  if (count === 2) std = Math.abs((first - second) / 2)
  else if (count > 2) {
    const mean = total / count
    let sum = 0
    for (let i = 0; i < requested.length; i++) {
      const a = allocatable[i] as number
      if (a === 0) continue
      const r = (requested[i] as number) / a
      const f = r > 1 ? 1 : r
      sum += (f - mean) * (f - mean)
    }
    std = Math.sqrt(sum / count)
  }
  return Math.trunc((1 - std) * maxScore)
}

/** balancedResourceScorer for exactly [cpu, memory]. */
export function balancedCpuMemoryScorer(r0: number, a0: number, r1: number, a1: number): number {
  // With both resources present the standard deviation is half the fractions' difference; with one or none it is 0.
  if (a0 === 0 || a1 === 0) return maxScore
  const f0 = r0 / a0 > 1 ? 1 : r0 / a0
  const f1 = r1 / a1 > 1 ? 1 : r1 / a1
  return Math.trunc((1 - Math.abs((f0 - f1) / 2)) * maxScore)
}

/** isBestEffortPod: the pod requests none of the scored resources. */
function isBestEffort(requests: readonly number[]): boolean {
  for (const r of requests) if (r !== 0) return false
  return true
}

/** NewBalancedAllocation */
export function factory(args: BalancedAllocationArgs = {}): PreScorePlugin & ScorePlugin {
  const allocation = new ResourceAllocationScorer(
    args.resources?.length ? args.resources : [...defaultResources],
    balancedResourceScorer,
    true,
    balancedCpuMemoryScorer,
  )
  let lastState: CycleState | undefined
  let lastRequests: number[] = []
  let lastBestEffort = false
  return {
    name,
    preScore(state, pi) {
      const requests = allocation.podRequests(pi)
      // BestEffort pods would otherwise all score alike and pile onto one node (kubernetes#129138).
      if (isBestEffort(requests)) return newStatus('Skip')
      state.write(preScoreStateKey, requests)
      return null
    },
    score(state, pi, node, t, i) {
      // Read the PreScore state once per cycle, not once per node.
      if (state !== lastState) {
        lastState = state
        lastRequests = state.read<number[]>(preScoreStateKey) ?? allocation.podRequests(pi)
        lastBestEffort = isBestEffort(lastRequests)
      }
      const requests = lastRequests
      if (lastBestEffort) return 0
      return allocation.score(node, t, i, requests)
    },
  }
}
