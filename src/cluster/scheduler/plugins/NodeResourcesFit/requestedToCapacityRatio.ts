/**
 * RequestedToCapacityRatio: score each resource's utilization (requested × 100 / capacity) on a
 * broken linear shape whose scores (0..10) are scaled to 0..100, then a weighted average of the
 * resources that scored above zero, rounded.
 * Mirrors pkg/scheduler/framework/plugins/noderesources/requested_to_capacity_ratio.go
 */
import { maxNodeScore } from '../../framework/types'
import { buildBrokenLinearFunction, type FunctionShapePoint } from '../helper/brokenLinear'
import type { ResourceSpec, Scorer } from './resourceAllocation'

/** config.MaxCustomPriorityScore: shape scores run 0..10. */
export const maxCustomPriorityScore = 10
const maxUtilization = 100

/** One point of the configured shape (config.UtilizationShapePoint). */
export interface UtilizationShapePoint {
  utilization: number
  score: number
}

/** requestedToCapacityRatioScorer */
export function requestedToCapacityRatioScorer(
  resources: readonly ResourceSpec[],
  shape: readonly UtilizationShapePoint[],
): Scorer {
  const points: FunctionShapePoint[] = shape.map((p) => ({
    utilization: p.utilization,
    score: p.score * (maxNodeScore / maxCustomPriorityScore),
  }))
  const raw = buildBrokenLinearFunction(points)
  const resourceScore = (requested: number, capacity: number): number =>
    capacity === 0 || requested > capacity
      ? raw(maxUtilization)
      : raw(Math.trunc((requested * maxUtilization) / capacity))
  return (requested, allocatable) => {
    let nodeScore = 0
    let weightSum = 0
    for (let i = 0; i < requested.length; i++) {
      if (allocatable[i] === 0) continue
      const weight = (resources[i] as ResourceSpec).weight
      const s = resourceScore(requested[i] as number, allocatable[i] as number)
      if (s > 0) {
        nodeScore += s * weight
        weightSum += weight
      }
    }
    // Go's math.Round: half away from zero (scores are never negative here).
    return weightSum === 0 ? 0 : Math.round(nodeScore / weightSum)
  }
}
