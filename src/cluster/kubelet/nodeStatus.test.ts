import type { NodeCondition } from 'kubernetes-types/core/v1'
import { describe, expect, test } from 'vitest'
import { nodeStatusHasChanged } from './nodeStatus'

const t1 = '2026-01-01T00:00:00Z'
const t2 = '2026-01-01T00:00:10Z'
const ready = (more: Partial<NodeCondition> = {}): NodeCondition => ({
  type: 'Ready',
  status: 'True',
  reason: 'KubeletReady',
  lastHeartbeatTime: t1,
  lastTransitionTime: t1,
  ...more,
})
const memory = (more: Partial<NodeCondition> = {}): NodeCondition => ({
  type: 'MemoryPressure',
  status: 'False',
  lastHeartbeatTime: t1,
  lastTransitionTime: t1,
  ...more,
})

// Rows follow TestNodeStatusHasChanged (pkg/kubelet/kubelet_node_status_test.go).
describe('nodeStatusHasChanged (KUBELET-1)', () => {
  test.each([
    { name: 'no status before', original: undefined, next: {}, want: true },
    { name: 'empty statuses', original: {}, next: {}, want: false },
    {
      name: 'the same conditions',
      original: { conditions: [ready(), memory()] },
      next: { conditions: [ready(), memory()] },
      want: false,
    },
    {
      name: 'only heartbeat times changed',
      original: { conditions: [ready(), memory()] },
      next: {
        conditions: [ready({ lastHeartbeatTime: t2 }), memory({ lastHeartbeatTime: t2 })],
      },
      want: false,
    },
    {
      name: 'the same conditions in another order',
      original: { conditions: [memory(), ready()] },
      next: { conditions: [ready({ lastHeartbeatTime: t2 }), memory()] },
      want: false,
    },
    {
      name: 'a condition status differs',
      original: { conditions: [ready({ status: 'Unknown' }), memory()] },
      next: { conditions: [ready(), memory()] },
      want: true,
    },
    {
      name: 'a transition time differs',
      original: { conditions: [ready(), memory()] },
      next: { conditions: [ready({ lastTransitionTime: t2 }), memory()] },
      want: true,
    },
    {
      name: 'a condition more',
      original: { conditions: [ready()] },
      next: { conditions: [ready(), memory()] },
      want: true,
    },
    {
      name: 'another phase',
      original: { phase: 'Running' },
      next: { phase: 'Pending' },
      want: true,
    },
    {
      name: 'quantities equal in value',
      original: { capacity: { cpu: '1', memory: '1Gi' } },
      next: { capacity: { cpu: '1000m', memory: '1024Mi' } },
      want: false,
    },
    {
      name: 'a quantity differs',
      original: { capacity: { cpu: '1' } },
      next: { capacity: { cpu: '2' } },
      want: true,
    },
    {
      name: 'a field the kubelet does not post (left alone by its patch)',
      original: { conditions: [ready()], volumesInUse: ['a'] },
      next: { conditions: [ready({ lastHeartbeatTime: t2 })] },
      want: false,
    },
    {
      name: 'a changed address',
      original: { addresses: [{ type: 'InternalIP', address: '172.18.0.10' }] },
      next: { addresses: [{ type: 'InternalIP', address: '172.18.0.11' }] },
      want: true,
    },
  ])('KUBELET-1 $name: $want', ({ original, next, want }) => {
    expect(nodeStatusHasChanged(original, next)).toBe(want)
  })
})
