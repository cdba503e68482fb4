import { describe, expect, test } from 'vitest'
import type { NodeSpec } from '../testing/harness'
import { harness, podWith } from '../testing/harness'

const base = '/apis/scheduling.kubeplay.dev/v1alpha1'
const nodes = (n: number): NodeSpec[] =>
  Array.from({ length: n }, (_, i) => ({ name: `node-${i + 1}`, cpu: '4', memory: '8Gi' }))

interface NodeLine {
  name: string
  filter: { passed: boolean; plugin?: string; reasons?: string[] }
  scores?: { plugin: string; raw: number; normalized: number; weight: number; weighted: number }[]
  totalScore?: number
}
interface Decision {
  apiVersion: string
  kind: string
  metadata: { name: string; namespace: string; uid: string }
  outcome: string
  nodeName?: string
  message?: string
  detail: string
  numAllNodes: number
  numNodesToFind: number
  evaluatedNodes: number
  feasibleNodes: number
  nodes?: NodeLine[]
  notEvaluated?: string[]
  postFilter?: { plugin: string; message: string }
}

describe('decisions API', () => {
  test('SCHED-19 a scheduled pod: every node with its filter result and its scores per plugin', () => {
    const h = harness({ nodes: nodes(3) })
    const pod = h.createPod(podWith('web', { cpu: '1' }))
    h.clock.advance(0)
    const res = h.get(`${base}/namespaces/default/schedulingdecisions/web`)
    expect(res.status).toBe(200)
    const d = res.body as Decision
    expect(d).toMatchObject({
      apiVersion: 'scheduling.kubeplay.dev/v1alpha1',
      kind: 'SchedulingDecision',
      metadata: { name: 'web', namespace: 'default', uid: pod.metadata?.uid },
      outcome: 'Scheduled',
      nodeName: h.placements(['web'])[0],
      detail: 'Full',
      numAllNodes: 3,
      evaluatedNodes: 3,
      feasibleNodes: 3,
    })
    expect(d.nodes?.map((n) => n.name).sort()).toEqual(['node-1', 'node-2', 'node-3'])
    for (const n of d.nodes ?? []) {
      expect(n.filter).toEqual({ passed: true })
      expect(n.scores?.map((s) => [s.plugin, s.weight])).toEqual([
        ['TaintToleration', 3],
        ['NodeResourcesFit', 1],
        ['NodeResourcesBalancedAllocation', 1],
      ])
      expect(n.totalScore).toBe(n.scores?.reduce((sum, s) => sum + s.weighted, 0))
    }
    const fit = d.nodes?.[0]?.scores?.find((s) => s.plugin === 'NodeResourcesFit')
    // LeastAllocated of 1 CPU and 200Mi (non-zero default memory) on 4 CPU, 8Gi: (75 + 97) / 2
    expect(fit).toMatchObject({ raw: 86, normalized: 86, weighted: 86 })
  })

  test('SCHED-19 an unschedulable pod: the reasons per node and the PostFilter message', () => {
    const h = harness({ nodes: nodes(2) })
    h.createPod(podWith('big', { cpu: '10' }))
    h.clock.advance(0)
    const d = h.get(`${base}/namespaces/default/schedulingdecisions/big`).body as Decision
    expect(d.outcome).toBe('Unschedulable')
    expect(d.message).toBe(
      '0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.',
    )
    expect(d.nodes?.map((n) => n.filter)).toEqual([
      {
        passed: false,
        plugin: 'NodeResourcesFit',
        code: 'Unschedulable',
        reasons: ['Insufficient cpu'],
      },
      {
        passed: false,
        plugin: 'NodeResourcesFit',
        code: 'Unschedulable',
        reasons: ['Insufficient cpu'],
      },
    ])
    expect(d.postFilter).toEqual({
      plugin: 'DefaultPreemption',
      message:
        'preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.',
      nominatedNodeName: '',
    })
  })

  test('SCHED-5 SCHED-19 percentageOfNodesToScore: visiting stops at enough feasible nodes, from where the last cycle stopped', () => {
    const h = harness({ nodes: nodes(200), options: { percentageOfNodesToScore: 10 } })
    h.createPod(podWith('a'))
    h.createPod(podWith('b'))
    h.clock.advance(0)
    const a = h.get(`${base}/namespaces/default/schedulingdecisions/a`).body as Decision
    const b = h.get(`${base}/namespaces/default/schedulingdecisions/b`).body as Decision
    expect(a).toMatchObject({
      numAllNodes: 200,
      numNodesToFind: 100,
      evaluatedNodes: 100,
      feasibleNodes: 100,
    })
    expect(a.notEvaluated).toHaveLength(100)
    expect(a.nodes?.[0]?.name).toBe('node-1')
    // b starts where a stopped: the first node a did not evaluate (node-tree order is the informer's list order).
    expect(b.nodes?.[0]?.name).toBe(a.notEvaluated?.[0])
    expect(new Set([...(a.nodes ?? []).map((n) => n.name), ...(a.notEvaluated ?? [])]).size).toBe(
      200,
    )
  })

  test('SCHED-19 list, all namespaces and one', () => {
    const h = harness({ nodes: nodes(1) })
    h.createPod(podWith('b'))
    h.createPod(podWith('a'))
    h.clock.advance(0)
    const all = h.get(`${base}/schedulingdecisions`).body as {
      kind: string
      apiVersion: string
      items: Decision[]
    }
    expect(all.kind).toBe('SchedulingDecisionList')
    expect(all.apiVersion).toBe('scheduling.kubeplay.dev/v1alpha1')
    expect(all.items.map((d) => d.metadata.name)).toEqual(['a', 'b'])
    expect(
      (h.get(`${base}/namespaces/default/schedulingdecisions`).body as { items: unknown[] }).items,
    ).toHaveLength(2)
    expect(
      (h.get(`${base}/namespaces/other/schedulingdecisions`).body as { items: unknown[] }).items,
    ).toHaveLength(0)
  })

  test.each([
    {
      name: 'an unknown decision',
      method: 'GET',
      path: `${base}/namespaces/default/schedulingdecisions/nope`,
      status: 404,
      message: 'schedulingdecisions.scheduling.kubeplay.dev "nope" not found',
    },
    {
      name: 'a write',
      method: 'DELETE',
      path: `${base}/namespaces/default/schedulingdecisions/web`,
      status: 405,
      message:
        'delete is not supported on resources of kind "schedulingdecisions.scheduling.kubeplay.dev"',
    },
    {
      name: 'a create',
      method: 'POST',
      path: `${base}/namespaces/default/schedulingdecisions`,
      status: 405,
      message:
        'create is not supported on resources of kind "schedulingdecisions.scheduling.kubeplay.dev"',
    },
    {
      name: 'another resource of the group',
      method: 'GET',
      path: `${base}/namespaces/default/whatever`,
      status: 404,
      message: 'the server could not find the requested resource',
    },
  ])('SCHED-19 $name', ({ method, path, status, message }) => {
    const h = harness({ nodes: nodes(1) })
    const res = h.server.handle({ method, path })
    expect(res.status).toBe(status)
    expect(res.body).toMatchObject({ kind: 'Status', status: 'Failure', code: status, message })
  })

  test('SCHED-19 discovery lists the group and its resource', () => {
    const h = harness()
    const list = h.get(base).body as {
      resources: { name: string; kind: string; verbs: string[]; namespaced: boolean }[]
    }
    expect(list.resources).toEqual([
      expect.objectContaining({
        name: 'schedulingdecisions',
        kind: 'SchedulingDecision',
        namespaced: true,
        verbs: ['get', 'list'],
      }),
    ])
  })

  test('SCHED-20 full detail only for recent decisions and pending pods; a deleted pod loses its decision', () => {
    const h = harness({ nodes: nodes(2), options: { decisionHistory: 3 } })
    h.createPod(podWith('stuck', { cpu: '10' }))
    for (let i = 0; i < 6; i++) h.createPod(podWith(`p${i}`))
    h.clock.advance(0)
    const detail = (name: string) =>
      (h.get(`${base}/namespaces/default/schedulingdecisions/${name}`).body as Decision).detail
    expect(['stuck', 'p0', 'p1', 'p2', 'p3', 'p4', 'p5'].map(detail)).toEqual([
      'Full',
      'Summary',
      'Summary',
      'Summary',
      'Full',
      'Full',
      'Full',
    ])
    const summary = h.get(`${base}/namespaces/default/schedulingdecisions/p0`).body as Decision
    expect(summary).toMatchObject({ outcome: 'Scheduled', evaluatedNodes: 2, feasibleNodes: 2 })
    expect(summary.nodes).toBeUndefined()
    h.client.delete('Pod', 'default', 'p0', { gracePeriodSeconds: 0 })
    expect(h.get(`${base}/namespaces/default/schedulingdecisions/p0`).status).toBe(404)
  })

  test('SCHED-19 stopping the scheduler removes its API', () => {
    const h = harness()
    h.scheduler.stop()
    expect(h.get(`${base}/schedulingdecisions`).status).toBe(404)
  })
})
