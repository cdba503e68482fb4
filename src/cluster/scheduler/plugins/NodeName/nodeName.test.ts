import { describe, expect, test } from 'vitest'
import { makeNode, makePod, nodeInfoOf, runFilter } from '../../testing/plugins'
import { errReason, factory } from './nodeName'

// Rows from pkg/scheduler/framework/plugins/nodename/node_name_test.go TestNodeName.
const rows = [
  { name: 'no host specified', podNode: undefined, node: 'foo', want: null },
  { name: 'host matches', podNode: 'foo', node: 'foo', want: null },
  {
    name: "host doesn't match",
    podNode: 'bar',
    node: 'foo',
    want: { code: 'UnschedulableAndUnresolvable', reasons: [errReason] },
  },
]

describe('NodeName', () => {
  test.each(rows)('SCHED-11 $name', ({ podNode, node, want }) => {
    expect(
      runFilter(factory(), makePod({ nodeName: podNode }), nodeInfoOf(makeNode(node))),
    ).toEqual(want)
  })

  test('SCHED-11 reason text', () => {
    expect(errReason).toBe("node(s) didn't match the requested node name")
  })
})
