import { describe, expect, test } from 'vitest'
import type { NodeSpec } from './testing/harness'
import { harness, podWith } from './testing/harness'

const nodes = (n: number, cpu = '4', memory = '8Gi'): NodeSpec[] =>
  Array.from({ length: n }, (_, i) => ({ name: `node-${i + 1}`, cpu, memory }))

describe('scheduler', () => {
  test('SCHED-1 SCHED-18 binds through the API and reports Scheduled as the kube-scheduler does', () => {
    const h = harness({ nodes: nodes(1) })
    h.createPod(podWith('web', { cpu: '100m' }))
    expect(h.pod('web').spec?.nodeName).toBeUndefined() // scheduling runs in a clock task, not inside the create
    h.clock.advance(0)
    const pod = h.pod('web')
    expect(pod.spec?.nodeName).toBe('node-1')
    expect(pod.status?.conditions?.find((c) => c.type === 'PodScheduled')?.status).toBe('True')
    const events = (
      h.get('/api/v1/namespaces/default/events').body as { items: Record<string, unknown>[] }
    ).items
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({
      reason: 'Scheduled',
      type: 'Normal',
      message: 'Successfully assigned default/web to node-1',
      source: { component: 'default-scheduler' },
      involvedObject: { kind: 'Pod', name: 'web' },
    })
  })

  test('SCHED-9 three BestEffort pods spread over three empty nodes (non-zero requests)', () => {
    const h = harness({ nodes: nodes(3) })
    for (const n of ['a', 'b', 'c']) h.createPod(podWith(n))
    h.clock.advance(0)
    expect(new Set(h.placements(['a', 'b', 'c'])).size).toBe(3)
  })

  test('SCHED-9 pods with requests go where most room is left (LeastAllocated)', () => {
    const h = harness({
      nodes: [
        { name: 'small', cpu: '2', memory: '4Gi' },
        { name: 'large', cpu: '16', memory: '32Gi' },
      ],
    })
    h.createPod(podWith('web', { cpu: '500m', memory: '512Mi' }))
    h.clock.advance(0)
    expect(h.placements(['web'])).toEqual(['large'])
  })

  test.each([
    {
      name: 'MostAllocated packs onto the fuller node',
      strategy: { type: 'MostAllocated' as const },
      want: 'small',
    },
    {
      name: 'LeastAllocated picks the emptier node',
      strategy: { type: 'LeastAllocated' as const },
      want: 'large',
    },
  ])('SCHED-22 scoringStrategy: $name', ({ strategy, want }) => {
    const h = harness({
      nodes: [
        { name: 'small', cpu: '2', memory: '4Gi' },
        { name: 'large', cpu: '16', memory: '32Gi' },
      ],
      options: { scoringStrategy: strategy },
    })
    h.createPod(podWith('web', { cpu: '500m', memory: '512Mi' }))
    h.clock.advance(0)
    expect(h.placements(['web'])).toEqual([want])
  })

  test('SCHED-21 the same seed gives the same placements; ties are broken by the seeded stream', () => {
    const run = (seed: number) => {
      const h = harness({ seed, nodes: nodes(8) })
      const names = Array.from({ length: 24 }, (_, i) => `p${i}`)
      for (const n of names) h.createPod(podWith(n))
      h.clock.advance(0)
      return h.placements(names)
    }
    const a = run(11)
    expect(run(11)).toEqual(a)
    expect(a.every((n) => n.startsWith('node-'))).toBe(true)
    const seeds = [12, 13, 14].map(run)
    expect(seeds.some((p) => p.join() !== a.join())).toBe(true)
  })

  test('SCHED-1 pods for another scheduler, pods with a nodeName and pods being deleted are left alone', () => {
    const h = harness({ nodes: nodes(1) })
    h.createPod(podWith('other', {}, { schedulerName: 'my-scheduler' }))
    h.createPod(podWith('pinned', {}, { nodeName: 'node-1' }))
    h.clock.advance(0)
    expect(h.placements(['other', 'pinned'])).toEqual(['', 'node-1'])
    expect(h.events()).toEqual([])
    expect(h.scheduler.pending()).toEqual({ active: 0, backoff: 0, unschedulable: 0 })
  })

  test('SCHED-4 bound pods count on their node: the next pod goes elsewhere when it no longer fits', () => {
    const h = harness({
      nodes: [
        { name: 'node-1', cpu: '1', memory: '8Gi' },
        { name: 'node-2', cpu: '1', memory: '8Gi' },
      ],
    })
    h.createPod(podWith('a', { cpu: '600m' }))
    h.createPod(podWith('b', { cpu: '600m' }))
    h.createPod(podWith('c', { cpu: '600m' }))
    h.clock.advance(0)
    const [a, b, c] = h.placements(['a', 'b', 'c'])
    expect(new Set([a, b]).size).toBe(2)
    expect(c).toBe('')
  })

  test('SCHED-7 a pod tolerating a tainted node may use it; taints with PreferNoSchedule steer others away', () => {
    const h = harness({
      nodes: [
        {
          name: 'tainted',
          cpu: '4',
          memory: '8Gi',
          taints: [{ key: 'team', value: 'a', effect: 'PreferNoSchedule' }],
        },
        { name: 'plain', cpu: '4', memory: '8Gi' },
      ],
    })
    h.createPod(podWith('web'))
    h.clock.advance(0)
    expect(h.placements(['web'])).toEqual(['plain'])
  })

  test('SCHED-13 preferred node affinity wins over equal resources', () => {
    const h = harness({
      nodes: [
        { name: 'hdd', cpu: '4', memory: '8Gi', labels: { disk: 'hdd' } },
        { name: 'ssd', cpu: '4', memory: '8Gi', labels: { disk: 'ssd' } },
      ],
    })
    h.createPod(
      podWith(
        'db',
        {},
        {
          affinity: {
            nodeAffinity: {
              preferredDuringSchedulingIgnoredDuringExecution: [
                {
                  weight: 50,
                  preference: {
                    matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }],
                  },
                },
              ],
            },
          },
        },
      ),
    )
    h.clock.advance(0)
    expect(h.placements(['db'])).toEqual(['ssd'])
  })

  test('SCHED-16 a system-cluster-critical pod preempts a lower-priority pod and lands once it is gone', () => {
    const h = harness({ nodes: [{ name: 'node-1', cpu: '1', memory: '8Gi' }] })
    h.createPod(podWith('low', { cpu: '800m' }))
    h.clock.advance(0)
    h.createPod(
      podWith('critical', { cpu: '500m' }, { priorityClassName: 'system-cluster-critical' }),
    )
    h.clock.advance(0)
    // The victim is deleted gracefully: Terminating, with the DisruptionTarget condition, until its kubelet is done.
    const low = h.pod('low')
    expect(low.metadata?.deletionTimestamp).toBeDefined()
    expect(low.status?.conditions?.find((c) => c.type === 'DisruptionTarget')).toMatchObject({
      status: 'True',
      reason: 'PreemptionByScheduler',
    })
    expect(h.pod('critical').status?.nominatedNodeName).toBe('node-1')
    expect(h.events()).toEqual(
      expect.arrayContaining([
        'FailedScheduling: 0/1 nodes are available: 1 Insufficient cpu.',
        expect.stringMatching(/^Preempted: Preempted by pod .+ on node node-1$/),
      ]),
    )
    h.clock.advance(5000)
    expect(h.placements(['critical'])).toEqual([''])
    // What the kubelet does when the containers have stopped.
    h.client.delete('Pod', 'default', 'low', { gracePeriodSeconds: 0 })
    h.clock.advance(1000)
    expect(h.placements(['critical'])).toEqual(['node-1'])
  })
})
