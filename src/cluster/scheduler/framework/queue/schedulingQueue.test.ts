import { describe, expect, test } from 'vitest'
import type { Node } from 'kubernetes-types/core/v1'
import { createClock } from '../../../clock'
import { makeNode, makePod } from '../../testing/plugins'
import { less } from '../../plugins/PrioritySort/prioritySort'
import type { ActionType, ClusterEvent, ClusterEventWithHint } from '../types'
import { SchedulingQueue } from './schedulingQueue'

function queue(events: Record<string, ClusterEventWithHint[]> = {}) {
  const clock = createClock(0)
  let woken = 0
  const q = new SchedulingQueue({
    clock,
    podInitialBackoffMs: 1000,
    podMaxBackoffMs: 10_000,
    podMaxInUnschedulablePodsMs: 300_000,
    less,
    events: new Map(Object.entries(events)),
    onActive: () => woken++,
  })
  return { q, clock, woken: () => woken }
}

const nodeAdd: ClusterEvent = {
  resource: 'Node',
  actions: new Set<ActionType>(['Add']),
  label: 'NodeAdd',
}
const podDelete: ClusterEvent = {
  resource: 'Pod',
  actions: new Set<ActionType>(['Delete']),
  label: 'AssignedPodDelete',
}

/** Pop a pod and fail it as rejected by a plugin. */
function fail(q: SchedulingQueue, plugin = 'NodeResourcesFit') {
  const qp = q.pop()
  if (!qp) throw new Error('empty')
  qp.unschedulablePlugins = new Set([plugin])
  return { qp, pool: q.addUnschedulableIfNotPresent(qp) }
}

describe('scheduling queue', () => {
  // Rows in the manner of scheduling_queue_test.go TestPriorityQueue_calculateBackoffDuration.
  test.each([
    { attempts: 1, want: 1000 },
    { attempts: 2, want: 2000 },
    { attempts: 3, want: 4000 },
    { attempts: 4, want: 8000 },
    { attempts: 5, want: 10_000 },
    { attempts: 12, want: 10_000 },
  ])('SCHED-2 backoff after $attempts attempt(s) is $want ms', ({ attempts, want }) => {
    expect(queue().q.backoffDuration(attempts)).toBe(want)
  })

  test('SCHED-2 activeQ pops by priority, then by the time queued, then by arrival', () => {
    const { q, clock } = queue()
    q.add(makePod({ name: 'low-1', priority: 0 }))
    q.add(makePod({ name: 'low-2', priority: 0 }))
    clock.advance(5)
    q.add(makePod({ name: 'high', priority: 10 }))
    q.add(makePod({ name: 'low-0', priority: 0 }))
    expect([1, 2, 3, 4].map(() => q.pop()?.pi.name)).toEqual(['high', 'low-1', 'low-2', 'low-0'])
  })

  test('SCHED-2 a pod rejected with no event since goes to unschedulablePods; one failing without a plugin to blame backs off', () => {
    const { q } = queue()
    q.add(makePod({ name: 'a' }))
    q.add(makePod({ name: 'b' }))
    expect(fail(q).pool).toBe('Unschedulable')
    const b = q.pop()
    if (!b) throw new Error('empty')
    expect(q.addUnschedulableIfNotPresent(b)).toBe('Backoff')
    expect(q.counts()).toEqual({ active: 0, backoff: 1, unschedulable: 1 })
  })

  test('SCHED-2 backoffQ flushes on 1 s ticks once the backoff is over, doubling per attempt', () => {
    const { q, clock } = queue()
    q.add(makePod({ name: 'a' }))
    const times: number[] = []
    for (let attempt = 1; attempt <= 5; attempt++) {
      const qp = q.pop()
      if (!qp) throw new Error(`not active at attempt ${attempt}`)
      q.addUnschedulableIfNotPresent(qp) // no plugin to blame: straight to backoff
      const start = clock.now()
      while (q.counts().active === 0) clock.advance(100)
      times.push(clock.now() - start)
    }
    expect(times).toEqual([1000, 2000, 4000, 8000, 10_000])
  })

  const fitEvents: Record<string, ClusterEventWithHint[]> = {
    NodeResourcesFit: [
      { resource: 'Pod', actions: ['Delete'] },
      {
        resource: 'Node',
        actions: ['Add', 'UpdateNodeAllocatable'],
        hint: (_p, _o, n) => ((n as Node).metadata?.name === 'big' ? 'Queue' : 'QueueSkip'),
      },
    ],
  }

  test.each([
    {
      name: 'a node added that may fit moves the pod (to backoffQ while backing off)',
      event: nodeAdd,
      node: 'big',
      want: { active: 0, backoff: 1, unschedulable: 0 },
    },
    {
      name: 'a node added that the hint rejects leaves it',
      event: nodeAdd,
      node: 'small',
      want: { active: 0, backoff: 0, unschedulable: 1 },
    },
    {
      name: 'a bound pod deleted moves it',
      event: podDelete,
      node: 'big',
      want: { active: 0, backoff: 1, unschedulable: 0 },
    },
    {
      name: 'an event of no interest to the rejecting plugin leaves it',
      event: {
        resource: 'Node',
        actions: new Set<ActionType>(['UpdateNodeLabel']),
        label: 'NodeUpdate',
      } as ClusterEvent,
      node: 'big',
      want: { active: 0, backoff: 0, unschedulable: 1 },
    },
  ])('SCHED-3 $name', ({ event, node, want }) => {
    const { q } = queue(fitEvents)
    q.add(makePod({ name: 'a' }))
    fail(q)
    q.moveAllToActiveOrBackoffQueue(
      event,
      undefined,
      event.resource === 'Node' ? makeNode(node) : makePod({ nodeName: 'n' }),
    )
    expect(q.counts()).toEqual(want)
  })

  test('SCHED-3 a pod whose backoff is over goes straight to activeQ', () => {
    const { q, clock, woken } = queue(fitEvents)
    q.add(makePod({ name: 'a' }))
    fail(q)
    clock.advance(1500)
    const before = woken()
    q.moveAllToActiveOrBackoffQueue(nodeAdd, undefined, makeNode('big'))
    expect(q.counts()).toEqual({ active: 1, backoff: 0, unschedulable: 0 })
    expect(woken()).toBeGreaterThan(before)
  })

  test('SCHED-3 an event while the pod is being scheduled makes its failure retry after backoff', () => {
    const { q } = queue(fitEvents)
    q.add(makePod({ name: 'a' }))
    const qp = q.pop()
    if (!qp) throw new Error('empty')
    q.moveAllToActiveOrBackoffQueue(nodeAdd, undefined, makeNode('big'))
    qp.unschedulablePlugins = new Set(['NodeResourcesFit'])
    expect(q.addUnschedulableIfNotPresent(qp)).toBe('Backoff')
  })

  test('SCHED-2 pods left unschedulable for over 5 minutes are retried on the next 30 s tick', () => {
    const { q, clock } = queue(fitEvents)
    q.add(makePod({ name: 'a' }))
    fail(q)
    clock.advance(329_999)
    expect(q.counts().unschedulable).toBe(1)
    clock.advance(1)
    expect(q.counts()).toEqual({ active: 1, backoff: 0, unschedulable: 0 })
  })

  test('SCHED-3 a change to the pod beyond its status moves it; a status change does not', () => {
    const { q } = queue(fitEvents)
    const pod = makePod({ name: 'a' })
    q.add(pod)
    fail(q)
    q.update(pod, { ...pod, status: { phase: 'Pending' } })
    expect(q.where('default/a')).toBe('Unschedulable')
    q.update(pod, { ...pod, metadata: { ...pod.metadata, labels: { x: 'y' } } })
    expect(q.where('default/a')).toBe('Backoff')
  })
})
