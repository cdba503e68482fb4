import { describe, expect, test } from 'vitest'
import { createRandom } from '../../random'
import {
  activePodsLess,
  getPodsToDelete,
  podDeletionCostAnnotation,
  sortActivePodsWithRanks,
} from './activePods'
import type { Pod } from './types'

// Rows ported from pkg/controller/controller_utils_test.go (TestSortingActivePods,
// TestSortingActivePodsWithRanks) and pkg/controller/replicaset/replica_set_test.go.

const now = Date.UTC(2026, 0, 1, 12)
const iso = (ms: number | undefined): string | undefined =>
  ms === undefined ? undefined : new Date(ms).toISOString().replace('.000Z', 'Z')
const then1Month = Date.UTC(2025, 11, 1, 12)
const hours = (h: number): number => now - h * 3600_000

interface PodOpts {
  node?: string
  phase?: string
  ready?: boolean
  readySince?: number
  restarts?: number[]
  created?: number
  annotations?: Record<string, string>
  uid?: string
}

function pod(name: string, o: PodOpts = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      uid: o.uid ?? '',
      resourceVersion: '1',
      creationTimestamp: iso(o.created),
      annotations: o.annotations,
    },
    spec: { containers: [], nodeName: o.node ?? '' },
    status: {
      phase: o.phase,
      conditions: o.ready
        ? [{ type: 'Ready', status: 'True', lastTransitionTime: iso(o.readySince) }]
        : [],
      containerStatuses: (o.restarts ?? []).map((restartCount, i) => ({
        name: `c${i}`,
        image: 'x',
        imageID: '',
        ready: true,
        restartCount,
      })),
    },
  } as Pod
}

describe('RS-5 ActivePods ordering (TestSortingActivePods)', () => {
  const pods = [
    pod('unscheduled', { phase: 'Pending' }),
    pod('scheduledButPending', { node: 'bar', phase: 'Pending' }),
    pod('unknownPhase', { node: 'foo', phase: 'Unknown' }),
    pod('runningButNotReady', { node: 'foo', phase: 'Running' }),
    pod('runningNoLastTransitionTime', {
      node: 'foo',
      phase: 'Running',
      ready: true,
      restarts: [3, 0],
    }),
    pod('runningWithLastTransitionTime', {
      node: 'foo',
      phase: 'Running',
      ready: true,
      readySince: now,
      restarts: [3, 0],
    }),
    pod('runningLongerTime', {
      node: 'foo',
      phase: 'Running',
      ready: true,
      readySince: then1Month,
      restarts: [3, 0],
    }),
    pod('lowerContainerRestartCount', {
      node: 'foo',
      phase: 'Running',
      ready: true,
      readySince: then1Month,
      restarts: [2, 1],
      created: now,
    }),
    pod('oldest', {
      node: 'foo',
      phase: 'Running',
      ready: true,
      readySince: then1Month,
      restarts: [2, 1],
      created: then1Month,
    }),
  ]
  const want = pods.map((p) => p.metadata.name)
  test.each(Array.from({ length: 20 }, (_, i) => ({ name: `shuffle ${i}`, seed: i })))(
    'RS-5 sorts by active pod ($name)',
    ({ seed }) => {
      const rnd = createRandom(seed)
      const shuffled = [...pods]
      for (let i = shuffled.length - 1; i > 0; i--) {
        const j = rnd.intn(i + 1)
        ;[shuffled[i], shuffled[j]] = [shuffled[j] as Pod, shuffled[i] as Pod]
      }
      // ActivePods is ActivePodsWithRanks with equal ranks and a zero Now.
      const got = sortActivePodsWithRanks(
        shuffled.map((p) => ({ pod: p, rank: 0 })),
        undefined,
      ).map((r) => r.pod.metadata.name)
      expect(got).toEqual(want)
    },
  )
})

describe('RS-5 ActivePodsWithRanks (TestSortingActivePodsWithRanks)', () => {
  const p = (
    name: string,
    node: string,
    phase: string,
    ready: boolean,
    restarts: number,
    readySince: number | undefined,
    created: number | undefined,
    annotations?: Record<string, string>,
  ): Pod =>
    pod(name, {
      node,
      phase,
      ready,
      readySince,
      restarts: ready ? [restarts] : [],
      created,
      annotations,
    })
  const unscheduled = p('unscheduled', '', 'Pending', false, 0, undefined, undefined)
  const scheduledPending = p('pending', 'node', 'Pending', false, 0, undefined, undefined)
  const unknownPhase = p('unknown-phase', 'node', 'Unknown', false, 0, undefined, undefined)
  const runningNotReady = p('not-ready', 'node', 'Running', false, 0, undefined, undefined)
  const readyNoLTT = p(
    'ready-no-last-transition-time',
    'node',
    'Running',
    true,
    0,
    undefined,
    undefined,
  )
  const readyNow = p('ready-now', 'node', 'Running', true, 0, now, now)
  const readyThen = p('ready-then', 'node', 'Running', true, 0, then1Month, then1Month)
  const readyNowHighRestarts = p('ready-high-restarts', 'node', 'Running', true, 9001, now, now)
  const readyNowCreatedThen = p(
    'ready-now-created-then',
    'node',
    'Running',
    true,
    0,
    now,
    then1Month,
  )
  const lowCost = p('low-deletion-cost', 'node', 'Running', true, 0, now, then1Month, {
    [podDeletionCostAnnotation]: '10',
  })
  const highCost = p('high-deletion-cost', 'node', 'Running', true, 0, now, then1Month, {
    [podDeletionCostAnnotation]: '100',
  })
  const unscheduled5Hours = p('unscheduled-5-hours', '', 'Pending', false, 0, hours(5), hours(5))
  const unscheduled8Hours = p('unscheduled-10-hours', '', 'Pending', false, 0, hours(8), hours(8))
  const ready2Hours = p('ready-2-hours', '', 'Running', true, 0, hours(2), then1Month)
  const ready5Hours = p('ready-5-hours', '', 'Running', true, 0, hours(5), then1Month)
  const ready10Hours = p('ready-10-hours', '', 'Running', true, 0, hours(8), then1Month)

  const equal: { name: string; p1: Pod; p2: Pod }[] = [
    ...[
      unscheduled,
      scheduledPending,
      unknownPhase,
      runningNotReady,
      readyNowCreatedThen,
      readyNow,
      readyThen,
      readyNowHighRestarts,
    ].map((x) => ({ name: x.metadata.name, p1: x, p2: x })),
    { name: 'unscheduled 5h vs 8h (same log rank)', p1: unscheduled5Hours, p2: unscheduled8Hours },
    { name: 'ready 5h vs 8h (same log rank)', p1: ready5Hours, p2: ready10Hours },
  ]
  test.each(equal)('RS-5 equivalent: $name', ({ p1, p2 }) => {
    const a = { pod: p1, rank: 1 }
    const b = { pod: p2, rank: 1 }
    expect(activePodsLess(a, b, now)).toBe(false)
    expect(activePodsLess(b, a, now)).toBe(false)
  })

  const r = (pod: Pod, rank: number) => ({ pod, rank })
  const unequal = [
    { lesser: r(unscheduled, 1), greater: r(scheduledPending, 2) },
    { lesser: r(unscheduled, 2), greater: r(scheduledPending, 1) },
    { lesser: r(scheduledPending, 1), greater: r(unknownPhase, 2) },
    { lesser: r(unknownPhase, 1), greater: r(runningNotReady, 2) },
    { lesser: r(runningNotReady, 1), greater: r(readyNoLTT, 1) },
    { lesser: r(readyNoLTT, 1), greater: r(readyNow, 1) },
    { lesser: r(readyNow, 2), greater: r(readyNoLTT, 1) },
    { lesser: r(readyNow, 1), greater: r(readyThen, 1) },
    { lesser: r(readyNow, 2), greater: r(readyThen, 1) },
    { lesser: r(readyNowHighRestarts, 1), greater: r(readyNow, 1) },
    { lesser: r(readyNow, 2), greater: r(readyNowHighRestarts, 1) },
    { lesser: r(readyNow, 1), greater: r(readyNowCreatedThen, 1) },
    { lesser: r(readyNowCreatedThen, 2), greater: r(readyNow, 1) },
    { lesser: r(lowCost, 2), greater: r(highCost, 1) },
    { lesser: r(ready2Hours, 1), greater: r(ready5Hours, 1) },
  ].map((row) => ({
    ...row,
    name: `${row.lesser.pod.metadata.name}/${row.lesser.rank} < ${row.greater.pod.metadata.name}/${row.greater.rank}`,
  }))
  test.each(unequal)('RS-5 $name', ({ lesser, greater }) => {
    expect(activePodsLess(lesser, greater, now)).toBe(true)
    expect(activePodsLess(greater, lesser, now)).toBe(false)
  })

  test.each([
    { name: 'valid cost', value: '-5', lessThanZero: true },
    { name: 'leading plus is invalid (reads as 0)', value: '+5', lessThanZero: false },
    { name: 'leading zero is invalid (reads as 0)', value: '05', lessThanZero: false },
  ])('RS-5 pod-deletion-cost: $name', ({ value, lessThanZero }) => {
    const a = r(
      p('a', 'node', 'Running', true, 0, now, now, { [podDeletionCostAnnotation]: value }),
      1,
    )
    const b = r(p('b', 'node', 'Running', true, 0, now, now), 1)
    expect(activePodsLess(a, b, now)).toBe(lessThanZero)
  })
})

describe('RS-5 getPodsToDelete (TestGetPodsToDelete)', () => {
  // Related pods: pods of the same controller's ReplicaSets; the more of them share a node,
  // the earlier a pod on that node goes.
  const running = (name: string, node: string): Pod =>
    pod(name, { node, phase: 'Running', ready: true, readySince: then1Month, created: then1Month })
  const p1 = running('p1', 'n1')
  const p2 = running('p2', 'n2')
  const p3 = running('p3', 'n2')
  const other = running('other', 'n1')
  const other2 = running('other2', 'n1')
  test.each([
    {
      name: 'delete everything: no sorting',
      filtered: [p1, p2, p3],
      related: [],
      diff: 3,
      want: ['p1', 'p2', 'p3'],
    },
    {
      name: 'doubled-up node first',
      filtered: [p1, p2, p3],
      related: [p1, p2, p3],
      diff: 1,
      want: ['p2'],
    },
    {
      name: 'related pods on n1 outrank',
      filtered: [p1, p2, p3],
      related: [p1, p2, p3, other, other2],
      diff: 1,
      want: ['p1'],
    },
    {
      name: 'unscheduled before any rank',
      filtered: [p1, pod('pending', { phase: 'Pending' })],
      related: [p1, other, other2],
      diff: 1,
      want: ['pending'],
    },
  ])('RS-5 $name', ({ filtered, related, diff, want }) => {
    expect(getPodsToDelete(filtered, related, diff, now).map((x) => x.metadata.name)).toEqual(want)
  })
})
