import { describe, expect, test } from 'vitest'
import { newPodInfo } from '../../framework/podInfo'
import type { QueuedPodInfo } from '../../framework/types'
import { makePod } from '../../testing/plugins'
import { less } from './prioritySort'

const q = (priority: number, timestamp: number, seq: number): QueuedPodInfo => ({
  pi: newPodInfo(makePod({ priority })),
  timestamp,
  initialAttemptTimestamp: timestamp,
  attempts: 0,
  unschedulablePlugins: new Set(),
  seq,
})

// Rows from pkg/scheduler/framework/plugins/queuesort/priority_sort_test.go TestLess, plus Kubeplay's arrival-order tie-break.
describe('PrioritySort', () => {
  test.each([
    { name: 'p1.priority less than p2.priority', a: q(100, 1, 0), b: q(200, 1, 1), want: false },
    { name: 'p1.priority greater than p2.priority', a: q(200, 1, 0), b: q(100, 1, 1), want: true },
    {
      name: 'equal priority. p1 is added to schedulingQ earlier than p2',
      a: q(100, 1, 1),
      b: q(100, 2, 0),
      want: true,
    },
    {
      name: 'equal priority. p2 is added to schedulingQ earlier than p1',
      a: q(100, 2, 0),
      b: q(100, 1, 1),
      want: false,
    },
    {
      name: 'equal priority and time: the one that arrived first',
      a: q(100, 1, 0),
      b: q(100, 1, 1),
      want: true,
    },
  ])('SCHED-2 $name', ({ a, b, want }) => {
    expect(less(a, b)).toBe(want)
  })
})
