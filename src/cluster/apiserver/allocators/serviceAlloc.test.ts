import { describe, expect, test } from 'vitest'
import { errorText } from '../../api/field'
import type { KubeObject } from '../../api/types'
import { createRandom } from '../../random'
import { deepCopy } from '../../util/json'
import { prepareServiceForCreate, prepareServiceForUpdate, releaseService } from './serviceAlloc'
import { createServiceAllocators, type ServiceAllocators } from './serviceAllocators'

// Services as they reach allocation: already defaulted.
function svc(name: string, spec: Record<string, unknown>): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'default' },
    spec: {
      sessionAffinity: 'None',
      internalTrafficPolicy: 'Cluster',
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
      ...spec,
    },
  }
}

function fresh(): ServiceAllocators {
  const al = createServiceAllocators(createRandom(42))
  expect(al.reserveClusterIP('10.96.0.1')).toBeUndefined()
  return al
}

function specOf(o: KubeObject): Record<string, unknown> {
  return o.spec as Record<string, unknown>
}

interface CreateRow {
  name: string
  spec: Record<string, unknown>
  check(spec: Record<string, unknown>): void
}

const createRows: CreateRow[] = [
  {
    name: 'ClusterIP gets one IPv4 address and single-stack fields',
    spec: { type: 'ClusterIP' },
    check(s) {
      expect(s.clusterIP).toMatch(/^10\.(9[6-9]|10[0-9]|11[01])\./)
      expect(s.clusterIPs).toEqual([s.clusterIP])
      expect(s.ipFamilies).toEqual(['IPv4'])
      expect(s.ipFamilyPolicy).toBe('SingleStack')
    },
  },
  {
    name: 'a given clusterIP is reserved and copied to clusterIPs',
    spec: { type: 'ClusterIP', clusterIP: '10.96.0.10' },
    check(s) {
      expect(s.clusterIP).toBe('10.96.0.10')
      expect(s.clusterIPs).toEqual(['10.96.0.10'])
    },
  },
  {
    name: 'headless with selector: SingleStack IPv4, no IP',
    spec: { type: 'ClusterIP', clusterIP: 'None', selector: { app: 'db' } },
    check(s) {
      expect(s.clusterIPs).toEqual(['None'])
      expect(s.ipFamilies).toEqual(['IPv4'])
      expect(s.ipFamilyPolicy).toBe('SingleStack')
    },
  },
  {
    name: 'headless without selector: RequireDualStack with both families',
    spec: { type: 'ClusterIP', clusterIP: 'None' },
    check(s) {
      expect(s.ipFamilies).toEqual(['IPv4', 'IPv6'])
      expect(s.ipFamilyPolicy).toBe('RequireDualStack')
    },
  },
  {
    name: 'ExternalName gets nothing',
    spec: { type: 'ExternalName', externalName: 'example.com', ports: [] },
    check(s) {
      expect(s.clusterIP).toBeUndefined()
      expect(s.ipFamilies).toBeUndefined()
      expect(s.ipFamilyPolicy).toBeUndefined()
    },
  },
  {
    name: 'NodePort gets a node port per port, shared by equal port numbers',
    spec: {
      type: 'NodePort',
      externalTrafficPolicy: 'Cluster',
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'http', port: 80, protocol: 'TCP', targetPort: 80, nodePort: 30080 },
      ],
    },
    check(s) {
      const ps = s.ports as { nodePort: number }[]
      expect(ps[0]?.nodePort).toBeGreaterThanOrEqual(30086)
      expect(ps[1]?.nodePort).toBe(ps[0]?.nodePort)
      expect(ps[2]?.nodePort).toBe(30080)
    },
  },
  {
    name: 'LoadBalancer with Local traffic gets a health check node port',
    spec: {
      type: 'LoadBalancer',
      externalTrafficPolicy: 'Local',
      allocateLoadBalancerNodePorts: true,
    },
    check(s) {
      expect(typeof s.healthCheckNodePort).toBe('number')
      expect((s.ports as { nodePort: number }[])[0]?.nodePort).not.toBe(s.healthCheckNodePort)
    },
  },
  {
    name: 'LoadBalancer with allocateLoadBalancerNodePorts false gets none',
    spec: {
      type: 'LoadBalancer',
      externalTrafficPolicy: 'Cluster',
      allocateLoadBalancerNodePorts: false,
    },
    check(s) {
      expect((s.ports as { nodePort?: number }[])[0]?.nodePort).toBeUndefined()
    },
  },
]

interface ErrorRow {
  name: string
  setup(al: ServiceAllocators): void
  spec: Record<string, unknown>
  want: string
  code: number
}

const errorRows: ErrorRow[] = [
  {
    name: 'taken cluster IP',
    setup: () => {},
    spec: { type: 'ClusterIP', clusterIP: '10.96.0.1' },
    want: 'spec.clusterIPs: Invalid value: []string{"10.96.0.1"}: failed to allocate IP 10.96.0.1: provided IP is already allocated',
    code: 422,
  },
  {
    name: 'cluster IP out of range',
    setup: () => {},
    spec: { type: 'ClusterIP', clusterIP: '192.168.1.1' },
    want: 'spec.clusterIPs: Invalid value: []string{"192.168.1.1"}: failed to allocate IP 192.168.1.1: the provided IP (192.168.1.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
    code: 422,
  },
  {
    name: 'taken node port',
    setup: (al) => void al.reserveNodePort(30080),
    spec: {
      type: 'NodePort',
      externalTrafficPolicy: 'Cluster',
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80, nodePort: 30080 }],
    },
    want: 'spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated',
    code: 422,
  },
  {
    name: 'node port out of range',
    setup: () => {},
    spec: {
      type: 'NodePort',
      externalTrafficPolicy: 'Cluster',
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80, nodePort: 8080 }],
    },
    want: 'spec.ports[0].nodePort: Invalid value: 8080: provided port is not in the valid range. The range of valid ports is 30000-32767',
    code: 422,
  },
  {
    name: 'dual-stack demanded',
    setup: () => {},
    spec: { type: 'ClusterIP', ipFamilyPolicy: 'RequireDualStack' },
    want: 'spec.ipFamilyPolicy: Invalid value: "RequireDualStack": this cluster is not configured for dual-stack services',
    code: 422,
  },
  {
    name: 'IPv6 family',
    setup: () => {},
    spec: { type: 'ClusterIP', ipFamilies: ['IPv6'] },
    want: 'spec.ipFamilies[0]: Invalid value: "IPv6": not configured on this cluster',
    code: 422,
  },
  {
    name: 'IPv6 cluster IP',
    setup: () => {},
    spec: { type: 'ClusterIP', clusterIP: 'fd00::10' },
    want: 'spec.clusterIPs[0]: Invalid value: []string{"fd00::10"}: IPv6 is not configured on this cluster',
    code: 422,
  },
]

describe('prepareServiceForCreate', () => {
  test.each(createRows)('ALLOC-6 $name', ({ spec, check }) => {
    const al = fresh()
    const s = svc('web', spec)
    expect(prepareServiceForCreate(s, al)).toEqual([])
    check(specOf(s))
  })

  test.each(errorRows)('ALLOC-7 $name', ({ setup, spec, want, code }) => {
    const al = fresh()
    setup(al)
    const errs = prepareServiceForCreate(svc('web', spec), al)
    expect(errs.map(errorText)).toEqual([want])
    expect(errs.status?.code).toBe(code)
    expect(errs.status?.message).toBe(`Service "web" is invalid: ${want}`)
  })

  test('ALLOC-7 a failed create leaves nothing allocated', () => {
    const al = fresh()
    al.reserveNodePort(30081)
    const s = svc('web', {
      type: 'NodePort',
      externalTrafficPolicy: 'Cluster',
      clusterIP: '10.96.0.20',
      ports: [
        { port: 80, protocol: 'TCP', targetPort: 80, nodePort: 30080 },
        { port: 81, protocol: 'TCP', targetPort: 81, nodePort: 30081 },
      ],
    })
    expect(prepareServiceForCreate(s, al).map(errorText)).toEqual([
      'spec.ports[1].nodePort: Invalid value: 30081: provided port is already allocated',
    ])
    expect(al.reserveClusterIP('10.96.0.20')).toBeUndefined()
    expect(al.reserveNodePort(30080)).toBeUndefined()
  })

  test('ALLOC-5 a full node port range is a 500', () => {
    const al = createServiceAllocators(createRandom(1), { nodePortRange: { base: 30000, size: 2 } })
    const s = svc('web', {
      type: 'NodePort',
      externalTrafficPolicy: 'Cluster',
      ports: [1, 2, 3].map((port) => ({ port, protocol: 'TCP', targetPort: port })),
    })
    const errs = prepareServiceForCreate(s, al)
    expect(errs.status).toMatchObject({
      code: 500,
      message: 'Internal error occurred: failed to allocate a nodePort: range is full',
    })
    // The two ports taken before the failure were given back.
    expect(al.reserveNodePort(30000)).toBeUndefined()
    expect(al.reserveNodePort(30001)).toBeUndefined()
  })

  test('ALLOC-1 the same seed allocates the same cluster IPs to the same services', () => {
    const run = () => {
      const al = fresh()
      return ['a', 'b', 'c'].map((n) => {
        const s = svc(n, { type: 'NodePort', externalTrafficPolicy: 'Cluster' })
        prepareServiceForCreate(s, al)
        return [specOf(s).clusterIP, (specOf(s).ports as { nodePort: number }[])[0]?.nodePort]
      })
    }
    expect(run()).toEqual(run())
  })

  test('ALLOC-8 a dry run reserves nothing', () => {
    const al = fresh()
    const s = svc('web', {
      type: 'NodePort',
      externalTrafficPolicy: 'Cluster',
      clusterIP: '10.96.0.30',
    })
    expect(prepareServiceForCreate(s, al, { dryRun: true })).toEqual([])
    expect((specOf(s).ports as { nodePort: number }[])[0]?.nodePort).toBe(32769)
    expect(al.reserveClusterIP('10.96.0.30')).toBeUndefined()
    const auto = svc('auto', { type: 'ClusterIP' })
    prepareServiceForCreate(auto, al, { dryRun: true })
    expect(specOf(auto).clusterIP).toBe('10.96.0.0')
  })
})

describe('prepareServiceForUpdate and releaseService', () => {
  function created(al: ServiceAllocators, spec: Record<string, unknown>): KubeObject {
    const s = svc('web', spec)
    expect(prepareServiceForCreate(s, al)).toEqual([])
    return s
  }

  test('ALLOC-9 a resubmitted manifest keeps its cluster IP and node ports', () => {
    const al = fresh()
    const old = created(al, { type: 'NodePort', externalTrafficPolicy: 'Cluster' })
    const next = svc('web', { type: 'NodePort', externalTrafficPolicy: 'Cluster' })
    expect(prepareServiceForUpdate(next, old, al)).toEqual([])
    expect(specOf(next).clusterIP).toBe(specOf(old).clusterIP)
    expect(specOf(next).clusterIPs).toEqual(specOf(old).clusterIPs)
    expect(specOf(next).ports).toEqual(specOf(old).ports)
  })

  test('ALLOC-9 ClusterIP to NodePort allocates node ports', () => {
    const al = fresh()
    const old = created(al, { type: 'ClusterIP' })
    const next = deepCopy(old)
    specOf(next).type = 'NodePort'
    specOf(next).externalTrafficPolicy = 'Cluster'
    expect(prepareServiceForUpdate(next, old, al)).toEqual([])
    const np = (specOf(next).ports as { nodePort: number }[])[0]?.nodePort ?? 0
    expect(np).toBeGreaterThanOrEqual(30000)
    expect(al.reserveNodePort(np)).toBe('provided port is already allocated')
    expect(specOf(next).clusterIP).toBe(specOf(old).clusterIP)
  })

  test('ALLOC-9 NodePort to ClusterIP releases node ports and wipes them', () => {
    const al = fresh()
    const old = created(al, { type: 'NodePort', externalTrafficPolicy: 'Cluster' })
    const np = (specOf(old).ports as { nodePort: number }[])[0]?.nodePort ?? 0
    const next = deepCopy(old)
    specOf(next).type = 'ClusterIP'
    expect(prepareServiceForUpdate(next, old, al)).toEqual([])
    expect((specOf(next).ports as { nodePort?: number }[])[0]?.nodePort).toBeUndefined()
    expect(specOf(next).externalTrafficPolicy).toBeUndefined()
    expect(al.reserveNodePort(np)).toBeUndefined()
  })

  test('ALLOC-9 ClusterIP to ExternalName releases the cluster IP', () => {
    const al = fresh()
    const old = created(al, { type: 'ClusterIP', clusterIP: '10.96.0.40' })
    const next = deepCopy(old)
    Object.assign(specOf(next), { type: 'ExternalName', externalName: 'example.com' })
    expect(prepareServiceForUpdate(next, old, al)).toEqual([])
    expect(specOf(next).clusterIP).toBeUndefined()
    expect(specOf(next).ipFamilies).toBeUndefined()
    expect(al.reserveClusterIP('10.96.0.40')).toBeUndefined()
  })

  test('ALLOC-9 a failed update keeps the old node ports', () => {
    const al = fresh()
    const old = created(al, {
      type: 'NodePort',
      externalTrafficPolicy: 'Cluster',
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80, nodePort: 30100 }],
    })
    al.reserveNodePort(30200)
    const next = deepCopy(old)
    specOf(next).ports = [{ port: 80, protocol: 'TCP', targetPort: 80, nodePort: 30200 }]
    expect(prepareServiceForUpdate(next, old, al).map(errorText)).toEqual([
      'spec.ports[0].nodePort: Invalid value: 30200: provided port is already allocated',
    ])
    expect(al.reserveNodePort(30100)).toBe('provided port is already allocated')
  })

  test('ALLOC-10 releaseService frees IPs, node ports and the health check port', () => {
    const al = fresh()
    const s = created(al, {
      type: 'LoadBalancer',
      externalTrafficPolicy: 'Local',
      allocateLoadBalancerNodePorts: true,
    })
    releaseService(s, al)
    const spec = specOf(s)
    expect(al.reserveClusterIP(spec.clusterIP as string)).toBeUndefined()
    expect(
      al.reserveNodePort((spec.ports as { nodePort: number }[])[0]?.nodePort ?? 0),
    ).toBeUndefined()
    expect(al.reserveNodePort(spec.healthCheckNodePort as number)).toBeUndefined()
  })
})
