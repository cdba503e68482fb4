import { describe, expect, test } from 'vitest'
import type { Taint, Toleration } from 'kubernetes-types/core/v1'
import { createRateLimitedTimedQueue, createTokenBucket } from './rateLimitedQueue'
import { getMatchingTolerations, getMinTolerationTimeMs, taintSetDiff, toleratesTaint } from './taints'
import { computeZoneState } from './zones'

describe('tolerations (NODE-6)', () => {
  // Rows after pkg/controller/tainteviction/taint_eviction_test.go TestGetMinTolerationTime.
  const minRows: { name: string; tolerations: Toleration[]; want: number }[] = [
    { name: 'no tolerations: at once', tolerations: [], want: 0 },
    { name: 'one without seconds: for ever', tolerations: [{ tolerationSeconds: undefined }], want: -1 },
    { name: 'the smallest of several', tolerations: [{ tolerationSeconds: 10 }, { tolerationSeconds: 20 }], want: 10_000 },
    { name: 'seconds beat for ever', tolerations: [{}, { tolerationSeconds: 20 }], want: 20_000 },
    { name: 'a negative value means at once', tolerations: [{ tolerationSeconds: -1 }, { tolerationSeconds: 20 }], want: 0 },
  ]
  test.each(minRows)('NODE-6 getMinTolerationTime: $name', ({ tolerations, want }) => {
    expect(getMinTolerationTimeMs(tolerations)).toBe(want)
  })

  // Rows after staging/src/k8s.io/api/core/v1/toleration_test.go TestTolerationToleratesTaint.
  const taint: Taint = { key: 'foo', value: 'bar', effect: 'NoExecute' }
  const tolRows: { name: string; toleration: Toleration; want: boolean }[] = [
    { name: 'empty effect and key with Exists tolerates everything', toleration: { operator: 'Exists' }, want: true },
    { name: 'a different effect does not', toleration: { key: 'foo', operator: 'Exists', effect: 'NoSchedule' }, want: false },
    { name: 'a different key does not', toleration: { key: 'baz', operator: 'Exists', effect: 'NoExecute' }, want: false },
    { name: 'Equal with the same value does', toleration: { key: 'foo', operator: 'Equal', value: 'bar', effect: 'NoExecute' }, want: true },
    { name: 'Equal with another value does not', toleration: { key: 'foo', operator: 'Equal', value: 'baz', effect: 'NoExecute' }, want: false },
    { name: 'an empty operator means Equal', toleration: { key: 'foo', value: 'bar' }, want: true },
    { name: 'an unknown operator never tolerates', toleration: { key: 'foo', operator: 'Gt', value: 'bar' }, want: false },
  ]
  test.each(tolRows)('NODE-6 ToleratesTaint: $name', ({ toleration, want }) => {
    expect(toleratesTaint(toleration, taint)).toBe(want)
  })

  test('NODE-6 GetMatchingTolerations returns the toleration used for each taint', () => {
    const a: Toleration = { key: 'a', operator: 'Exists', tolerationSeconds: 5 }
    const b: Toleration = { key: 'b', operator: 'Exists' }
    expect(getMatchingTolerations([{ key: 'b', effect: 'NoExecute' }, { key: 'a', effect: 'NoExecute' }], [a, b])).toEqual({ allTolerated: true, used: [b, a] })
    expect(getMatchingTolerations([{ key: 'c', effect: 'NoExecute' }], [a, b])).toEqual({ allTolerated: false, used: [] })
  })

  test('NODE-2 TaintSetDiff matches by key and effect only', () => {
    const want: Taint[] = [{ key: 'x', effect: 'NoSchedule' }]
    const have: Taint[] = [{ key: 'x', effect: 'NoSchedule', timeAdded: '2026-01-01T00:00:00Z' }, { key: 'y', effect: 'NoSchedule' }]
    expect(taintSetDiff(want, have)).toEqual({ toAdd: [], toRemove: [{ key: 'y', effect: 'NoSchedule' }] })
  })
})

describe('rate-limited tainting queue (NODE-5)', () => {
  test('NODE-5 the token bucket starts full and refills at qps', () => {
    const b = createTokenBucket(0.1, 1, 0)
    expect(b.tryAccept(0)).toBe(true)
    expect(b.tryAccept(9_999)).toBe(false)
    expect(b.nextTokenAt(9_999)).toBe(10_000)
    expect(b.tryAccept(10_000)).toBe(true)
    expect(createTokenBucket(0, 1, 0).tryAccept(0)).toBe(false)
  })

  test('NODE-5 values are unique until removed, and processed one per token', () => {
    const q = createRateLimitedTimedQueue(0.1, 0)
    expect(q.add('node-1', 'u1', 0)).toBe(true)
    expect(q.add('node-1', 'u1', 0)).toBe(false)
    q.add('node-2', 'u2', 0)
    const done: string[] = []
    q.try(0, (v) => (done.push(v.value), { done: true }))
    expect(done).toEqual(['node-1'])
    q.try(5_000, (v) => (done.push(v.value), { done: true }))
    expect(done).toEqual(['node-1'])
    q.try(10_000, (v) => (done.push(v.value), { done: true }))
    expect(done).toEqual(['node-1', 'node-2'])
    // Processed values stay in the set until removed.
    expect(q.add('node-1', 'u1', 20_000)).toBe(false)
    expect(q.remove('node-1')).toBe(true)
    expect(q.add('node-1', 'u1', 20_000)).toBe(true)
  })

  test('NODE-5 a failed action is retried after its wait; swapping to 0 stops processing', () => {
    const q = createRateLimitedTimedQueue(10, 0)
    q.add('node-1', 'u1', 0)
    let calls = 0
    q.try(0, () => (calls++, { done: false, waitMs: 50 }))
    expect(calls).toBe(1)
    q.swapLimiter(0, 100)
    q.try(1000, () => (calls++, { done: true }))
    expect(calls).toBe(1)
    expect(q.nextTryAt(1000)).toBeUndefined()
    q.swapLimiter(10, 2000)
    q.try(2000, () => (calls++, { done: true }))
    // The new limiter starts drained when the old one had no token.
    expect(calls).toBe(1)
    q.try(2100, () => (calls++, { done: true }))
    expect(calls).toBe(2)
  })

  // Rows after node_lifecycle_controller_test.go TestComputeZoneState-style cases.
  const zoneRows: { name: string; statuses: (string | undefined)[]; state: string }[] = [
    { name: 'all ready', statuses: ['True', 'True', 'True'], state: 'Normal' },
    { name: 'none ready', statuses: ['Unknown', 'False'], state: 'FullDisruption' },
    { name: 'two of three down is not partial (needs more than two)', statuses: ['True', 'Unknown', 'Unknown'], state: 'Normal' },
    { name: 'three of five down is partial', statuses: ['True', 'True', 'Unknown', 'Unknown', 'False'], state: 'PartialDisruption' },
    { name: 'three of six down is under 55%', statuses: ['True', 'True', 'True', 'Unknown', 'Unknown', 'Unknown'], state: 'Normal' },
    { name: 'a missing Ready condition counts as not ready', statuses: [undefined], state: 'FullDisruption' },
  ]
  test.each(zoneRows)('NODE-5 zone state: $name', ({ statuses, state }) => {
    const conditions = statuses.map((s) => (s ? { type: 'Ready', status: s } : undefined))
    expect(computeZoneState(conditions, 0.55).state).toBe(state)
  })
})
