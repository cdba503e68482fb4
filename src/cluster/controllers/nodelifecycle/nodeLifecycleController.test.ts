import { describe, expect, test } from 'vitest'
import { formatTime } from '../../clock'
import { testContext, type TestContext } from '../garbagecollector/testContext'
import { startNodeLifecycleController, type NodeLifecycleOptions } from './nodeLifecycleController'
import { nodeObject } from '../../kubelet'
import { events, evicted, getNode, getPod, heartbeat, registerNodes, runKubelets, runningPod } from './testNodes'

const t0 = Date.UTC(2026, 0, 1)
const at = (s: number): string => formatTime(t0 + s * 1000)

/** A cluster of n nodes with kubelets renewing their leases every 10 s and the controllers started. */
function setup(n = 3, options: NodeLifecycleOptions = {}, labels?: (i: number) => Record<string, string>) {
  const t = testContext()
  registerNodes(t, n, labels)
  const alive = new Set(Array.from({ length: n }, (_, i) => `node-${i + 1}`))
  runKubelets(t, alive)
  const nlc = startNodeLifecycleController(t.ctx, options)
  return { t, alive, nlc }
}

/** Advance to `s` seconds after the start. */
const until = (t: TestContext, s: number): void => t.clock.advance(t0 + s * 1000 - t.clock.now())

const ready = (t: TestContext, node: string) => getNode(t, node).status?.conditions?.find((c) => c.type === 'Ready')
const taints = (t: TestContext, node: string) => (getNode(t, node).spec?.taints ?? []).map((x) => `${x.key}:${x.effect}@${x.timeAdded ?? ''}`)

describe('node lifecycle: heartbeats and the grace period (NODE-1)', () => {
  test('NODE-1 a node whose kubelet stops goes Unknown after the 40 s grace period, at a 5 s monitor pass', () => {
    const { t, alive } = setup()
    until(t, 25)
    alive.delete('node-1') // last lease renewal at 20 s; last status post at registration
    until(t, 60)
    expect(ready(t, 'node-1')?.status).toBe('True')
    until(t, 65)
    const conditions = getNode(t, 'node-1').status?.conditions ?? []
    expect(conditions.map((c) => [c.type, c.status, c.reason, c.message, c.lastTransitionTime, c.lastHeartbeatTime])).toEqual([
      ['MemoryPressure', 'Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.', at(65), at(0)],
      ['DiskPressure', 'Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.', at(65), at(0)],
      ['PIDPressure', 'Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.', at(65), at(0)],
      ['Ready', 'Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.', at(65), at(0)],
    ])
    expect(ready(t, 'node-2')?.status).toBe('True')
    expect(events(t)).toContainEqual(['Normal', 'NodeNotReady', 'Node node-1 status is now: NodeNotReady', 'node-controller'])
    expect(t.errors).toEqual([])
  })

  test('NODE-1 lease renewals are heartbeats: a node whose status is posted every 5 min stays Ready', () => {
    const { t } = setup(2)
    until(t, 290)
    expect(ready(t, 'node-1')).toMatchObject({ status: 'True', lastHeartbeatTime: at(0) })
    until(t, 700)
    expect(ready(t, 'node-1')).toMatchObject({ status: 'True', lastHeartbeatTime: at(600), lastTransitionTime: at(0) })
    expect(events(t).filter((e) => e[1] === 'NodeNotReady')).toEqual([])
    expect(t.errors).toEqual([])
  })

  test('NODE-1 status heartbeats still count: a node without a lease that posts status every 10 s stays Ready', () => {
    const t = testContext()
    t.client.create('Node', undefined, nodeObject({ name: 'old-kubelet', cpu: '4', memory: '8Gi', index: 0 }, at(0)))
    const beat = (): void => {
      heartbeat(t, 'old-kubelet')
      t.clock.after(10_000, 'status heartbeat', beat)
    }
    t.clock.after(10_000, 'status heartbeat', beat)
    startNodeLifecycleController(t.ctx)
    until(t, 200)
    expect(ready(t, 'old-kubelet')).toMatchObject({ status: 'True', lastHeartbeatTime: at(200) })
  })

  test('NODE-1 each node is registered with an event on the first pass', () => {
    const { t } = setup(2)
    until(t, 1)
    expect(events(t)).toEqual([
      ['Normal', 'RegisteredNode', 'Node node-1 event: Registered Node node-1 in Controller', 'node-controller'],
      ['Normal', 'RegisteredNode', 'Node node-2 event: Registered Node node-2 in Controller', 'node-controller'],
    ])
  })

  test('NODE-1 a node that never posted its Ready condition goes Unknown after the 60 s startup grace', () => {
    const t = testContext()
    t.client.create('Node', undefined, { apiVersion: 'v1', kind: 'Node', metadata: { name: 'bare' } })
    startNodeLifecycleController(t.ctx)
    until(t, 60)
    expect(getNode(t, 'bare').status?.conditions ?? []).toEqual([])
    until(t, 65)
    expect((getNode(t, 'bare').status?.conditions ?? []).map((c) => [c.type, c.status, c.reason, c.message, c.lastHeartbeatTime])).toEqual([
      ['Ready', 'Unknown', 'NodeStatusNeverUpdated', 'Kubelet never posted node status.', at(0)],
      ['MemoryPressure', 'Unknown', 'NodeStatusNeverUpdated', 'Kubelet never posted node status.', at(0)],
      ['DiskPressure', 'Unknown', 'NodeStatusNeverUpdated', 'Kubelet never posted node status.', at(0)],
      ['PIDPressure', 'Unknown', 'NodeStatusNeverUpdated', 'Kubelet never posted node status.', at(0)],
    ])
  })

  test('NODE-1 the grace period is an option', () => {
    const { t, alive } = setup(3, { nodeMonitorGracePeriodMs: 50_000 })
    until(t, 25)
    alive.delete('node-1')
    until(t, 70)
    expect(ready(t, 'node-1')?.status).toBe('True')
    until(t, 75)
    expect(ready(t, 'node-1')?.status).toBe('Unknown')
  })
})

describe('node lifecycle: taints (NODE-2)', () => {
  test('NODE-2 an Unknown node gets unreachable NoSchedule at once and NoExecute on the next pass, with timeAdded', () => {
    const { t, alive } = setup()
    until(t, 25)
    alive.delete('node-1')
    until(t, 65)
    expect(taints(t, 'node-1')).toEqual([`node.kubernetes.io/unreachable:NoSchedule@${at(65)}`])
    until(t, 70)
    expect(taints(t, 'node-1')).toEqual([`node.kubernetes.io/unreachable:NoSchedule@${at(65)}`, `node.kubernetes.io/unreachable:NoExecute@${at(70)}`])
    expect(taints(t, 'node-2')).toEqual([])
  })

  test('NODE-2 a node that recovers loses its taints', () => {
    const { t, alive } = setup()
    until(t, 25)
    alive.delete('node-1')
    until(t, 100)
    expect(taints(t, 'node-1')).toHaveLength(2)
    alive.add('node-1') // heartbeat again from 110 s
    until(t, 115)
    expect(ready(t, 'node-1')?.status).toBe('True')
    expect(getNode(t, 'node-1').spec?.taints).toBeUndefined()
  })

  test('NODE-2 Ready=False from the kubelet: not-ready NoSchedule at once, NoExecute at the next pass', () => {
    const { t, alive } = setup()
    until(t, 25)
    alive.delete('node-1')
    heartbeat(t, 'node-1', 'False')
    until(t, 26)
    expect(taints(t, 'node-1')).toEqual([`node.kubernetes.io/not-ready:NoSchedule@${at(25)}`])
    until(t, 30)
    expect(taints(t, 'node-1')).toEqual([`node.kubernetes.io/not-ready:NoSchedule@${at(25)}`, `node.kubernetes.io/not-ready:NoExecute@${at(30)}`])
    // Silent since 25 s. The status change is seen at the 30 s pass, whose fresh record holds no
    // lease, so the 35 s pass takes the (unrenewed) lease as new and probes again, as upstream's
    // tryUpdateNodeHealth does: Unknown at 80 s, not 75 s. Unreachable replaces not-ready,
    // NoExecute at once on the next pass because the node already has the not-ready one.
    until(t, 79)
    expect(ready(t, 'node-1')?.status).toBe('False')
    until(t, 80)
    expect(taints(t, 'node-1')).toEqual([`node.kubernetes.io/not-ready:NoExecute@${at(30)}`, `node.kubernetes.io/unreachable:NoSchedule@${at(80)}`])
    until(t, 85)
    expect(taints(t, 'node-1')).toEqual([`node.kubernetes.io/unreachable:NoSchedule@${at(80)}`, `node.kubernetes.io/unreachable:NoExecute@${at(85)}`])
  })

  const cordon = [
    { name: 'cordon adds node.kubernetes.io/unschedulable:NoSchedule', unschedulable: true, want: [`node.kubernetes.io/unschedulable:NoSchedule@${at(12)}`] },
    { name: 'uncordon removes it', unschedulable: false, want: [] },
  ]
  test.each(cordon)('NODE-3 $name', ({ unschedulable, want }) => {
    const { t } = setup()
    until(t, 12)
    t.client.patch('Node', undefined, 'node-2', { spec: { unschedulable: true } })
    until(t, 13)
    if (!unschedulable) {
      t.client.patch('Node', undefined, 'node-2', { spec: { unschedulable: null } })
      until(t, 14)
    }
    expect(taints(t, 'node-2')).toEqual(want)
  })

  test('NODE-7 beta os and arch labels are kept in step with the stable ones', () => {
    const { t } = setup(1)
    t.client.patch('Node', undefined, 'node-1', { metadata: { labels: { 'beta.kubernetes.io/arch': 'arm64' } } })
    until(t, 1)
    expect(getNode(t, 'node-1').metadata.labels?.['beta.kubernetes.io/arch']).toBe('amd64')
  })
})

describe('node lifecycle: pods on a lost node (NODE-4)', () => {
  test('NODE-4 its pods are marked Ready=False with a NodeNotReady event', () => {
    const { t, alive } = setup()
    runningPod(t, 'web-1', 'node-1')
    runningPod(t, 'web-2', 'node-2')
    until(t, 25)
    alive.delete('node-1')
    until(t, 65)
    expect(getPod(t, 'web-1')?.status?.conditions?.find((c) => c.type === 'Ready')).toMatchObject({ status: 'False', lastTransitionTime: at(65) })
    expect(getPod(t, 'web-2')?.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True')
    expect(events(t)).toContainEqual(['Warning', 'NodeNotReady', 'Node is not ready', 'node-controller'])
  })

  test('NODE-4 a pod bound to a node that is not Ready is marked not Ready at once', () => {
    const { t, alive } = setup()
    until(t, 25)
    alive.delete('node-1')
    until(t, 66)
    const created = t.client.create('Pod', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'late' }, spec: { containers: [{ name: 'app', image: 'nginx' }] } })
    if (!created.ok) throw new Error(created.status.message)
    const p = getPod(t, 'late')
    t.client.update('Pod', { ...p, status: { ...p?.status, conditions: [{ type: 'Ready', status: 'True' }] } }, 'status')
    t.client.raw('POST', '/api/v1/namespaces/default/pods/late/binding', { apiVersion: 'v1', kind: 'Binding', metadata: { name: 'late' }, target: { kind: 'Node', name: 'node-1' } })
    until(t, 67)
    expect(getPod(t, 'late')?.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('False')
  })

  test('NODE-4 pods are evicted 300 s (their default toleration) after the NoExecute taint, and not before', () => {
    const { t, alive } = setup()
    runningPod(t, 'web-1', 'node-1')
    runningPod(t, 'web-2', 'node-2')
    until(t, 25)
    alive.delete('node-1')
    until(t, 369)
    expect(evicted(t, 'web-1')).toBe(false)
    until(t, 370)
    expect(evicted(t, 'web-1')).toBe(true)
    expect(evicted(t, 'web-2')).toBe(false)
    expect(getPod(t, 'web-1')?.status?.conditions?.find((c) => c.type === 'DisruptionTarget')).toMatchObject({
      status: 'True',
      reason: 'DeletionByTaintManager',
      message: 'Taint manager: deleting due to NoExecute taint',
      lastTransitionTime: at(370),
    })
    expect(events(t)).toContainEqual(['Normal', 'TaintManagerEviction', 'Marking for deletion Pod default/web-1', 'taint-eviction-controller'])
  })

  const tolerations = [
    { name: 'tolerationSeconds 60: evicted after 60 s', seconds: 60, notBefore: 129, by: 130 },
    { name: 'tolerationSeconds 0: evicted at once', seconds: 0, notBefore: 69, by: 70 },
  ]
  test.each(tolerations)('NODE-4 $name', ({ seconds, notBefore, by }) => {
    const { t, alive } = setup()
    runningPod(t, 'web-1', 'node-1', [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: seconds }])
    until(t, 25)
    alive.delete('node-1')
    until(t, notBefore)
    expect(evicted(t, 'web-1')).toBe(false)
    until(t, by)
    expect(evicted(t, 'web-1')).toBe(true)
  })

  test('NODE-4 a toleration without tolerationSeconds keeps the pod for ever', () => {
    const { t, alive } = setup()
    runningPod(t, 'web-1', 'node-1', [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' }])
    until(t, 25)
    alive.delete('node-1')
    until(t, 2000)
    expect(evicted(t, 'web-1')).toBe(false)
  })

  test('NODE-4 a node back before the toleration ends keeps its pods; the eviction is cancelled', () => {
    const { t, alive } = setup()
    runningPod(t, 'web-1', 'node-1')
    until(t, 25)
    alive.delete('node-1')
    until(t, 200)
    alive.add('node-1')
    until(t, 600)
    expect(evicted(t, 'web-1')).toBe(false)
    expect(events(t)).toContainEqual(['Normal', 'TaintManagerEviction', 'Cancelling deletion of Pod default/web-1', 'taint-eviction-controller'])
  })
})

describe('node lifecycle: zone disruption (NODE-5)', () => {
  test('NODE-5 every node down: no NoExecute taint, no eviction (full disruption)', () => {
    const { t, alive } = setup(2)
    runningPod(t, 'web-1', 'node-1')
    until(t, 25)
    alive.clear()
    until(t, 500)
    expect(ready(t, 'node-1')?.status).toBe('Unknown')
    expect(taints(t, 'node-1')).toEqual([`node.kubernetes.io/unreachable:NoSchedule@${at(65)}`])
    expect(evicted(t, 'web-1')).toBe(false)
  })

  test('NODE-5 back from full disruption, evictions resume for nodes still down', () => {
    const { t, alive } = setup(2)
    until(t, 25)
    alive.clear()
    until(t, 100)
    alive.add('node-2')
    // Seen Ready at the 110 s pass; the zone's limiter restarts drained, so the next token is at 120 s.
    until(t, 119)
    expect(taints(t, 'node-1')).toEqual([`node.kubernetes.io/unreachable:NoSchedule@${at(65)}`])
    until(t, 200)
    expect(taints(t, 'node-1')).toContain(`node.kubernetes.io/unreachable:NoExecute@${at(120)}`)
  })

  test('NODE-5 a small zone more than 55% down stops tainting (partial disruption)', () => {
    const { t, alive } = setup(5)
    until(t, 25)
    for (const n of ['node-1', 'node-2', 'node-3']) alive.delete(n)
    until(t, 200)
    for (const n of ['node-1', 'node-2', 'node-3']) expect(taints(t, n)).toEqual([`node.kubernetes.io/unreachable:NoSchedule@${at(65)}`])
  })

  test('NODE-5 in a healthy zone nodes are tainted one per 10 s (eviction rate 0.1/s)', () => {
    const { t, alive } = setup(5)
    until(t, 25)
    alive.delete('node-1')
    alive.delete('node-2')
    until(t, 100)
    expect(taints(t, 'node-1')).toContain(`node.kubernetes.io/unreachable:NoExecute@${at(70)}`)
    expect(taints(t, 'node-2')).toContain(`node.kubernetes.io/unreachable:NoExecute@${at(80)}`)
  })

  test('NODE-5 zones are counted apart: a whole zone down is not a whole cluster down', () => {
    const { t, alive } = setup(4, {}, (i) => ({ 'topology.kubernetes.io/zone': i < 2 ? 'a' : 'b' }))
    until(t, 25)
    alive.delete('node-1')
    alive.delete('node-2')
    until(t, 100)
    expect(taints(t, 'node-1')).toContain(`node.kubernetes.io/unreachable:NoExecute@${at(70)}`)
    expect(taints(t, 'node-2')).toContain(`node.kubernetes.io/unreachable:NoExecute@${at(80)}`)
  })
})
