import { describe, expect, test } from 'vitest'
import { errorText, type FieldError } from '../field'
import type { KubeObject } from '../types'
import { edited, type Edit } from './testEdit'
import { validateService, validateServiceStatusUpdate, validateServiceUpdate } from './service'

const texts = (errs: FieldError[]): string[] => errs.map(errorText)
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T

const LABEL_VALUE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"

/** A ClusterIP Service after defaulting and IP allocation. */
const base: KubeObject = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web', namespace: 'default', uid: 'u1', resourceVersion: '7' },
  spec: {
    selector: { app: 'web' },
    ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 }],
    clusterIP: '10.96.0.10',
    clusterIPs: ['10.96.0.10'],
    ipFamilies: ['IPv4'],
    ipFamilyPolicy: 'SingleStack',
    type: 'ClusterIP',
    sessionAffinity: 'None',
    internalTrafficPolicy: 'Cluster',
  },
}
/** from with edits under spec (dotted paths). */
const specEdits = (from: KubeObject, ...edits: Edit[]): KubeObject =>
  edited(from, ...edits.map(([p, v]): Edit => [`spec.${p}`, v]))
const withSpec = (...edits: Edit[]): KubeObject => specEdits(base, ...edits)
const loadBalancer = withSpec(
  ['type', 'LoadBalancer'],
  ['externalTrafficPolicy', 'Cluster'],
  ['allocateLoadBalancerNodePorts', true],
  ['ports.0.nodePort', 31080],
)

const createRows: { name: string; obj: KubeObject; want: string[] }[] = [
  { name: 'a valid ClusterIP Service', obj: base, want: [] },
  { name: 'a valid LoadBalancer', obj: loadBalancer, want: [] },
  {
    name: 'a valid headless Service without ports',
    obj: withSpec(['clusterIP', 'None'], ['clusterIPs', ['None']], ['ports', []]),
    want: [],
  },
  {
    name: 'a valid ExternalName Service with a trailing dot',
    obj: {
      ...clone(base),
      spec: { type: 'ExternalName', externalName: 'db.example.com.', sessionAffinity: 'None' },
    },
    want: [],
  },
  {
    name: 'a name that is not a DNS-1035 label',
    obj: { ...clone(base), metadata: { name: '1web', namespace: 'default' } },
    want: [
      "metadata.name: Invalid value: \"1web\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
    ],
  },
  { name: 'no ports', obj: withSpec(['ports', []]), want: ['spec.ports: Required value'] },
  {
    name: 'two unnamed ports',
    obj: withSpec([
      'ports',
      [
        { port: 80, protocol: 'TCP', targetPort: 80 },
        { port: 443, protocol: 'TCP', targetPort: 443 },
      ],
    ]),
    want: ['spec.ports[0].name: Required value', 'spec.ports[1].name: Required value'],
  },
  {
    name: 'a repeated port name',
    obj: withSpec(['ports.1', { name: 'http', port: 81, protocol: 'TCP', targetPort: 81 }]),
    want: ['spec.ports[1].name: Duplicate value: "http"'],
  },
  {
    name: 'a repeated protocol and port',
    obj: withSpec(['ports.1', { name: 'alt', port: 80, protocol: 'TCP', targetPort: 81 }]),
    want: [
      'spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}',
    ],
  },
  {
    name: 'port 0',
    obj: withSpec(['ports.0.port', 0]),
    want: ['spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive'],
  },
  {
    name: 'an unknown protocol',
    obj: withSpec(['ports.0.protocol', 'HTTP']),
    want: [
      'spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
    ],
  },
  {
    name: 'a targetPort name in capitals',
    obj: withSpec(['ports.0.targetPort', 'HTTP_PORT']),
    want: [
      'spec.ports[0].targetPort: Invalid value: "HTTP_PORT": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      'spec.ports[0].targetPort: Invalid value: "HTTP_PORT": must contain at least one letter (a-z)',
    ],
  },
  {
    name: 'a named targetPort',
    obj: withSpec(['ports.0.targetPort', 'http-web']),
    want: [],
  },
  {
    name: 'a targetPort above 65535',
    obj: withSpec(['ports.0.targetPort', 70000]),
    want: [
      'spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
    ],
  },
  {
    name: 'a nodePort on a ClusterIP Service',
    obj: withSpec(['ports.0.nodePort', 30080]),
    want: ["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"],
  },
  {
    name: 'an unknown type',
    obj: withSpec(['type', 'Internal']),
    want: [
      'spec.type: Unsupported value: "Internal": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    ],
  },
  {
    name: 'a clusterIP that is not an IP',
    obj: withSpec(['clusterIP', '10.96.0.300'], ['clusterIPs', ['10.96.0.300']]),
    want: [
      'spec.clusterIPs[0]: Invalid value: "10.96.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
    ],
  },
  {
    name: 'clusterIP and clusterIPs out of sync',
    obj: withSpec(['clusterIP', '10.96.0.11']),
    want: [
      'spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: first value must match `clusterIP`',
    ],
  },
  {
    name: 'two IPv4 clusterIPs',
    obj: withSpec(['clusterIPs', ['10.96.0.10', '10.96.0.11']]),
    want: [
      'spec.clusterIPs: Invalid value: []string{"10.96.0.10", "10.96.0.11"}: may specify no more than one IP for each IP family',
    ],
  },
  {
    name: 'an IPv4 clusterIP with an IPv6 family',
    obj: withSpec(['ipFamilies', ['IPv6']]),
    want: [
      'spec.clusterIPs[0]: Invalid value: "10.96.0.10": expected an IPv6 value as indicated by `ipFamilies[0]`',
    ],
  },
  {
    name: 'a headless NodePort',
    obj: withSpec(
      ['type', 'NodePort'],
      ['externalTrafficPolicy', 'Cluster'],
      ['clusterIP', 'None'],
      ['clusterIPs', ['None']],
    ),
    want: [
      'spec.clusterIPs[0]: Invalid value: "None": may not be set to \'None\' for NodePort services',
    ],
  },
  {
    name: 'an ExternalName Service with clusterIPs',
    obj: {
      ...clone(base),
      spec: {
        type: 'ExternalName',
        externalName: 'db.example.com',
        sessionAffinity: 'None',
        clusterIPs: ['10.96.0.10'],
      },
    },
    want: ['spec.clusterIPs: Forbidden: may not be set for ExternalName services'],
  },
  {
    name: 'an ExternalName Service without a name',
    obj: { ...clone(base), spec: { type: 'ExternalName', sessionAffinity: 'None' } },
    want: ['spec.externalName: Required value'],
  },
  {
    name: 'an unknown sessionAffinity',
    obj: withSpec(['sessionAffinity', 'Sticky']),
    want: [
      'spec.sessionAffinity: Unsupported value: "Sticky": supported values: "ClientIP", "None"',
    ],
  },
  {
    name: 'ClientIP affinity without its config',
    obj: withSpec(['sessionAffinity', 'ClientIP']),
    want: ['spec.sessionAffinityConfig: Required value: when session affinity type is ClientIP'],
  },
  {
    name: 'ClientIP affinity with a zero timeout',
    obj: withSpec(
      ['sessionAffinity', 'ClientIP'],
      ['sessionAffinityConfig', { clientIP: { timeoutSeconds: 0 } }],
    ),
    want: [
      'spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 0: must be greater than 0 and less than 86400',
    ],
  },
  {
    name: 'None affinity with a config',
    obj: withSpec(['sessionAffinityConfig', { clientIP: { timeoutSeconds: 10 } }]),
    want: ['spec.sessionAffinityConfig: Forbidden: must not be set when session affinity is None'],
  },
  {
    name: 'a selector value that is not a label value',
    obj: withSpec(['selector', { app: 'web!' }]),
    want: [`spec.selector: Invalid value: "web!": ${LABEL_VALUE}`],
  },
  {
    name: 'a LoadBalancer without allocateLoadBalancerNodePorts (reported without "spec.")',
    obj: specEdits(loadBalancer, ['allocateLoadBalancerNodePorts', undefined]),
    want: ['allocateLoadBalancerNodePorts: Required value'],
  },
  {
    name: 'a LoadBalancer exposing the kubelet port',
    obj: specEdits(loadBalancer, ['ports.0.port', 10250]),
    want: [
      'spec.ports[0]: Invalid value: 10250: may not expose port 10250 externally since it is used by kubelet',
    ],
  },
  {
    name: 'externalTrafficPolicy on a ClusterIP Service',
    obj: withSpec(['externalTrafficPolicy', 'Local']),
    want: [
      'spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services',
    ],
  },
  {
    name: 'a NodePort without externalTrafficPolicy',
    obj: withSpec(['type', 'NodePort']),
    want: ['spec.externalTrafficPolicy: Required value'],
  },
  {
    name: 'a Local LoadBalancer without its health check port',
    obj: specEdits(loadBalancer, ['externalTrafficPolicy', 'Local']),
    want: ['spec.healthCheckNodePort: Required value'],
  },
  {
    name: 'a health check port on a Cluster LoadBalancer',
    obj: specEdits(loadBalancer, ['healthCheckNodePort', 32000]),
    want: [
      "spec.healthCheckNodePort: Invalid value: 32000: may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'",
    ],
  },
  {
    name: 'no internalTrafficPolicy',
    obj: withSpec(['internalTrafficPolicy', undefined]),
    want: ['spec.internalTrafficPolicy: Required value'],
  },
  {
    name: 'a loopback externalIP',
    obj: withSpec(['externalIPs', ['127.0.0.1']], ['externalTrafficPolicy', 'Cluster']),
    want: [
      'spec.externalIPs[0]: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
    ],
  },
  {
    name: 'source ranges on a ClusterIP Service, one not a CIDR',
    obj: withSpec(['loadBalancerSourceRanges', [' 10.0.0.0/8 ', 'x']]),
    want: [
      "spec.LoadBalancerSourceRanges: Forbidden: may only be used when `type` is 'LoadBalancer'",
      'spec.LoadBalancerSourceRanges[1]: Invalid value: "x": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
    ],
  },
  {
    name: 'a loadBalancerClass on a ClusterIP Service',
    obj: withSpec(['loadBalancerClass', 'example.com/lb']),
    want: ["spec.loadBalancerClass: Forbidden: may only be used when `type` is 'LoadBalancer'"],
  },
  {
    name: 'an unknown trafficDistribution',
    obj: withSpec(['trafficDistribution', 'Anywhere']),
    want: [
      'spec.trafficDistribution: Unsupported value: "Anywhere": supported values: "PreferClose"',
    ],
  },
]

describe('validateService', () => {
  test.each(createRows)('VALKINDS-9 VALKINDS-10 VALKINDS-11 $name', ({ obj, want }) => {
    expect(texts(validateService(obj))).toEqual(want)
  })

  test('VALKINDS-2 odd input never throws', () => {
    const odd = {
      ...clone(base),
      spec: { ports: 'many', clusterIPs: [1, 2], selector: 5 },
    } as KubeObject
    expect(() => validateService(odd)).not.toThrow()
  })
})

describe('validateServiceUpdate', () => {
  test.each([
    { name: 'no change', obj: base, old: base, want: [] as string[] },
    {
      name: 'a changed clusterIP',
      obj: withSpec(['clusterIP', '10.96.0.2'], ['clusterIPs', ['10.96.0.2']]),
      old: base,
      want: ['spec.clusterIPs[0]: Invalid value: []string{"10.96.0.2"}: may not change once set'],
    },
    {
      name: 'ClusterIP to NodePort keeps the IP',
      obj: withSpec(['type', 'NodePort'], ['externalTrafficPolicy', 'Cluster']),
      old: base,
      want: [],
    },
    {
      name: 'a changed ipFamily',
      obj: withSpec(['ipFamilies', ['IPv6']]),
      old: base,
      want: [
        'spec.ipFamilies[0]: Invalid value: []string{"IPv6"}: may not change once set',
        'spec.clusterIPs[0]: Invalid value: "10.96.0.10": expected an IPv6 value as indicated by `ipFamilies[0]`',
      ],
    },
    {
      name: 'an unset clusterIP',
      obj: withSpec(['clusterIP', ''], ['clusterIPs', []]),
      old: base,
      want: ['spec.clusterIPs[0]: Invalid value: []string{}: primary clusterIP can not be unset'],
    },
    {
      name: 'a changed loadBalancerClass',
      obj: specEdits(loadBalancer, ['loadBalancerClass', 'example.com/b']),
      old: specEdits(loadBalancer, ['loadBalancerClass', 'example.com/a']),
      want: ['spec.loadBalancerClass: Invalid value: "example.com/b": may not change once set'],
    },
    {
      name: 'a changed health check port',
      obj: specEdits(
        loadBalancer,
        ['externalTrafficPolicy', 'Local'],
        ['healthCheckNodePort', 32001],
      ),
      old: specEdits(
        loadBalancer,
        ['externalTrafficPolicy', 'Local'],
        ['healthCheckNodePort', 32000],
      ),
      want: ['spec.healthCheckNodePort: Forbidden: field is immutable'],
    },
  ])('VALKINDS-12 $name', ({ obj, old, want }) => {
    expect(texts(validateServiceUpdate(obj, old))).toEqual(want)
  })
})

describe('validateServiceStatusUpdate', () => {
  const withIngress = (svc: KubeObject, ingress: unknown[]): KubeObject => ({
    ...clone(svc),
    status: { loadBalancer: { ingress } },
  })
  test.each([
    {
      name: 'an ingress IP with ipMode',
      obj: withIngress(loadBalancer, [{ ip: '203.0.113.5', ipMode: 'VIP' }]),
      want: [] as string[],
    },
    {
      name: 'ingress on a ClusterIP Service',
      obj: withIngress(base, [{ ip: '203.0.113.5', ipMode: 'VIP' }]),
      want: [
        "status.loadBalancer.ingress: Forbidden: may only be used when `spec.type` is 'LoadBalancer'",
      ],
    },
    {
      name: 'an ingress IP without ipMode',
      obj: withIngress(loadBalancer, [{ ip: '203.0.113.5' }]),
      want: [
        'status.loadBalancer.ingress[0].ipMode: Required value: must be specified when `ip` is set',
      ],
    },
    {
      name: 'an ingress hostname that is an IP',
      obj: withIngress(loadBalancer, [{ hostname: '1.2.3.4' }]),
      want: [
        'status.loadBalancer.ingress[0].hostname: Invalid value: "1.2.3.4": must be a DNS name, not an IP address',
      ],
    },
  ])('VALKINDS-13 $name', ({ obj, want }) => {
    expect(texts(validateServiceStatusUpdate(obj, loadBalancer))).toEqual(want)
  })
})
