import { describe, expect, test } from 'vitest'
import { makeNode, makePod, nodeInfoOf, runFilter } from '../../testing/plugins'
import { errReasonUnschedulable, factory } from './nodeUnschedulable'

const unschedulable = {
  code: 'UnschedulableAndUnresolvable',
  reasons: ['node(s) were unschedulable'],
}

// Rows from pkg/scheduler/framework/plugins/nodeunschedulable/node_unschedulable_test.go TestNodeUnschedulable, and two of Kubeplay's.
const rows = [
  {
    name: 'Does not schedule pod to unschedulable node (node.Spec.Unschedulable==true)',
    unschedulable: true,
    tolerations: undefined,
    want: unschedulable,
  },
  { name: 'Schedule pod to normal node', unschedulable: false, tolerations: undefined, want: null },
  {
    name: 'Schedule pod with toleration to unschedulable node (node.Spec.Unschedulable==true)',
    unschedulable: true,
    tolerations: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }],
    want: null,
  },
  {
    name: 'an Exists toleration of any key tolerates it too',
    unschedulable: true,
    tolerations: [{ operator: 'Exists' }],
    want: null,
  },
  {
    name: 'a NoExecute toleration does not',
    unschedulable: true,
    tolerations: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoExecute' }],
    want: unschedulable,
  },
]

describe('NodeUnschedulable', () => {
  test.each(rows)('SCHED-12 $name', ({ unschedulable: u, tolerations, want }) => {
    expect(
      runFilter(
        factory(),
        makePod({ tolerations }),
        nodeInfoOf(makeNode('n', {}, { unschedulable: u })),
      ),
    ).toEqual(want)
  })

  test('SCHED-12 reason text', () => {
    expect(errReasonUnschedulable).toBe('node(s) were unschedulable')
  })

  const hint = factory().eventsToRegister()[0]
  test.each([
    { name: 'a schedulable node added', old: undefined, now: false, want: 'Queue' },
    { name: 'a cordoned node added', old: undefined, now: true, want: 'QueueSkip' },
    { name: 'a node uncordoned', old: true, now: false, want: 'Queue' },
    { name: 'a node cordoned', old: false, now: true, want: 'QueueSkip' },
  ])('SCHED-3 queueing hint: $name', ({ old, now, want }) => {
    const oldNode = old === undefined ? undefined : makeNode('n', {}, { unschedulable: old })
    expect(hint?.hint?.(makePod(), oldNode, makeNode('n', {}, { unschedulable: now }))).toBe(want)
  })
})
