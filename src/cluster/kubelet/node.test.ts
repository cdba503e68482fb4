import { describe, expect, test } from 'vitest'
import { startKubelet } from './kubelet'
import type { LeaseObject } from './nodeLease'
import { heartbeatOffset } from './nodeStatus'
import { kubeletHarness, nodes, podManifest, type KubeletHarness } from './testKit'

interface NodeView {
  metadata: { labels: Record<string, string>; annotations: Record<string, string> }
  spec: Record<string, unknown>
  status: {
    conditions: {
      type: string
      status: string
      lastHeartbeatTime: string
      lastTransitionTime: string
    }[]
    nodeInfo: { bootID: string }
  } & Record<string, unknown>
}

function node(h: KubeletHarness, name = 'node-1'): NodeView {
  return h.server.handle({ method: 'GET', path: `/api/v1/nodes/${name}` }).body as NodeView
}

const heartbeat = (h: KubeletHarness, name = 'node-1'): string =>
  node(h, name).status.conditions.find((c) => c.type === 'Ready')?.lastHeartbeatTime ?? ''

function lease(h: KubeletHarness, name = 'node-1'): LeaseObject | undefined {
  const res = h.server.handle({
    method: 'GET',
    path: `/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/${name}`,
  })
  return res.status === 200 ? (res.body as LeaseObject) : undefined
}

const renewTime = (h: KubeletHarness, name = 'node-1'): string =>
  lease(h, name)?.spec?.renewTime ?? ''

/** The virtual seconds at which each object of a collection was modified, by name. */
function modifications(h: KubeletHarness, path: string): Record<string, number[]> {
  const seen: Record<string, number[]> = {}
  h.server.watch({ method: 'GET', path }, (e) => {
    if (e.type !== 'MODIFIED') return
    const name = (e.object as { metadata: { name: string } }).metadata.name
    ;(seen[name] ??= []).push(h.seconds())
  })
  return seen
}

const leases = '/apis/coordination.k8s.io/v1/leases'

describe('node registration (KUBELET-1)', () => {
  test('KUBELET-1 the Node the kubelet registers, as a kubelet registers it', () => {
    const h = kubeletHarness({
      nodes: [
        {
          name: 'node-1',
          cpu: '4',
          memory: '8Gi',
          index: 0,
          labels: { zone: 'a' },
          taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }],
        },
      ],
    })
    const n = node(h)
    expect(n.metadata.labels).toEqual({
      'beta.kubernetes.io/arch': 'amd64',
      'beta.kubernetes.io/os': 'linux',
      'kubernetes.io/arch': 'amd64',
      'kubernetes.io/hostname': 'node-1',
      'kubernetes.io/os': 'linux',
      zone: 'a',
    })
    expect(n.metadata.annotations).toEqual({
      'node.alpha.kubernetes.io/ttl': '0',
      'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
    })
    expect(n.spec).toEqual({
      podCIDR: '10.64.0.0/24',
      podCIDRs: ['10.64.0.0/24'],
      taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }],
    })
    expect(n.status).toMatchObject({
      capacity: { cpu: '4', memory: '8Gi', pods: '110', 'ephemeral-storage': '100Gi' },
      allocatable: { cpu: '4', memory: '8Gi', pods: '110', 'ephemeral-storage': '100Gi' },
      addresses: [
        { type: 'InternalIP', address: '172.18.0.10' },
        { type: 'Hostname', address: 'node-1' },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        kernelVersion: '6.1.0-kubeplay',
        kubeletVersion: 'v1.30.0',
        containerRuntimeVersion: 'containerd://1.7.15',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
    })
    expect(n.status.conditions.map((c) => [c.type, c.status])).toEqual([
      ['MemoryPressure', 'False'],
      ['DiskPressure', 'False'],
      ['PIDPressure', 'False'],
      ['Ready', 'True'],
    ])
  })

  test('KUBELET-1 the events a starting kubelet records', () => {
    const h = kubeletHarness()
    expect(h.events('node-1').map((e) => [e.object, e.reason, e.message])).toEqual([
      ['Node/node-1', 'Starting', 'Starting kubelet.'],
      [
        'Node/node-1',
        'NodeHasSufficientMemory',
        'Node node-1 status is now: NodeHasSufficientMemory',
      ],
      ['Node/node-1', 'NodeHasNoDiskPressure', 'Node node-1 status is now: NodeHasNoDiskPressure'],
      ['Node/node-1', 'NodeHasSufficientPID', 'Node node-1 status is now: NodeHasSufficientPID'],
      ['Node/node-1', 'NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods'],
      ['Node/node-1', 'NodeReady', 'Node node-1 status is now: NodeReady'],
    ])
    expect(kubeletHarness({ kubelet: { nodeEvents: false } }).events('node-1')).toEqual([])
  })

  test('KUBELET-1 the i-th node gets the i-th pod CIDR and address', () => {
    const h = kubeletHarness({ nodes: nodes(3) })
    expect(
      [1, 2, 3].map((i) => [
        node(h, `node-${i}`).spec.podCIDR,
        (node(h, `node-${i}`).status.addresses as { address: string }[])[0]?.address,
      ]),
    ).toEqual([
      ['10.64.0.0/24', '172.18.0.10'],
      ['10.64.1.0/24', '172.18.0.11'],
      ['10.64.2.0/24', '172.18.0.12'],
    ])
  })
})

describe('heartbeats: the node lease (KUBELET-1)', () => {
  test('KUBELET-1 the Lease a kubelet creates at start: named after the node, owned by its Node', () => {
    const h = kubeletHarness()
    const uid = (node(h) as unknown as { metadata: { uid: string } }).metadata.uid
    expect(lease(h)).toMatchObject({
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: {
        name: 'node-1',
        namespace: 'kube-node-lease',
        ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: 'node-1', uid }],
      },
      spec: {
        holderIdentity: 'node-1',
        leaseDurationSeconds: 40,
        renewTime: '2026-01-01T00:00:00.000000Z',
      },
    })
    expect(h.errors).toEqual([])
  })

  test('KUBELET-1 renewed every 10 s (one PUT each), in a slot spread by node index', () => {
    const h = kubeletHarness({ nodes: nodes(4) })
    const renewals = modifications(h, leases)
    h.until(30)
    expect(heartbeatOffset(3)).toBe(3711)
    expect(renewals).toEqual({
      'node-1': [10, 20, 30],
      'node-2': [1.237, 11.237, 21.237],
      'node-3': [2.474, 12.474, 22.474],
      'node-4': [3.711, 13.711, 23.711],
    })
    expect(renewTime(h)).toBe('2026-01-01T00:00:30.000000Z')
    expect(renewTime(h, 'node-2')).toBe('2026-01-01T00:00:21.237000Z')
    expect(lease(h)?.spec).toEqual({
      holderIdentity: 'node-1',
      leaseDurationSeconds: 40,
      renewTime: '2026-01-01T00:00:30.000000Z',
    })
  })

  const existing = [
    { name: 'a lease left without owner', owner: undefined },
    { name: 'a lease owned by an earlier Node of the same name', owner: 'gone-uid' },
  ]
  test.each(existing)('KUBELET-1 $name is taken over, not recreated', ({ owner }) => {
    const h = kubeletHarness({ nodes: [] })
    const res = h.server.handle({
      method: 'POST',
      path: '/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases',
      body: {
        apiVersion: 'coordination.k8s.io/v1',
        kind: 'Lease',
        metadata: {
          name: 'node-1',
          ...(owner
            ? { ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: 'node-1', uid: owner }] }
            : {}),
        },
        spec: { holderIdentity: 'node-1', leaseDurationSeconds: 40 },
      },
    })
    expect(res.status).toBe(201)
    const before = res.body as LeaseObject
    h.advance(5_000)
    h.kubelets.push(...nodes(1).map((n) => startKubelet(h.ctx, n)))
    const uid = (node(h) as unknown as { metadata: { uid: string } }).metadata.uid
    const after = lease(h)
    expect(after?.metadata.uid).toBe(before.metadata.uid)
    expect(after?.metadata.ownerReferences).toEqual([
      { apiVersion: 'v1', kind: 'Node', name: 'node-1', uid },
    ])
    expect(after?.spec?.renewTime).toBe('2026-01-01T00:00:05.000000Z')
    expect(h.errors).toEqual([])
  })
})

describe('node status (KUBELET-1)', () => {
  test('KUBELET-1 checked every 10 s but posted only every 5 min while nothing changes', () => {
    const h = kubeletHarness({ nodes: nodes(2) })
    const posts = modifications(h, '/api/v1/nodes')
    h.until(660)
    expect(posts).toEqual({ 'node-1': [300, 600], 'node-2': [301.237, 601.237] })
    const ready = node(h).status.conditions.find((c) => c.type === 'Ready')
    expect(ready).toMatchObject({
      lastHeartbeatTime: '2026-01-01T00:10:00Z',
      lastTransitionTime: '2026-01-01T00:00:00Z',
      reason: 'KubeletReady',
      message: 'kubelet is posting ready status',
    })
  })

  test('KUBELET-1 a status someone else changed is posted again at the next check', () => {
    const h = kubeletHarness()
    h.until(15)
    // As the node lifecycle controller marks a silent node: Ready Unknown.
    const n = node(h)
    const conditions = n.status.conditions.map((c) =>
      c.type === 'Ready'
        ? { ...c, status: 'Unknown', lastTransitionTime: '2026-01-01T00:00:15Z' }
        : c,
    )
    const put = h.server.handle({
      method: 'PUT',
      path: '/api/v1/nodes/node-1/status',
      body: { ...n, status: { ...n.status, conditions } },
    })
    expect(put.status).toBe(200)
    const posts = modifications(h, '/api/v1/nodes')
    h.until(60)
    expect(posts).toEqual({ 'node-1': [20] })
    expect(node(h).status.conditions.find((c) => c.type === 'Ready')).toMatchObject({
      status: 'True',
      lastHeartbeatTime: '2026-01-01T00:00:20Z',
      lastTransitionTime: '2026-01-01T00:00:20Z',
    })
  })

  test('KUBELET-1 a status post keeps what others put on the Node (labels, taints)', () => {
    const h = kubeletHarness()
    h.server.handle({
      method: 'PATCH',
      path: '/api/v1/nodes/node-1',
      headers: { 'Content-Type': 'application/merge-patch+json' },
      body: { metadata: { labels: { disk: 'ssd' } }, spec: { unschedulable: true } },
    })
    h.until(300)
    expect(heartbeat(h)).toBe('2026-01-01T00:05:00Z')
    expect(node(h).metadata.labels.disk).toBe('ssd')
    expect(node(h).spec.unschedulable).toBe(true)
  })
})

describe('a failed machine (KUBELET-14)', () => {
  test('KUBELET-14 fail(): no lease renewals, no node or pod status, no probes, no restarts', () => {
    const h = kubeletHarness()
    const name = h.run(
      podManifest('web', {
        image: 'busybox:1.36',
        command: ['sh', '-c', 'sleep 15; exit 1'],
        readinessProbe: { exec: { command: ['true'] }, periodSeconds: 5 },
      }),
    )
    h.until(12)
    const before = {
      pod: JSON.stringify(h.pod(name)),
      events: h.events().length,
      node: JSON.stringify(node(h)),
    }
    expect(renewTime(h)).toBe('2026-01-01T00:00:10.000000Z')
    h.kubelets[0]?.fail()
    expect(h.kubelets[0]?.failed()).toBe(true)
    h.until(400)
    expect(JSON.stringify(h.pod(name))).toBe(before.pod)
    expect(h.events().length).toBe(before.events)
    expect(renewTime(h)).toBe('2026-01-01T00:00:10.000000Z')
    expect(JSON.stringify(node(h))).toBe(before.node)
    expect(h.kubelets[0]?.usage()).toEqual({ cpuMillis: 0, memoryBytes: 0, pods: [] })
  })

  test('KUBELET-14 restore(): the node reboots, re-registers, and restarts its pods (exit 255, Unknown)', () => {
    const h = kubeletHarness()
    const web = h.run(podManifest('web', { image: 'nginx:1.25' }))
    const gone = h.run(podManifest('gone', { image: 'nginx:1.25' }))
    const leaving = h.run(podManifest('leaving', { image: 'nginx:1.25' }))
    h.until(10)
    const ip = h.pod(web)?.status?.podIP
    h.kubelets[0]?.fail()
    h.until(100)
    // While the machine is down: one pod is force-deleted, one deleted gracefully (it stays Terminating).
    h.server.handle({
      method: 'DELETE',
      path: `/api/v1/namespaces/default/pods/${gone}`,
      query: { gracePeriodSeconds: '0' },
    })
    h.server.handle({ method: 'DELETE', path: `/api/v1/namespaces/default/pods/${leaving}` })
    h.until(200)
    expect(h.pod(leaving)?.metadata.deletionTimestamp).toBeDefined()
    expect(renewTime(h)).toBe('2026-01-01T00:00:10.000000Z')
    h.kubelets[0]?.restore()
    // A restarted kubelet renews its lease and posts its status at once.
    expect(renewTime(h)).toBe('2026-01-01T00:03:20.000000Z')
    expect(heartbeat(h)).toBe('2026-01-01T00:03:20Z')
    const bootID = node(h).status.nodeInfo.bootID
    expect(bootID).toMatch(/^[0-9a-f-]{36}$/)
    // Repeats of the start-up events are counted on the first ones, as the event recorder does.
    expect(h.events('node-1').map((e) => [e.reason, e.message, e.count, e.lastTimestamp])).toEqual([
      ['Starting', 'Starting kubelet.', 2, '2026-01-01T00:03:20Z'],
      [
        'NodeHasSufficientMemory',
        'Node node-1 status is now: NodeHasSufficientMemory',
        2,
        '2026-01-01T00:03:20Z',
      ],
      [
        'NodeHasNoDiskPressure',
        'Node node-1 status is now: NodeHasNoDiskPressure',
        2,
        '2026-01-01T00:03:20Z',
      ],
      [
        'NodeHasSufficientPID',
        'Node node-1 status is now: NodeHasSufficientPID',
        2,
        '2026-01-01T00:03:20Z',
      ],
      [
        'NodeAllocatableEnforced',
        'Updated Node Allocatable limit across pods',
        2,
        '2026-01-01T00:03:20Z',
      ],
      ['NodeReady', 'Node node-1 status is now: NodeReady', 2, '2026-01-01T00:03:20Z'],
      ['Rebooted', `Node node-1 has been rebooted, boot id: ${bootID}`, 1, '2026-01-01T00:03:20Z'],
    ])
    h.until(205)
    expect(h.container(web)).toMatchObject({
      restartCount: 1,
      state: { running: { startedAt: '2026-01-01T00:03:20Z' } },
      lastState: {
        terminated: { exitCode: 255, reason: 'Unknown', finishedAt: '2026-01-01T00:00:10Z' },
      },
    })
    expect(h.pod(web)?.status?.podIP).toBe(ip)
    expect(h.pod(leaving)).toBeUndefined()
    expect(h.kubelets[0]?.readLogs('default', gone, 'gone')).toEqual({
      ok: false,
      message: 'pods "gone" not found',
    })
    h.until(230)
    expect(renewTime(h)).toBe('2026-01-01T00:03:50.000000Z')
    expect(heartbeat(h)).toBe('2026-01-01T00:03:20Z')
    expect(h.errors).toEqual([])
  })

  test('KUBELET-14 stop(): the kubelet is gone for good', () => {
    const h = kubeletHarness()
    h.until(10)
    h.kubelets[0]?.stop()
    h.until(400)
    expect(renewTime(h)).toBe('2026-01-01T00:00:10.000000Z')
    expect(heartbeat(h)).toBe('2026-01-01T00:00:00Z')
    h.kubelets[0]?.restore()
    h.until(420)
    expect(renewTime(h)).toBe('2026-01-01T00:00:10.000000Z')
    expect(heartbeat(h)).toBe('2026-01-01T00:00:00Z')
  })
})

describe('usage (KUBELET-15)', () => {
  test("KUBELET-15 the running containers' CPU and memory, per pod and summed", () => {
    const h = kubeletHarness()
    h.run(podManifest('web', { image: 'nginx:1.25' }))
    h.run(podManifest('api', { image: 'kubeplay/demo-api:v1' }))
    h.until(30)
    expect(h.kubelets[0]?.usage()).toEqual({
      cpuMillis: 2,
      memoryBytes: 6 * 1024 * 1024 + 45 * 1024 * 1024,
      pods: [
        {
          namespace: 'default',
          name: 'web',
          containers: [{ name: 'web', cpuMillis: 0, memoryBytes: 6 * 1024 * 1024 }],
        },
        {
          namespace: 'default',
          name: 'api',
          containers: [{ name: 'api', cpuMillis: 2, memoryBytes: 45 * 1024 * 1024 }],
        },
      ],
    })
  })
})
