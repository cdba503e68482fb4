/**
 * LeastAllocated: favour nodes with more room left, per resource
 * (allocatable - requested) × 100 / allocatable, weighted average with Go integer division.
 * Mirrors pkg/scheduler/framework/plugins/noderesources/least_allocated.go
 */
import { maxNodeScore } from '../../framework/types'
import type { CpuMemoryScorer, ResourceSpec, Scorer } from './resourceAllocation'

// A module-local copy: imported bindings can cost a call per read in some module loaders.
const maxScore = maxNodeScore

/** leastRequestedScore */
export function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0
  return Math.trunc(((capacity - requested) * maxScore) / capacity)
}

/** leastResourceScorer */
export function leastResourceScorer(resources: readonly ResourceSpec[]): Scorer {
  return (requested, allocatable) => {
    let nodeScore = 0
    let weightSum = 0
    for (let i = 0; i < requested.length; i++) {
      if (allocatable[i] === 0) continue
      const weight = (resources[i] as ResourceSpec).weight
      nodeScore += leastRequestedScore(requested[i] as number, allocatable[i] as number) * weight
      weightSum += weight
    }
    return weightSum === 0 ? 0 : Math.trunc(nodeScore / weightSum)
  }
}

/** leastResourceScorer for exactly [cpu, memory]. */
export function leastCpuMemoryScorer(resources: readonly ResourceSpec[]): CpuMemoryScorer {
  const w0 = (resources[0] as ResourceSpec).weight
  const w1 = (resources[1] as ResourceSpec).weight
  return (r0, a0, r1, a1) => {
    let nodeScore = 0
    let weightSum = 0
    if (a0 !== 0) {
      nodeScore += leastRequestedScore(r0, a0) * w0
      weightSum += w0
    }
    if (a1 !== 0) {
      nodeScore += leastRequestedScore(r1, a1) * w1
      weightSum += w1
    }
    return weightSum === 0 ? 0 : Math.trunc(nodeScore / weightSum)
  }
}
