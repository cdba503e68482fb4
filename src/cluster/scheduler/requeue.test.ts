import { describe, expect, test } from 'vitest'
import { harness, podWith, type Harness } from './testing/harness'

/** A cluster whose one node is full, with a pending pod that failed at t=0 (attempt 1). */
function full(): Harness {
  const h = harness({ nodes: [{ name: 'node-1', cpu: '1', memory: '8Gi' }] })
  h.createPod(podWith('hog', { cpu: '800m' }))
  h.clock.advance(0)
  h.createPod(podWith('web', { cpu: '500m' }))
  h.clock.advance(0)
  expect(h.scheduler.queueOf('default/web')).toBe('Unschedulable')
  return h
}

describe('requeue on cluster changes', () => {
  test.each<{ name: string; change: (h: Harness) => void; at: number; node: string }>([
    {
      name: 'a node is added',
      change: (h) => h.addNode({ name: 'node-2', cpu: '4', memory: '8Gi' }),
      at: 1000,
      node: 'node-2',
    },
    {
      name: 'a bound pod is deleted',
      change: (h) => h.client.delete('Pod', 'default', 'hog', { gracePeriodSeconds: 0 }),
      at: 1000,
      node: 'node-1',
    },
    {
      name: 'a bound pod terminates (Succeeded)',
      change: (h) =>
        h.client.patch(
          'Pod',
          'default',
          'hog',
          { status: { phase: 'Succeeded' } },
          'merge',
          'status',
        ),
      at: 1000,
      node: 'node-1',
    },
    {
      name: 'the node grows (allocatable)',
      change: (h) =>
        h.client.patch(
          'Node',
          undefined,
          'node-1',
          { status: { allocatable: { cpu: '2' } } },
          'merge',
          'status',
        ),
      at: 1000,
      node: 'node-1',
    },
  ])('SCHED-3 $name: the pod is retried once its 1 s backoff is over', ({ change, at, node }) => {
    const h = full()
    h.clock.advance(300)
    change(h)
    expect(h.scheduler.queueOf('default/web')).toBe('Backoff')
    h.clock.advance(at - 301)
    expect(h.placements(['web'])).toEqual([''])
    h.clock.advance(1)
    expect(h.placements(['web'])).toEqual([node])
  })

  test('SCHED-3 a change that cannot help (a label on the full node) leaves the pod where it is', () => {
    const h = full()
    h.client.patch('Node', undefined, 'node-1', { metadata: { labels: { team: 'a' } } }, 'merge')
    expect(h.scheduler.queueOf('default/web')).toBe('Unschedulable')
  })

  test('SCHED-3 an event long after the failure sends the pod straight to activeQ', () => {
    const h = full()
    h.clock.advance(20_000)
    h.addNode({ name: 'node-2', cpu: '4', memory: '8Gi' })
    h.clock.advance(0)
    expect(h.placements(['web'])).toEqual(['node-2'])
  })

  test('SCHED-3 uncordoning a node lets its pending pods in', () => {
    const h = harness({ nodes: [{ name: 'node-1', cpu: '4', memory: '8Gi' }] })
    h.client.patch('Node', undefined, 'node-1', { spec: { unschedulable: true } }, 'merge')
    h.createPod(podWith('web'))
    h.clock.advance(0)
    expect(h.events()).toEqual([
      'FailedScheduling: 0/1 nodes are available: 1 node(s) were unschedulable. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
    ])
    h.clock.advance(5000)
    h.client.patch('Node', undefined, 'node-1', { spec: { unschedulable: false } }, 'merge')
    h.clock.advance(0)
    expect(h.placements(['web'])).toEqual(['node-1'])
  })

  test('SCHED-2 a pod nothing helps is retried on the first 30 s tick after 5 minutes', () => {
    const h = full()
    h.clock.advance(329_999)
    expect(h.scheduler.decision('default', 'web')?.attempt).toBe(1)
    h.clock.advance(1)
    expect(h.scheduler.decision('default', 'web')?.attempt).toBe(2)
  })

  test('SCHED-2 repeated failures back off 1, 2, 4, 8, 10, 10 s', () => {
    // With no nodes every attempt fails with no plugin to blame, so each retry waits out its backoff.
    const h = harness()
    h.createPod(podWith('web'))
    const times: number[] = []
    let last = 1
    for (let t = 0; t <= 50_000; t += 1000) {
      h.clock.advance(t === 0 ? 0 : 1000)
      const attempt = h.scheduler.decision('default', 'web')?.attempt as number
      if (attempt !== last) {
        times.push(t)
        last = attempt
      }
    }
    expect(times).toEqual([1000, 3000, 7000, 15_000, 25_000, 35_000, 45_000])
  })
})
