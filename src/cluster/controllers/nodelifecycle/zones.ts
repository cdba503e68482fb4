/**
 * Zones and their health: nodes are grouped by region and zone labels; a zone with no Ready
 * node is fully disrupted, one with more than two and at least 55% not Ready is partially
 * disrupted, and the NoExecute tainting rate of each zone follows its state.
 * Mirrors staging/src/k8s.io/component-helpers/node/topology/helpers.go GetZoneKey and
 * node_lifecycle_controller.go ComputeZoneState, ReducedQPSFunc, HealthyQPSFunc
 */
import type { NodeCondition } from 'kubernetes-types/core/v1'
import type { NodeObject } from './taints'

/** A zone's state. */
export type ZoneState = 'Initial' | 'Normal' | 'FullDisruption' | 'PartialDisruption'

/** The zone key of a node: `region:\0:zone`, or "" without topology labels. */
export function getZoneKey(node: NodeObject): string {
  const labels = node.metadata.labels ?? {}
  const zone = labels['failure-domain.beta.kubernetes.io/zone'] ?? labels['topology.kubernetes.io/zone'] ?? ''
  const region = labels['failure-domain.beta.kubernetes.io/region'] ?? labels['topology.kubernetes.io/region'] ?? ''
  if (region === '' && zone === '') return ''
  return `${region}:\u0000:${zone}`
}

/** Count the not-Ready nodes of a zone and name its state. */
export function computeZoneState(readyConditions: readonly (NodeCondition | undefined)[], unhealthyZoneThreshold: number): { unhealthy: number; state: ZoneState } {
  let ready = 0
  let notReady = 0
  for (const c of readyConditions) {
    if (c?.status === 'True') ready++
    else notReady++
  }
  if (ready === 0 && notReady > 0) return { unhealthy: notReady, state: 'FullDisruption' }
  if (notReady > 2 && notReady / (notReady + ready) >= unhealthyZoneThreshold) return { unhealthy: notReady, state: 'PartialDisruption' }
  return { unhealthy: notReady, state: 'Normal' }
}

/** The eviction rates (tainting QPS) by cluster size and state. */
export interface EvictionRates {
  evictionLimiterQps: number
  secondaryEvictionLimiterQps: number
  largeClusterSizeThreshold: number
}

/** The tainting rate of a zone in a state (setLimiterInZone); undefined leaves it as it is. */
export function zoneQps(state: ZoneState, zoneSize: number, rates: EvictionRates): number | undefined {
  switch (state) {
    case 'Normal':
      return rates.evictionLimiterQps
    case 'PartialDisruption':
      // Large zones slow down; small ones stop evicting altogether.
      return zoneSize > rates.largeClusterSizeThreshold ? rates.secondaryEvictionLimiterQps : 0
    case 'FullDisruption':
      return rates.evictionLimiterQps
    default:
      return undefined
  }
}
