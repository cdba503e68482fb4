/**
 * Issue 3's acceptance scenarios, through handle(), watch() and advance() alone: what a learner
 * does on a real cluster, and what a real cluster would show.
 */
import { describe, expect, test } from 'vitest'
import { createCluster, type Cluster } from '../index'
import type { WatchEvent } from '../apiserver/watch'
import { deployment } from '../testing/fixtures'
import { advanceUntil, events, isReady, pods, type PodView } from './helpers'

const deploys = '/apis/apps/v1/namespaces/default/deployments'
const threeNodes = () => createCluster({ seed: 1, nodes: ['node-1', 'node-2', 'node-3'].map((name) => ({ name, cpu: '4', memory: '8Gi' })) })

function readyCount(c: Cluster, selector: string): number {
  return pods(c, selector).filter((p) => isReady(p) && !p.metadata.deletionTimestamp).length
}

type RS = { metadata: { name: string; annotations?: Record<string, string>; labels?: Record<string, string> }; spec: { replicas: number; template: unknown }; status: { replicas?: number; availableReplicas?: number } }

function replicaSets(c: Cluster): RS[] {
  return (c.handle({ method: 'GET', path: '/apis/apps/v1/namespaces/default/replicasets' }).body as { items: RS[] }).items
}

describe('issue 3: the control loops, end to end', () => {
  test('a 3-replica nginx Deployment on 3 nodes becomes 3 Ready pods, spread by the scheduler', () => {
    const c = threeNodes()
    expect(c.handle({ method: 'POST', path: deploys, body: deployment('web', 'nginx:1.25', 3) }).status).toBe(201)
    advanceUntil(c, '3 ready pods', () => readyCount(c, 'app=web') === 3)
    const placed = pods(c, 'app=web').map((p) => p.spec.nodeName)
    expect(new Set(placed).size).toBe(3)
    type DeployStatus = { status: { readyReplicas?: number; availableReplicas?: number; updatedReplicas?: number } }
    const status = () => (c.handle({ method: 'GET', path: `${deploys}/web` }).body as DeployStatus).status
    advanceUntil(c, 'deployment status', () => status().availableReplicas === 3)
    expect(status()).toMatchObject({ replicas: 3, readyReplicas: 3, updatedReplicas: 3, availableReplicas: 3 })
    expect(events(c, 'Scheduled').map((e) => e.message)).toEqual(expect.arrayContaining([expect.stringMatching(/^Successfully assigned default\/web-[a-z0-9]+-[a-z0-9]{5} to node-[123]$/)]))
    expect(events(c, 'ScalingReplicaSet')[0]?.message).toMatch(/^Scaled up replica set web-[a-z0-9]+ to 3$/)
  })

  test('changing the image rolls pods one at a time within maxSurge and maxUnavailable, and rollback reuses the old ReplicaSet', () => {
    const c = threeNodes()
    c.handle({ method: 'POST', path: deploys, body: deployment('web', 'nginx:1.25', 3) })
    advanceUntil(c, '3 ready pods', () => readyCount(c, 'app=web') === 3)
    // Watch every pod change during the rollout and check the fenceposts at each step:
    // 3 replicas with 25%/25% → maxSurge 1 (rounded up), maxUnavailable 0 (rounded down).
    const seen: WatchEvent[] = []
    let worstTotal = 0
    let worstReady = 3
    c.watch({ method: 'GET', path: '/api/v1/namespaces/default/pods', query: { labelSelector: 'app=web' } }, (e) => {
      seen.push(e)
      const all = pods(c, 'app=web').filter((p) => !p.metadata.deletionTimestamp)
      worstTotal = Math.max(worstTotal, all.length)
      worstReady = Math.min(worstReady, all.filter(isReady).length)
    })
    const patch = c.handle({
      method: 'PATCH',
      path: `${deploys}/web`,
      headers: { 'Content-Type': 'application/strategic-merge-patch+json' },
      body: { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.26' }] } } } },
    })
    expect(patch.status).toBe(200)
    advanceUntil(c, 'rollout to nginx:1.26', () => {
      const ps = pods(c, 'app=web').filter((p) => !p.metadata.deletionTimestamp)
      return ps.length === 3 && ps.every((p) => isReady(p) && p.spec.containers[0]?.image === 'nginx:1.26')
    })
    expect(worstTotal).toBeLessThanOrEqual(4)
    expect(worstReady).toBeGreaterThanOrEqual(3)
    expect(seen.length).toBeGreaterThan(6)
    const revs = Object.fromEntries(replicaSets(c).map((r) => [r.metadata.annotations?.['deployment.kubernetes.io/revision'], r.spec.replicas]))
    expect(revs).toEqual({ '1': 0, '2': 3 })

    // kubectl rollout undo: copy revision 1's template back into the Deployment.
    const old = replicaSets(c).find((r) => r.metadata.annotations?.['deployment.kubernetes.io/revision'] === '1') as RS
    const template = JSON.parse(JSON.stringify(old.spec.template)) as { metadata: { labels: Record<string, string> } }
    delete template.metadata.labels['pod-template-hash']
    c.handle({ method: 'PATCH', path: `${deploys}/web`, headers: { 'Content-Type': 'application/merge-patch+json' }, body: { spec: { template } } })
    advanceUntil(c, 'rollback to nginx:1.25', () => {
      const ps = pods(c, 'app=web').filter((p) => !p.metadata.deletionTimestamp)
      return ps.length === 3 && ps.every((p) => isReady(p) && p.spec.containers[0]?.image === 'nginx:1.25')
    })
    const after = replicaSets(c)
    expect(after).toHaveLength(2)
    const reused = after.find((r) => r.metadata.name === old.metadata.name)
    expect(reused?.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3')
    expect(reused?.spec.replicas).toBe(3)
  })

  test('a failed node goes NotReady, its pods are evicted after 300 s and recreated elsewhere', () => {
    const c = threeNodes()
    c.handle({ method: 'POST', path: deploys, body: deployment('web', 'nginx:1.25', 3) })
    advanceUntil(c, '3 ready pods', () => readyCount(c, 'app=web') === 3)
    const victim = pods(c, 'app=web')[0] as PodView
    const node = victim.spec.nodeName ?? ''
    c.failNode(node)
    const notReadyAfter = advanceUntil(c, `${node} NotReady`, () => {
      const n = c.handle({ method: 'GET', path: `/api/v1/nodes/${node}` }).body as { status: { conditions: { type: string; status: string }[] } }
      return n.status.conditions.some((x) => x.type === 'Ready' && x.status === 'Unknown')
    })
    expect(notReadyAfter).toBeGreaterThanOrEqual(40_000)
    expect(notReadyAfter).toBeLessThanOrEqual(60_000)
    // The node lifecycle controller adds the NoSchedule taint, then the NoExecute one a monitor period later.
    advanceUntil(c, 'unreachable NoExecute taint', () => {
      const n = c.handle({ method: 'GET', path: `/api/v1/nodes/${node}` }).body as { spec: { taints?: { key: string; effect: string }[] } }
      return (n.spec.taints ?? []).some((t) => t.key === 'node.kubernetes.io/unreachable' && t.effect === 'NoExecute')
    }, 30_000)
    // Evicted only after the 300 s default toleration, then replaced on the other nodes.
    c.advance(200_000)
    expect(pods(c, 'app=web').some((p) => p.metadata.name === victim.metadata.name && !p.metadata.deletionTimestamp)).toBe(true)
    advanceUntil(c, 'replacement ready elsewhere', () => {
      const live = pods(c, 'app=web').filter((p) => !p.metadata.deletionTimestamp && p.spec.nodeName !== node)
      return live.length === 3 && live.every(isReady)
    })
  })

  test('a pod that fits nowhere stays Pending with the upstream FailedScheduling message', () => {
    const c = threeNodes()
    const res = c.handle({
      method: 'POST',
      path: '/api/v1/namespaces/default/pods',
      body: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'huge' }, spec: { containers: [{ name: 'huge', image: 'nginx:1.25', resources: { requests: { cpu: '16' } } }] } },
    })
    expect(res.status).toBe(201)
    c.advance(5_000)
    const failed = events(c, 'FailedScheduling')
    expect(failed[0]?.message).toBe('0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.')
    const p = c.handle({ method: 'GET', path: '/api/v1/namespaces/default/pods/huge' }).body as PodView
    expect(p.status.phase).toBe('Pending')
    expect(p.status.conditions).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'PodScheduled', status: 'False', reason: 'Unschedulable' })]))
  })

  test('a crashing image reaches CrashLoopBackOff with the upstream delays', () => {
    const c = threeNodes()
    c.handle({ method: 'POST', path: deploys, body: deployment('api', 'kubeplay/demo-api:v2', 1) })
    const restartedAt: number[] = []
    const waitingReasons = new Set<string>()
    let last = 0
    advanceUntil(
      c,
      'five restarts',
      () => {
        const cs = pods(c, 'app=api')[0]?.status.containerStatuses?.[0]
        const reason = cs?.state.waiting?.reason
        if (reason) waitingReasons.add(reason)
        if (cs && cs.restartCount > last) {
          last = cs.restartCount
          restartedAt.push(c.now())
        }
        return last >= 5
      },
      1_200_000,
      500,
    )
    expect(waitingReasons.has('CrashLoopBackOff')).toBe(true)
    // The first restart is immediate; then the kubelet backs off 10 s, 20 s, 40 s, 80 s (doubling
    // to 5 min), each gap also holding the second the container runs before it crashes again.
    const gaps = restartedAt.slice(1).map((t, i) => t - (restartedAt[i] as number))
    gaps.forEach((gap, i) => expect(Math.abs(gap - (10_000 * 2 ** i + 1_000)), `gap ${i + 1} was ${gap} ms`).toBeLessThanOrEqual(1_500))
    expect(events(c, 'BackOff')[0]?.message).toMatch(/^Back-off restarting failed container demo-api in pod api-[a-z0-9]+-[a-z0-9]{5}_default\(/)
  })
})
