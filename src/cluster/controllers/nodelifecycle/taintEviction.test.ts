import { describe, expect, test } from 'vitest'
import type { Taint, Toleration } from 'kubernetes-types/core/v1'
import { testContext, type TestContext } from '../garbagecollector/testContext'
import { startTaintEvictionController } from './taintEviction'
import { events, evicted, getPod, registerNodes, runningPod } from './testNodes'

function setTaints(t: TestContext, node: string, taints: Taint[]): void {
  const res = t.client.patch('Node', undefined, node, { spec: { taints: taints.length ? taints : null } })
  if (!res.ok) throw new Error(res.status.message)
}

const exec = (key: string, value?: string): Taint => ({ key, value, effect: 'NoExecute' })
const tol = (key: string, tolerationSeconds?: number, more: Partial<Toleration> = {}): Toleration => ({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds, ...more })

// Rows after pkg/controller/tainteviction/taint_eviction_test.go TestCreatePod / TestUpdateNode.
const rows: { name: string; tolerations?: Toleration[]; taints: Taint[]; evictedBy: number | undefined }[] = [
  { name: 'no taints: the pod stays', taints: [], evictedBy: undefined },
  { name: 'a NoExecute taint not tolerated: deleted at once', taints: [exec('example.com/maintenance')], evictedBy: 0 },
  { name: 'tolerated for ever: the pod stays', tolerations: [tol('example.com/maintenance')], taints: [exec('example.com/maintenance')], evictedBy: undefined },
  { name: 'tolerated for 60 s: deleted after 60 s', tolerations: [tol('example.com/maintenance', 60)], taints: [exec('example.com/maintenance')], evictedBy: 60 },
  {
    name: 'two taints: the shorter toleration wins',
    tolerations: [tol('a', 100), tol('b', 30)],
    taints: [exec('a'), exec('b')],
    evictedBy: 30,
  },
  { name: 'one of two taints not tolerated: deleted at once', tolerations: [tol('a', 100)], taints: [exec('a'), exec('b')], evictedBy: 0 },
  {
    name: 'an Equal toleration must match the value',
    tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoExecute' }],
    taints: [exec('dedicated', 'db')],
    evictedBy: 0,
  },
  { name: 'an empty key with Exists tolerates every taint', tolerations: [{ operator: 'Exists' }], taints: [exec('anything')], evictedBy: undefined },
  { name: 'NoSchedule taints do not evict', taints: [{ key: 'example.com/x', effect: 'NoSchedule' }], evictedBy: undefined },
]

describe('taint eviction controller (NODE-6)', () => {
  test.each(rows)('NODE-6 $name', ({ tolerations, taints, evictedBy }) => {
    const t = testContext()
    registerNodes(t, 1)
    startTaintEvictionController(t.ctx)
    runningPod(t, 'web-1', 'node-1', tolerations)
    t.clock.advance(1000)
    setTaints(t, 'node-1', taints)
    if (evictedBy === undefined) {
      t.clock.advance(3600_000)
      expect(evicted(t, 'web-1')).toBe(false)
      return
    }
    if (evictedBy > 0) {
      t.clock.advance(evictedBy * 1000 - 1)
      expect(evicted(t, 'web-1')).toBe(false)
    }
    t.clock.advance(1)
    expect(evicted(t, 'web-1')).toBe(true)
    expect(events(t)).toContainEqual(['Normal', 'TaintManagerEviction', 'Marking for deletion Pod default/web-1', 'taint-eviction-controller'])
  })

  test('NODE-6 a pod bound to an already tainted node is deleted at once', () => {
    const t = testContext()
    registerNodes(t, 1)
    startTaintEvictionController(t.ctx)
    setTaints(t, 'node-1', [exec('example.com/maintenance')])
    t.clock.advance(1000)
    runningPod(t, 'late', 'node-1')
    t.clock.advance(1)
    expect(evicted(t, 'late')).toBe(true)
  })

  test('NODE-6 adding a toleration in time saves the pod (tolerations are re-read on update)', () => {
    const t = testContext()
    registerNodes(t, 1)
    const tec = startTaintEvictionController(t.ctx)
    runningPod(t, 'web-1', 'node-1', [tol('example.com/maintenance', 60)])
    setTaints(t, 'node-1', [exec('example.com/maintenance')])
    t.clock.advance(1000)
    expect([...tec.scheduled()]).toEqual([['default/web-1', Date.UTC(2026, 0, 1) + 60_000]])
    // Removing the taint cancels the scheduled deletion, with an event.
    setTaints(t, 'node-1', [])
    t.clock.advance(120_000)
    expect(evicted(t, 'web-1')).toBe(false)
    expect(tec.scheduled().size).toBe(0)
    expect(events(t)).toEqual([['Normal', 'TaintManagerEviction', 'Cancelling deletion of Pod default/web-1', 'taint-eviction-controller']])
  })

  test('NODE-6 the evicted pod carries DisruptionTarget and is deleted gracefully', () => {
    const t = testContext()
    registerNodes(t, 1)
    startTaintEvictionController(t.ctx)
    runningPod(t, 'web-1', 'node-1')
    setTaints(t, 'node-1', [exec('example.com/maintenance')])
    t.clock.advance(1)
    const p = getPod(t, 'web-1')
    expect(p?.metadata.deletionGracePeriodSeconds).toBe(30)
    expect(p?.status?.conditions?.map((c) => [c.type, c.status, c.reason])).toEqual([
      ['Ready', 'True', undefined],
      ['DisruptionTarget', 'True', 'DeletionByTaintManager'],
    ])
  })
})
