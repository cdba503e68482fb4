import { describe, expect, test } from 'vitest'
import { fitErrorMessage } from './fitError'
import { newStatus } from './status'
import { NodeToStatus, type Diagnosis } from './types'

function diagnosis(statuses: Record<string, string[]>, extra: Partial<Diagnosis> = {}): Diagnosis {
  const m = new NodeToStatus()
  for (const [n, reasons] of Object.entries(statuses))
    m.set(n, newStatus('Unschedulable', ...reasons))
  return {
    nodeToStatus: m,
    unschedulablePlugins: new Set(),
    preFilterMsg: '',
    postFilterMsg: '',
    ...extra,
  }
}

// Rows in the manner of pkg/scheduler/framework/types_test.go TestFitError_Error.
describe('FitError', () => {
  test.each([
    {
      name: 'one reason on every node',
      n: 3,
      d: diagnosis({ a: ['Insufficient cpu'], b: ['Insufficient cpu'], c: ['Insufficient cpu'] }),
      want: '0/3 nodes are available: 3 Insufficient cpu.',
    },
    {
      name: 'reasons counted and sorted as strings',
      n: 3,
      d: diagnosis({
        a: ['Insufficient memory', 'Insufficient cpu'],
        b: ['node(s) were unschedulable'],
        c: ['Insufficient cpu'],
      }),
      want: '0/3 nodes are available: 1 Insufficient memory, 1 node(s) were unschedulable, 2 Insufficient cpu.',
    },
    {
      name: 'a PreFilter message replaces the per-node reasons',
      n: 2,
      d: diagnosis({ a: ['x'] }, { preFilterMsg: 'pod affinity terms conflict' }),
      want: '0/2 nodes are available: pod affinity terms conflict.',
    },
    {
      name: 'the PostFilter message follows',
      n: 1,
      d: diagnosis(
        { a: ['Insufficient cpu'] },
        {
          postFilterMsg:
            'preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
        },
      ),
      want: '0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
    },
    { name: 'no reasons at all', n: 0, d: diagnosis({}), want: '0/0 nodes are available:' },
  ])('SCHED-17 $name', ({ n, d, want }) => {
    expect(fitErrorMessage(n, d)).toBe(want)
  })

  test('SCHED-17 nodes absent from the statuses count with the absent status', () => {
    const d = diagnosis({ a: ['Insufficient cpu'] })
    d.nodeToStatus.absentNodesStatus = newStatus(
      'UnschedulableAndUnresolvable',
      "node(s) didn't satisfy plugin(s) [NodeAffinity]",
    )
    expect(fitErrorMessage(3, d)).toBe(
      "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) [NodeAffinity].",
    )
  })
})
