/**
 * The resource allocation scorer shared by NodeResourcesFit's strategies and
 * NodeResourcesBalancedAllocation: per configured resource, what the node allocates and what would
 * be requested with the pod on it (non-zero requests for cpu and memory unless useRequested).
 * Mirrors pkg/scheduler/framework/plugins/noderesources/resource_allocation.go
 */
import type { NodeInfo } from '../../framework/nodeInfo'
import type { NodeTable } from '../../framework/nodeTable'
import type { PodInfo } from '../../framework/podInfo'
import { isScalarResourceName, resourceValue } from '../../framework/resource'

/** A resource and its weight (config.ResourceSpec). */
export interface ResourceSpec {
  name: string
  weight: number
}

/** The default resources: cpu and memory, weight 1 each. */
export const defaultResources: readonly ResourceSpec[] = [
  { name: 'cpu', weight: 1 },
  { name: 'memory', weight: 1 },
]

/** A strategy's scorer over requested and allocatable, index i being resources[i]. */
export type Scorer = (requested: Float64Array, allocatable: Float64Array) => number

/**
 * The same scorer for exactly [cpu, memory] taking the four numbers directly: the default
 * configuration, scored for every feasible node of every cycle. It must agree with the Scorer.
 */
export type CpuMemoryScorer = (
  reqCPU: number,
  allocCPU: number,
  reqMemory: number,
  allocMemory: number,
) => number

const cpu = 0
const memory = 1
const ephemeral = 2
const scalar = 3

/** resourceAllocationScorer */
export class ResourceAllocationScorer {
  // One scratch pair, reused for every node: the cycle is single-threaded.
  private readonly requested: Float64Array
  private readonly allocatable: Float64Array
  /** Each configured resource as cpu, memory, ephemeral-storage or scalar. */
  private readonly kinds: Uint8Array

  private readonly fast: CpuMemoryScorer | undefined

  constructor(
    readonly resources: readonly ResourceSpec[],
    private readonly scorer: Scorer,
    /** Score with the pods' actual requests instead of the non-zero ones (BalancedAllocation). */
    readonly useRequested: boolean,
    cpuMemory?: CpuMemoryScorer,
  ) {
    this.requested = new Float64Array(resources.length)
    this.allocatable = new Float64Array(resources.length)
    this.kinds = Uint8Array.from(resources, (r) =>
      r.name === 'cpu'
        ? cpu
        : r.name === 'memory'
          ? memory
          : r.name === 'ephemeral-storage'
            ? ephemeral
            : scalar,
    )
    this.fast =
      resources.length === 2 && this.kinds[0] === cpu && this.kinds[1] === memory
        ? cpuMemory
        : undefined
  }

  /** calculatePodResourceRequestList: the pod's request of each resource. */
  podRequests(pi: PodInfo): number[] {
    const r = this.useRequested ? pi.requests : pi.nonZero
    return this.resources.map((s) => resourceValue(r, s.name))
  }

  /** score: the scorer over the node's allocatable and requested-with-the-pod (cpu and memory from the node's table row). */
  score(node: NodeInfo, t: NodeTable, row: number, podRequests: readonly number[]): number {
    const requested = this.requested
    const allocatable = this.allocatable
    const kinds = this.kinds
    const reqCPU = this.useRequested ? t.reqCPU : t.nonZeroCPU
    const reqMemory = this.useRequested ? t.reqMemory : t.nonZeroMemory
    if (this.fast) {
      const ac = t.allocCPU[row] as number
      const am = t.allocMemory[row] as number
      // A resource the node has none of is left out (requested 0, allocatable 0), as below.
      return this.fast(
        ac === 0 ? 0 : (reqCPU[row] as number) + (podRequests[0] as number),
        ac,
        am === 0 ? 0 : (reqMemory[row] as number) + (podRequests[1] as number),
        am,
      )
    }
    for (let i = 0; i < kinds.length; i++) {
      const podRequest = podRequests[i] as number
      let alloc = 0
      let req = 0
      switch (kinds[i]) {
        case cpu:
          alloc = t.allocCPU[row] as number
          req = (reqCPU[row] as number) + podRequest
          break
        case memory:
          alloc = t.allocMemory[row] as number
          req = (reqMemory[row] as number) + podRequest
          break
        case ephemeral:
          alloc = t.allocEphemeral[row] as number
          req = (t.reqEphemeral[row] as number) + podRequest
          break
        default: {
          // An extended resource the pod does not request is left out of the score.
          const name = (this.resources[i] as ResourceSpec).name
          if (
            !(podRequest === 0 && isScalarResourceName(name)) &&
            node.allocatable.scalar?.has(name)
          ) {
            alloc = node.allocatable.scalar.get(name) ?? 0
            req = (node.requested.scalar?.get(name) ?? 0) + podRequest
          }
        }
      }
      allocatable[i] = alloc
      requested[i] = alloc === 0 ? 0 : req
    }
    return this.scorer(requested, allocatable)
  }
}
