import { describe, expect, test } from 'vitest'
import type { NodeSpec } from './testing/harness'
import { harness, podWith } from './testing/harness'

const three = (extra: Partial<NodeSpec>[] = []): NodeSpec[] =>
  ['node-1', 'node-2', 'node-3'].map((name, i) => ({
    name,
    cpu: '4',
    memory: '8Gi',
    ...(extra[i] ?? {}),
  }))

const rows: {
  name: string
  nodes: NodeSpec[]
  cordon?: string
  pod: Record<string, unknown>
  want: string
}[] = [
  {
    name: 'too little cpu everywhere',
    nodes: three(),
    pod: podWith('web', { cpu: '10' }),
    want: '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.',
  },
  {
    name: 'too little cpu and memory everywhere',
    nodes: three(),
    pod: podWith('web', { cpu: '10', memory: '20Gi' }),
    want: '0/3 nodes are available: 3 Insufficient cpu, 3 Insufficient memory. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.',
  },
  {
    name: 'a nodeSelector no node matches',
    nodes: three(),
    pod: podWith('web', {}, { nodeSelector: { disktype: 'ssd' } }),
    want: "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
  },
  {
    name: 'a taint, a cordon and a small node: the first failing filter speaks for each node',
    nodes: three([
      { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] },
      {},
      { cpu: '1' },
    ]),
    cordon: 'node-2',
    pod: podWith('web', { cpu: '2' }),
    want: '0/3 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {dedicated: gpu}, 1 node(s) were unschedulable. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.',
  },
  {
    name: 'required node affinity naming a node that does not exist',
    nodes: three(),
    pod: podWith(
      'web',
      {},
      {
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [
                { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-9'] }] },
              ],
            },
          },
        },
      },
    ),
    want: "0/3 nodes are available: 3 node(s) didn't satisfy plugin(s) [NodeAffinity]. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
  },
  {
    name: 'no nodes at all',
    nodes: [],
    pod: podWith('web'),
    want: 'no nodes available to schedule pods',
  },
]

describe('FailedScheduling', () => {
  test.each(rows)('SCHED-17 SCHED-18 $name', ({ nodes, cordon, pod, want }) => {
    const h = harness({ nodes })
    if (cordon)
      h.client.patch('Node', undefined, cordon, { spec: { unschedulable: true } }, 'merge')
    h.createPod(pod)
    h.clock.advance(1)
    expect(h.events()).toEqual([`FailedScheduling: ${want}`])
    const condition = h.pod('web').status?.conditions?.find((c) => c.type === 'PodScheduled')
    expect(condition).toMatchObject({
      type: 'PodScheduled',
      status: 'False',
      reason: 'Unschedulable',
      message: want,
    })
    expect(h.pod('web').spec?.nodeName).toBeUndefined()
    expect(h.errors).toEqual([])
  })

  test('SCHED-18 the event records the scheduler as its source; a retry with the same message counts up', () => {
    const h = harness({ nodes: three() })
    h.createPod(podWith('web', { cpu: '10' }))
    h.clock.advance(1)
    // Nothing helps the pod, so only the 5-minute flush retries it.
    h.clock.advance(400_000)
    const events = (
      h.get('/api/v1/namespaces/default/events').body as {
        items: { reason: string; count: number; source: unknown; type: string }[]
      }
    ).items
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({
      reason: 'FailedScheduling',
      type: 'Warning',
      source: { component: 'default-scheduler' },
      count: 2,
    })
  })
})
