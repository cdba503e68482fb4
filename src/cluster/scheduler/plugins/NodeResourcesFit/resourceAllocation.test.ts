import { describe, expect, test } from 'vitest'
import { createRandom } from '../../../random'
import {
  balancedCpuMemoryScorer,
  balancedResourceScorer,
} from '../NodeResourcesBalancedAllocation/balancedAllocation'
import { leastCpuMemoryScorer, leastResourceScorer } from './leastAllocated'
import { mostCpuMemoryScorer, mostResourceScorer } from './mostAllocated'
import type { CpuMemoryScorer, Scorer } from './resourceAllocation'

const resources = [
  { name: 'cpu', weight: 1 },
  { name: 'memory', weight: 3 },
]

describe('resource allocation scorers', () => {
  test.each<{ name: string; generic: Scorer; fast: CpuMemoryScorer }>([
    {
      name: 'LeastAllocated',
      generic: leastResourceScorer(resources),
      fast: leastCpuMemoryScorer(resources),
    },
    {
      name: 'MostAllocated',
      generic: mostResourceScorer(resources),
      fast: mostCpuMemoryScorer(resources),
    },
    { name: 'BalancedAllocation', generic: balancedResourceScorer, fast: balancedCpuMemoryScorer },
  ])(
    'SCHED-9 SCHED-10 $name: the [cpu, memory] fast path agrees with the generic scorer',
    ({ generic, fast }) => {
      const rnd = createRandom(3)
      for (let i = 0; i < 2000; i++) {
        // Zero allocatable (a resource the node lacks) and requests above allocatable included.
        const a0 = rnd.intn(4) === 0 ? 0 : rnd.intn(64_000)
        const a1 = rnd.intn(4) === 0 ? 0 : rnd.intn(2 ** 37)
        const r0 = a0 === 0 ? 0 : rnd.intn(80_000)
        const r1 = a1 === 0 ? 0 : rnd.intn(2 ** 38)
        expect(fast(r0, a0, r1, a1)).toBe(generic(Float64Array.of(r0, r1), Float64Array.of(a0, a1)))
      }
    },
  )
})
