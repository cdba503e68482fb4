import { describe, expect, it, test } from 'vitest'
import type { Pod } from 'kubernetes-types/core/v1'
import { aggregateText, errorText } from '../field'
import { defaultPod } from '../defaults/pod'
import {
  updatablePodSpecFields,
  validatePod,
  validatePodStatusUpdate,
  validatePodUpdate,
} from './pod'

type Obj = Record<string, unknown>
type Mutate = (pod: Obj, spec: Obj, ctr: Obj) => void

// A Pod as the API server holds it after defaulting and ServiceAccount admission.
function basePod(): Obj {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'web',
      namespace: 'default',
      uid: 'u-1',
      resourceVersion: '7',
      labels: { app: 'web' },
    },
    spec: {
      containers: [
        {
          name: 'nginx',
          image: 'nginx:1.27',
          ports: [{ name: 'http', containerPort: 80, protocol: 'TCP' }],
          env: [
            { name: 'MODE', value: 'prod' },
            {
              name: 'POD_NAME',
              valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } },
            },
          ],
          resources: {
            requests: { cpu: '100m', memory: '64Mi' },
            limits: { cpu: '500m', memory: '128Mi' },
          },
          livenessProbe: {
            httpGet: { path: '/healthz', port: 80, scheme: 'HTTP' },
            timeoutSeconds: 1,
            periodSeconds: 10,
            successThreshold: 1,
            failureThreshold: 3,
          },
          readinessProbe: {
            tcpSocket: { port: 'http' },
            timeoutSeconds: 1,
            periodSeconds: 10,
            successThreshold: 1,
            failureThreshold: 3,
          },
          volumeMounts: [
            { name: 'data', mountPath: '/data' },
            {
              name: 'kube-api-access-x7k2p',
              mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
              readOnly: true,
            },
          ],
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          imagePullPolicy: 'IfNotPresent',
        },
      ],
      volumes: [
        { name: 'data', emptyDir: {} },
        {
          name: 'kube-api-access-x7k2p',
          projected: {
            defaultMode: 420,
            sources: [
              { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
              {
                configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] },
              },
              {
                downwardAPI: {
                  items: [
                    {
                      path: 'namespace',
                      fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' },
                    },
                  ],
                },
              },
            ],
          },
        },
      ],
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      serviceAccountName: 'default',
      serviceAccount: 'default',
      securityContext: {},
      schedulerName: 'default-scheduler',
      tolerations: [
        {
          key: 'node.kubernetes.io/not-ready',
          operator: 'Exists',
          effect: 'NoExecute',
          tolerationSeconds: 300,
        },
        {
          key: 'node.kubernetes.io/unreachable',
          operator: 'Exists',
          effect: 'NoExecute',
          tolerationSeconds: 300,
        },
      ],
      priority: 0,
      enableServiceLinks: true,
      preemptionPolicy: 'PreemptLowerPriority',
    },
  }
}

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T
const asObj = (v: unknown): Obj => v as Obj
function podWith(mutate: Mutate): Obj {
  const pod = basePod()
  const spec = asObj(pod.spec)
  mutate(pod, spec, asObj((spec.containers as unknown[])[0]))
  return pod
}
const createErrors = (pod: Obj): string[] => validatePod(pod as Pod).map(errorText)

const subdomainMsg =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
const labelMsg =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
const labelValueMsg =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"
const namePartMsg =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
const forbiddenUpdate =
  'spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)'

describe('validatePod: a full defaulted Pod', () => {
  it('VALPOD-1 a defaulted Pod after ServiceAccount admission is valid', () => {
    expect(createErrors(basePod())).toEqual([])
  })
  it('VALPOD-1 a minimal Pod run through the defaulting module is valid', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'busybox', namespace: 'default' },
      spec: {
        containers: [
          {
            name: 'busybox',
            image: 'busybox',
            command: ['sleep', '3600'],
            ports: [{ containerPort: 8080 }],
          },
        ],
      },
    }
    defaultPod(pod)
    expect(createErrors(pod)).toEqual([])
  })
})

interface Row {
  name: string
  mutate: Mutate
  want: string[]
}

const podLevelRows: Row[] = [
  {
    name: 'no containers',
    mutate: (_p, s) => (s.containers = []),
    want: ['spec.containers: Required value'],
  },
  {
    name: 'name or generateName required',
    mutate: (p) => (asObj(p.metadata).name = ''),
    want: ['metadata.name: Required value: name or generateName is required'],
  },
  {
    name: 'namespace required',
    mutate: (p) => delete asObj(p.metadata).namespace,
    want: ['metadata.namespace: Required value'],
  },
  {
    name: 'pod name not a DNS subdomain',
    mutate: (p) => (asObj(p.metadata).name = 'Web_1'),
    want: [`metadata.name: Invalid value: "Web_1": ${subdomainMsg}`],
  },
  {
    name: 'bad restart policy',
    mutate: (_p, s) => (s.restartPolicy = 'Sometimes'),
    want: [
      'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    ],
  },
  {
    name: 'restart policy missing',
    mutate: (_p, s) => delete s.restartPolicy,
    want: ['spec.restartPolicy: Required value'],
  },
  {
    name: 'bad dns policy',
    mutate: (_p, s) => (s.dnsPolicy = 'Cluster'),
    want: [
      'spec.dnsPolicy: Unsupported value: "Cluster": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"',
    ],
  },
  {
    name: 'dnsPolicy None without dnsConfig',
    mutate: (_p, s) => (s.dnsPolicy = 'None'),
    want: ['spec.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None'],
  },
  {
    name: 'dnsPolicy None without nameservers',
    mutate: (_p, s) => {
      s.dnsPolicy = 'None'
      s.dnsConfig = { searches: ['svc.cluster.local'] }
    },
    want: [
      'spec.dnsConfig.nameservers: Required value: must provide at least one DNS nameserver when `dnsPolicy` is None',
    ],
  },
  {
    name: 'dnsConfig bad nameserver and search',
    mutate: (_p, s) =>
      (s.dnsConfig = {
        nameservers: ['1.2.3'],
        searches: ['Bad_Domain.'],
        options: [{ value: '2' }],
      }),
    want: [
      'spec.dnsConfig.nameservers[0]: Invalid value: "1.2.3": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      `spec.dnsConfig.searches[0]: Invalid value: "Bad_Domain": ${subdomainMsg}`,
      'spec.dnsConfig.options[0]: Required value: must not be empty',
    ],
  },
  {
    name: 'terminationGracePeriodSeconds missing',
    mutate: (_p, s) => delete s.terminationGracePeriodSeconds,
    want: ['spec.terminationGracePeriodSeconds: Required value'],
  },
  {
    name: 'activeDeadlineSeconds zero',
    mutate: (_p, s) => (s.activeDeadlineSeconds = 0),
    want: [
      'spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive',
    ],
  },
  {
    name: 'nodeSelector value invalid',
    mutate: (_p, s) => (s.nodeSelector = { disk: 'ssd!' }),
    want: [`spec.nodeSelector: Invalid value: "ssd!": ${labelValueMsg}`],
  },
  {
    name: 'serviceAccountName invalid',
    mutate: (_p, s) => (s.serviceAccountName = 'Default_SA'),
    want: [`spec.serviceAccountName: Invalid value: "Default_SA": ${subdomainMsg}`],
  },
  {
    name: 'nodeName invalid',
    mutate: (_p, s) => (s.nodeName = 'Node_1'),
    want: [`spec.nodeName: Invalid value: "Node_1": ${subdomainMsg}`],
  },
  {
    name: 'hostname with dots',
    mutate: (_p, s) => (s.hostname = 'my.host'),
    want: ['spec.hostname: Invalid value: "my.host": must not contain dots'],
  },
  {
    name: 'subdomain uppercase',
    mutate: (_p, s) => (s.subdomain = 'Web'),
    want: [`spec.subdomain: Invalid value: "Web": ${labelMsg}`],
  },
  {
    name: 'priorityClassName invalid',
    mutate: (_p, s) => (s.priorityClassName = 'High'),
    want: [`spec.priorityClassName: Invalid value: "High": ${subdomainMsg}`],
  },
  {
    name: 'runtimeClassName empty',
    mutate: (_p, s) => (s.runtimeClassName = ''),
    want: [`spec.runtimeClassName: Invalid value: "": ${subdomainMsg}`],
  },
  {
    name: 'preemptionPolicy unknown',
    mutate: (_p, s) => (s.preemptionPolicy = 'Sometimes'),
    want: [
      'spec.preemptionPolicy: Unsupported value: "Sometimes": supported values: "PreemptLowerPriority", "Never"',
    ],
  },
  {
    name: 'os name unknown',
    mutate: (_p, s) => (s.os = { name: 'mac' }),
    want: ['spec.os: Unsupported value: "mac": supported values: "linux", "windows"'],
  },
  {
    name: 'os name empty',
    mutate: (_p, s) => (s.os = {}),
    want: ['spec.os.name: Required value: cannot be empty'],
  },
  {
    name: 'readiness gate condition type',
    mutate: (_p, s) => (s.readinessGates = [{ conditionType: 'my gate' }]),
    want: [`spec.readinessGates[0].conditionType: Invalid value: "my gate": ${namePartMsg}`],
  },
  {
    name: 'duplicate scheduling gates',
    mutate: (_p, s) =>
      (s.schedulingGates = [{ name: 'example.com/gate' }, { name: 'example.com/gate' }]),
    want: ['spec.schedulingGates[1]: Duplicate value: "example.com/gate"'],
  },
  {
    name: 'hostAliases bad ip and hostname',
    mutate: (_p, s) => (s.hostAliases = [{ ip: '10.0.0', hostnames: ['Foo'] }]),
    want: [
      'spec.hostAliases[0].ip: Invalid value: "10.0.0": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      `spec.hostAliases[0].hostnames[0]: Invalid value: "Foo": ${subdomainMsg}`,
    ],
  },
  {
    name: 'pod security context ids out of range',
    mutate: (_p, s) =>
      (s.securityContext = { runAsUser: -1, fsGroup: 4294967296, supplementalGroups: [-2] }),
    want: [
      'spec.securityContext.fsGroup: Invalid value: 4294967296: must be between 0 and 4294967295, inclusive',
      'spec.securityContext.runAsUser: Invalid value: -1: must be between 0 and 4294967295, inclusive',
      'spec.securityContext.supplementalGroups[0]: Invalid value: -2: must be between 0 and 4294967295, inclusive',
    ],
  },
  {
    name: 'fsGroupChangePolicy and seccomp type',
    mutate: (_p, s) =>
      (s.securityContext = { fsGroupChangePolicy: 'Never', seccompProfile: { type: 'Strict' } }),
    want: [
      'spec.securityContext.fsGroupChangePolicy: Unsupported value: "Never": supported values: "Always", "OnRootMismatch"',
      'spec.securityContext.seccompProfile.type: Unsupported value: "Strict": supported values: "Localhost", "RuntimeDefault", "Unconfined"',
    ],
  },
  {
    name: 'shareProcessNamespace with hostPID',
    mutate: (_p, s) => {
      s.shareProcessNamespace = true
      s.hostPID = true
    },
    want: [
      'spec.securityContext.shareProcessNamespace: Invalid value: true: ShareProcessNamespace and HostPID cannot both be enabled',
    ],
  },
  {
    name: 'hostUsers false with host namespaces',
    mutate: (_p, s, c) => {
      s.hostUsers = false
      s.hostNetwork = true
      s.hostPID = true
      asObj((c.ports as unknown[])[0]).hostPort = 80
    },
    want: [
      'spec.hostNetwork: Forbidden: when `pod.Spec.HostUsers` is false',
      'spec.HostPID: Forbidden: when `pod.Spec.HostUsers` is false',
    ],
  },
  {
    name: 'hostNetwork pod with hostPort unset',
    mutate: (_p, s) => (s.hostNetwork = true),
    want: [
      'spec.containers[0].ports[0].hostPort: Invalid value: 0: must match `containerPort` when `hostNetwork` is true',
    ],
  },
  {
    name: 'ephemeral containers on create',
    mutate: (_p, s) =>
      (s.ephemeralContainers = [
        {
          name: 'debug',
          image: 'busybox',
          terminationMessagePolicy: 'File',
          imagePullPolicy: 'Always',
        },
      ]),
    want: ['spec.ephemeralContainers: Forbidden: cannot be set on create'],
  },
  {
    name: 'nodeName with scheduling gates',
    mutate: (_p, s) => {
      s.nodeName = 'node-1'
      s.schedulingGates = [{ name: 'example.com/gate' }]
    },
    want: ['spec.nodeName: Forbidden: cannot be set until all schedulingGates have been cleared'],
  },
  {
    name: 'mirror pod annotation without nodeName',
    mutate: (p) => (asObj(p.metadata).annotations = { 'kubernetes.io/config.mirror': 'abc' }),
    want: [
      'metadata.annotations[kubernetes.io/config.mirror]: Invalid value: "abc": must set spec.nodeName if mirror pod annotation is set',
    ],
  },
  {
    name: 'pod deletion cost with a plus sign',
    mutate: (p) =>
      (asObj(p.metadata).annotations = { 'controller.kubernetes.io/pod-deletion-cost': '+10' }),
    want: [
      'metadata.annotations[controller.kubernetes.io/pod-deletion-cost]: Invalid value: "+10": must be a 32bit integer',
    ],
  },
  {
    name: 'pod deletion cost beyond int32',
    mutate: (p) =>
      (asObj(p.metadata).annotations = {
        'controller.kubernetes.io/pod-deletion-cost': '2147483648',
      }),
    want: [
      'metadata.annotations[controller.kubernetes.io/pod-deletion-cost]: Invalid value: "2147483648": must be a 32bit integer',
    ],
  },
  {
    name: 'pod deletion cost negative is fine',
    mutate: (p) =>
      (asObj(p.metadata).annotations = { 'controller.kubernetes.io/pod-deletion-cost': '-100' }),
    want: [],
  },
  {
    name: 'service account token without serviceAccountName',
    mutate: (_p, s) => {
      delete s.serviceAccountName
      delete s.serviceAccount
    },
    want: [
      'spec.volumes[1].projected.sources[0].serviceAccountToken: Forbidden: must not be specified when serviceAccountName is not set',
    ],
  },
  {
    name: 'image with leading whitespace',
    mutate: (_p, _s, c) => (c.image = ' nginx'),
    want: [
      'spec.containers[0].image: Invalid value: " nginx": must not have leading or trailing whitespace',
    ],
  },
]

describe('validatePod: pod-level fields', () => {
  test.each(podLevelRows)('VALPOD-1/8 $name', ({ mutate, want }) => {
    expect(createErrors(podWith(mutate))).toEqual(want)
  })
})

const containerRows: Row[] = [
  {
    name: 'zero-length name',
    mutate: (_p, _s, c) => (c.name = ''),
    want: ['spec.containers[0].name: Required value'],
  },
  {
    name: 'name > 63 characters',
    mutate: (_p, _s, c) => (c.name = 'a'.repeat(64)),
    want: [
      `spec.containers[0].name: Invalid value: "${'a'.repeat(64)}": must be no more than 63 characters`,
    ],
  },
  {
    name: 'name not a DNS label',
    mutate: (_p, _s, c) => (c.name = 'a.b.c'),
    want: ['spec.containers[0].name: Invalid value: "a.b.c": must not contain dots'],
  },
  {
    name: 'name not unique',
    mutate: (_p, s, c) => (s.containers = [c, clone(c)]),
    want: ['spec.containers[1].name: Duplicate value: "nginx"'],
  },
  {
    name: 'init container name clashes with a container',
    mutate: (_p, s) =>
      (s.initContainers = [
        {
          name: 'nginx',
          image: 'busybox',
          terminationMessagePolicy: 'File',
          imagePullPolicy: 'Always',
        },
      ]),
    want: ['spec.initContainers[0].name: Duplicate value: "nginx"'],
  },
  {
    name: 'zero-length image',
    mutate: (_p, _s, c) => (c.image = ''),
    want: ['spec.containers[0].image: Required value'],
  },
  {
    name: 'host port not unique',
    mutate: (_p, s, c) => {
      asObj((c.ports as unknown[])[0]).hostPort = 8080
      const c2 = clone(c)
      c2.name = 'sidecar'
      asObj((c2.ports as unknown[])[0]).containerPort = 81
      s.containers = [c, c2]
    },
    want: ['spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//8080"'],
  },
  {
    name: 'unknown volume name',
    mutate: (_p, _s, c) => (c.volumeMounts = [{ name: 'anything', mountPath: '/foo' }]),
    want: ['spec.containers[0].volumeMounts[0].name: Not found: "anything"'],
  },
  {
    name: 'invalid volume leaves its mounts dangling',
    mutate: (_p, s) => (asObj((s.volumes as unknown[])[0]).emptyDir = undefined),
    want: [
      'spec.volumes[0]: Required value: must specify a volume type',
      'spec.containers[0].volumeMounts[0].name: Not found: "data"',
    ],
  },
  {
    name: 'emptyDir and hostPath together',
    mutate: (_p, s) => (asObj((s.volumes as unknown[])[0]).hostPath = { path: '/tmp', type: '' }),
    want: [
      'spec.volumes[0].hostPath: Forbidden: may not specify more than 1 volume type',
      'spec.containers[0].volumeMounts[0].name: Not found: "data"',
    ],
  },
  {
    name: 'liveness probe successThreshold',
    mutate: (_p, _s, c) => (asObj(c.livenessProbe).successThreshold = 2),
    want: ['spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1'],
  },
  {
    name: 'requests above limits',
    mutate: (_p, _s, c) => (c.resources = { requests: { cpu: '1' }, limits: { cpu: '500m' } }),
    want: [
      'spec.containers[0].resources.requests: Invalid value: "1": must be less than or equal to cpu limit of 500m',
    ],
  },
  {
    name: 'pull policy',
    mutate: (_p, _s, c) => (c.imagePullPolicy = 'Sometimes'),
    want: [
      'spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"',
    ],
  },
  {
    name: 'containerPort out of range',
    mutate: (_p, _s, c) => (asObj((c.ports as unknown[])[0]).containerPort = 70000),
    want: [
      'spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
    ],
  },
]

describe('validatePod: containers, volumes and resources in place', () => {
  test.each(containerRows)('VALPOD-2..7 $name', ({ mutate, want }) => {
    expect(createErrors(podWith(mutate))).toEqual(want)
  })
})

const schedulingRows: Row[] = [
  {
    name: 'toleration with empty key and Equal',
    mutate: (_p, s) => (s.tolerations = [{ operator: 'Equal', value: 'x', effect: 'NoSchedule' }]),
    want: [
      'spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
    ],
  },
  {
    name: 'toleration Exists with a value',
    mutate: (_p, s) => (s.tolerations = [{ key: 'k', operator: 'Exists', value: 'x' }]),
    want: [
      'spec.tolerations[0].operator: Invalid value: "x": value must be empty when `operator` is \'Exists\'',
    ],
  },
  {
    name: 'toleration operator unknown',
    mutate: (_p, s) => (s.tolerations = [{ key: 'k', operator: 'Lt', value: '1' }]),
    want: [
      'spec.tolerations[0].operator: Unsupported value: "Lt": supported values: "Equal", "Exists"',
    ],
  },
  {
    name: 'toleration effect unknown',
    mutate: (_p, s) => (s.tolerations = [{ key: 'k', operator: 'Exists', effect: 'NoRun' }]),
    want: [
      'spec.tolerations[0].effect: Unsupported value: "NoRun": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
    ],
  },
  {
    name: 'tolerationSeconds without NoExecute',
    mutate: (_p, s) =>
      (s.tolerations = [
        { key: 'k', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 60 },
      ]),
    want: [
      'spec.tolerations[0].effect: Invalid value: "NoSchedule": effect must be \'NoExecute\' when `tolerationSeconds` is set',
    ],
  },
  {
    name: 'toleration Equal with a bad value',
    mutate: (_p, s) => (s.tolerations = [{ key: 'k', operator: 'Equal', value: 'bad value' }]),
    want: [`spec.tolerations[0].operator: Invalid value: "bad value": ${labelValueMsg}`],
  },
  {
    name: 'node affinity without terms',
    mutate: (_p, s) =>
      (s.affinity = {
        nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } },
      }),
    want: [
      'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms: Required value: must have at least one node selector term',
    ],
  },
  {
    name: 'node affinity In without values, bad operator, Gt with two values',
    mutate: (_p, s) =>
      (s.affinity = {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [
              {
                matchExpressions: [
                  { key: 'zone', operator: 'In' },
                  { key: 'zone', operator: 'Equals', values: ['a'] },
                  { key: 'cores', operator: 'Gt', values: ['1', '2'] },
                ],
              },
            ],
          },
        },
      }),
    want: [
      "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[1].operator: Invalid value: "Equals": not a valid selector operator',
      "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[2].values: Required value: must be specified single value when `operator` is 'Lt' or 'Gt'",
    ],
  },
  {
    name: 'node affinity matchFields key',
    mutate: (_p, s) =>
      (s.affinity = {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [
              { matchFields: [{ key: 'metadata.uid', operator: 'In', values: ['x'] }] },
            ],
          },
        },
      }),
    want: [
      'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].key: Invalid value: "metadata.uid": not a valid field selector key',
    ],
  },
  {
    name: 'preferred node affinity weight',
    mutate: (_p, s) =>
      (s.affinity = {
        nodeAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            {
              weight: 0,
              preference: {
                matchExpressions: [{ key: 'zone', operator: 'In', values: ['any value!'] }],
              },
            },
          ],
        },
      }),
    want: [
      'spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 0: must be in the range 1-100',
    ],
  },
  {
    name: 'pod anti-affinity without topologyKey',
    mutate: (_p, s) =>
      (s.affinity = {
        podAntiAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [
            { labelSelector: { matchLabels: { app: 'web' } } },
          ],
        },
      }),
    want: [
      'spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Required value: can not be empty',
      'spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Invalid value: "": name part must be non-empty',
      `spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Invalid value: "": ${namePartMsg}`,
    ],
  },
  {
    name: 'pod affinity weight, namespaces and selector',
    mutate: (_p, s) =>
      (s.affinity = {
        podAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            {
              weight: 101,
              podAffinityTerm: {
                topologyKey: 'kubernetes.io/hostname',
                namespaces: ['Bad_NS'],
                labelSelector: { matchExpressions: [{ key: 'app', operator: 'In' }] },
              },
            },
          ],
        },
      }),
    want: [
      'spec.affinity.podAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 101: must be in the range 1-100',
      "spec.affinity.podAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.labelSelector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      `spec.affinity.podAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.namespace: Invalid value: "Bad_NS": ${labelMsg}`,
    ],
  },
  {
    name: 'topology spread basics',
    mutate: (_p, s) =>
      (s.topologySpreadConstraints = [
        {
          maxSkew: 0,
          topologyKey: '',
          whenUnsatisfiable: 'Never',
          labelSelector: { matchLabels: { app: 'web' } },
        },
      ]),
    want: [
      'spec.topologySpreadConstraints[0].maxSkew: Invalid value: 0: must be greater than zero',
      'spec.topologySpreadConstraints[0].topologyKey: Required value: can not be empty',
      'spec.topologySpreadConstraints[0].whenUnsatisfiable: Unsupported value: "Never": supported values: "DoNotSchedule", "ScheduleAnyway"',
    ],
  },
  {
    name: 'topology spread duplicate pair and minDomains',
    mutate: (_p, s) =>
      (s.topologySpreadConstraints = [
        { maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule' },
        { maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule' },
        { maxSkew: 1, topologyKey: 'host', whenUnsatisfiable: 'ScheduleAnyway', minDomains: 2 },
      ]),
    want: [
      'spec.topologySpreadConstraints[0].{topologyKey, whenUnsatisfiable}: Duplicate value: "{zone, DoNotSchedule}"',
      'spec.topologySpreadConstraints[2].minDomains: Invalid value: 2: can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ScheduleAnyway',
    ],
  },
  {
    name: 'topology spread matchLabelKeys without selector',
    mutate: (_p, s) =>
      (s.topologySpreadConstraints = [
        {
          maxSkew: 1,
          topologyKey: 'zone',
          whenUnsatisfiable: 'DoNotSchedule',
          matchLabelKeys: ['app'],
        },
      ]),
    want: [
      'spec.topologySpreadConstraints[0].matchLabelKeys: Forbidden: must not be specified when labelSelector is not set',
    ],
  },
]

describe('validatePod: tolerations, affinity, topology spread', () => {
  test.each(schedulingRows)('VALPOD-9..11 $name', ({ mutate, want }) => {
    expect(createErrors(podWith(mutate))).toEqual(want)
  })
})

describe('validatePod: defensive input', () => {
  const odd: { name: string; pod: unknown; want: string[] }[] = [
    {
      name: 'spec not an object',
      pod: { metadata: { name: 'p', namespace: 'default' }, spec: 'nope' },
      want: [
        'spec.terminationGracePeriodSeconds: Required value',
        'spec.containers: Required value',
        'spec.restartPolicy: Required value',
        'spec.dnsPolicy: Required value',
      ],
    },
    {
      name: 'containers not a list',
      pod: {
        metadata: { name: 'p', namespace: 'default' },
        spec: { ...asObj(basePod().spec), containers: 'nginx' },
      },
      want: ['spec.containers: Required value'],
    },
    {
      name: 'null',
      pod: null,
      want: [
        'metadata.name: Required value: name or generateName is required',
        'metadata.namespace: Required value',
      ],
    },
  ]
  test.each(odd)('VALPOD-18 $name never throws', ({ pod, want }) => {
    const errs = validatePod(pod as Pod).map(errorText)
    for (const w of want) expect(errs).toContain(w)
  })
  it('VALPOD-18 garbage inside a container reads as absent', () => {
    const pod = podWith((_p, _s, c) => {
      c.ports = { containerPort: 80 }
      c.env = 'X=1'
      c.resources = 'lots'
      c.livenessProbe = 7
    })
    expect(createErrors(pod)).toEqual([])
  })
})

// ---- update ----

interface UpdateRow {
  name: string
  old?: Mutate
  mutate: Mutate
  want: string[]
}

const updateRows: UpdateRow[] = [
  { name: 'no change', mutate: () => {}, want: [] },
  { name: 'image change', mutate: (_p, _s, c) => (c.image = 'nginx:1.28'), want: [] },
  {
    name: 'label change',
    mutate: (p) => (asObj(p.metadata).labels = { app: 'web', tier: 'fe' }),
    want: [],
  },
  {
    name: 'port change',
    mutate: (_p, _s, c) => (asObj((c.ports as unknown[])[0]).containerPort = 8080),
    want: [forbiddenUpdate],
  },
  {
    name: 'grace period change',
    mutate: (_p, s) => (s.terminationGracePeriodSeconds = 60),
    want: [forbiddenUpdate],
  },
  {
    name: 'grace period from negative to 1',
    old: (_p, s) => (s.terminationGracePeriodSeconds = -1),
    mutate: (_p, s) => (s.terminationGracePeriodSeconds = 1),
    want: [],
  },
  {
    name: 'container added',
    mutate: (_p, s, c) => (s.containers = [c, { ...clone(c), name: 'sidecar', ports: [] }]),
    want: ['spec.containers: Forbidden: pod updates may not add or remove containers'],
  },
  {
    name: 'activeDeadlineSeconds set',
    mutate: (_p, s) => (s.activeDeadlineSeconds = 30),
    want: [],
  },
  {
    name: 'activeDeadlineSeconds lowered',
    old: (_p, s) => (s.activeDeadlineSeconds = 60),
    mutate: (_p, s) => (s.activeDeadlineSeconds = 30),
    want: [],
  },
  {
    name: 'activeDeadlineSeconds raised',
    old: (_p, s) => (s.activeDeadlineSeconds = 30),
    mutate: (_p, s) => (s.activeDeadlineSeconds = 60),
    want: [
      'spec.activeDeadlineSeconds: Invalid value: 60: must be less than or equal to previous value',
    ],
  },
  {
    name: 'activeDeadlineSeconds removed',
    old: (_p, s) => (s.activeDeadlineSeconds = 30),
    mutate: (_p, s) => delete s.activeDeadlineSeconds,
    want: [
      'spec.activeDeadlineSeconds: Invalid value: "null": must not update from a positive integer to nil value',
    ],
  },
  {
    name: 'toleration added',
    mutate: (_p, s) =>
      (s.tolerations = [
        ...(s.tolerations as unknown[]),
        { key: 'gpu', operator: 'Exists', effect: 'NoSchedule' },
      ]),
    want: [],
  },
  {
    name: 'tolerationSeconds changed',
    mutate: (_p, s) => (asObj((s.tolerations as unknown[])[0]).tolerationSeconds = 600),
    want: [],
  },
  {
    name: 'toleration key changed',
    mutate: (_p, s) => (asObj((s.tolerations as unknown[])[0]).key = 'node.kubernetes.io/other'),
    want: [
      'spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds',
    ],
  },
  {
    name: 'quantity rewritten with the same value',
    mutate: (_p, _s, c) =>
      (c.resources = {
        requests: { cpu: '0.1', memory: '64Mi' },
        limits: { cpu: '500m', memory: '128Mi' },
      }),
    want: [],
  },
  {
    name: 'scheduling gate added',
    mutate: (_p, s) => (s.schedulingGates = [{ name: 'example.com/gate' }]),
    want: [
      "spec.schedulingGates[0].name: Forbidden: only deletion is allowed, but found new scheduling gate 'example.com/gate'",
    ],
  },
  {
    name: 'gated pod gains a nodeSelector entry',
    old: (_p, s) => {
      s.schedulingGates = [{ name: 'example.com/gate' }]
      s.nodeSelector = { disk: 'ssd' }
    },
    mutate: (_p, s) => (s.nodeSelector = { disk: 'ssd', zone: 'a' }),
    want: [],
  },
  {
    name: 'gated pod changes a nodeSelector entry',
    old: (_p, s) => {
      s.schedulingGates = [{ name: 'example.com/gate' }]
      s.nodeSelector = { disk: 'ssd' }
    },
    mutate: (_p, s) => (s.nodeSelector = { disk: 'hdd' }),
    want: [
      'spec.nodeSelector: Invalid value: map[string]string{"disk":"hdd"}: only additions to spec.nodeSelector are allowed (no mutations or deletions)',
    ],
  },
  {
    name: 'name changed',
    mutate: (p) => (asObj(p.metadata).name = 'web2'),
    want: ['metadata.name: Invalid value: "web2": field is immutable'],
  },
  {
    name: 'mirror annotation added',
    mutate: (p, s) => {
      asObj(p.metadata).annotations = { 'kubernetes.io/config.mirror': 'x' }
      s.nodeName = 'node-1'
    },
    want: [
      'metadata.annotations[kubernetes.io/config.mirror]: Forbidden: may not add mirror pod annotation',
      forbiddenUpdate,
    ],
  },
]

describe('validatePodUpdate', () => {
  test.each(updateRows)('VALPOD-12 $name', ({ old, mutate, want }) => {
    const oldPod = podWith(old ?? (() => {}))
    const newPod = clone(oldPod)
    const spec = asObj(newPod.spec)
    mutate(newPod, spec, asObj((spec.containers as unknown[])[0]))
    expect(validatePodUpdate(newPod as Pod, oldPod as Pod).map(errorText)).toEqual(want)
  })
  it('VALPOD-12 an emptied image is reported twice upstream and once in the aggregate', () => {
    const oldPod = basePod()
    const newPod = podWith((_p, _s, c) => (c.image = ''))
    const errs = validatePodUpdate(newPod as Pod, oldPod as Pod)
    expect(errs.map(errorText)).toEqual([
      'spec.containers[0].image: Required value',
      'spec.containers[0].image: Required value',
    ])
    expect(aggregateText(errs)).toBe('spec.containers[0].image: Required value')
  })
  it('VALPOD-12 lists the updatable fields in upstream order', () => {
    expect(updatablePodSpecFields).toHaveLength(5)
    expect(forbiddenUpdate.endsWith(updatablePodSpecFields.join(','))).toBe(true)
  })
})

// ---- status update ----

interface StatusRow {
  name: string
  old?: (pod: Obj) => void
  mutate: (pod: Obj) => void
  want: string[]
}

const status = (p: Obj): Obj => {
  p.status ??= {}
  return asObj(p.status)
}

const statusRows: StatusRow[] = [
  { name: 'phase is not checked', mutate: (p) => (status(p).phase = 'Exploded'), want: [] },
  {
    name: 'system condition',
    mutate: (p) => (status(p).conditions = [{ type: 'Ready', status: 'True' }]),
    want: [],
  },
  {
    name: 'custom condition type',
    mutate: (p) => (status(p).conditions = [{ type: 'my condition', status: 'True' }]),
    want: [`metadata.conditions[0].Type: Invalid value: "my condition": ${namePartMsg}`],
  },
  {
    name: 'nodeName changed',
    mutate: (p) => (asObj(p.spec).nodeName = 'node-2'),
    want: ['status.nodeName: Forbidden: may not be changed directly'],
  },
  {
    name: 'qosClass changed',
    old: (p) => (status(p).qosClass = 'Burstable'),
    mutate: (p) => (status(p).qosClass = 'BestEffort'),
    want: ['status.qosClass: Invalid value: "BestEffort": field is immutable'],
  },
  {
    name: 'terminated container restarted under Never',
    old: (p) => {
      asObj(p.spec).restartPolicy = 'Never'
      status(p).containerStatuses = [{ name: 'nginx', state: { terminated: { exitCode: 1 } } }]
    },
    mutate: (p) => (status(p).containerStatuses = [{ name: 'nginx', state: { running: {} } }]),
    want: [
      'status.containerStatuses[0].state: Forbidden: may not be transitioned to non-terminated state',
    ],
  },
  {
    name: 'failed container restarted under OnFailure',
    old: (p) => {
      asObj(p.spec).restartPolicy = 'OnFailure'
      status(p).containerStatuses = [{ name: 'nginx', state: { terminated: { exitCode: 1 } } }]
    },
    mutate: (p) => (status(p).containerStatuses = [{ name: 'nginx', state: { running: {} } }]),
    want: [],
  },
  {
    name: 'terminated ephemeral container restarted',
    old: (p) =>
      (status(p).ephemeralContainerStatuses = [
        { name: 'debug', state: { terminated: { exitCode: 0 } } },
      ]),
    mutate: (p) =>
      (status(p).ephemeralContainerStatuses = [{ name: 'debug', state: { running: {} } }]),
    want: [
      'status.ephemeralContainerStatuses[0].state: Forbidden: may not be transitioned to non-terminated state',
    ],
  },
  {
    name: 'terminated sidecar may restart under Never',
    old: (p) => {
      const spec = asObj(p.spec)
      spec.restartPolicy = 'Never'
      spec.initContainers = [{ name: 'proxy', image: 'envoy', restartPolicy: 'Always' }]
      status(p).initContainerStatuses = [{ name: 'proxy', state: { terminated: { exitCode: 1 } } }]
    },
    mutate: (p) => (status(p).initContainerStatuses = [{ name: 'proxy', state: { running: {} } }]),
    want: [],
  },
  {
    name: 'two IPv4 pod IPs',
    mutate: (p) => (status(p).podIPs = [{ ip: '10.0.0.1' }, { ip: '10.0.0.2' }]),
    want: [
      'status.podIPs: Invalid value: []core.PodIP{core.PodIP{IP:"10.0.0.1"}, core.PodIP{IP:"10.0.0.2"}}: may specify no more than one IP for each IP family',
    ],
  },
  {
    name: 'dual-stack pod IPs',
    mutate: (p) => (status(p).podIPs = [{ ip: '10.0.0.1' }, { ip: 'fd00::1' }]),
    want: [],
  },
  {
    name: 'duplicate pod IPs',
    mutate: (p) => (status(p).podIPs = [{ ip: '10.0.0.1' }, { ip: '10.0.0.1' }]),
    want: [
      'status.podIPs: Invalid value: []core.PodIP{core.PodIP{IP:"10.0.0.1"}, core.PodIP{IP:"10.0.0.1"}}: may specify no more than one IP for each IP family',
      'status.podIPs[1]: Duplicate value: core.PodIP{IP:"10.0.0.1"}',
    ],
  },
  {
    name: 'pod IP not an IP',
    mutate: (p) => (status(p).podIPs = [{ ip: '10.0.0' }]),
    want: [
      'status.podIPs[0]: Invalid value: "10.0.0": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
    ],
  },
  {
    name: 'hostIPs do not start with hostIP',
    mutate: (p) => {
      status(p).hostIP = '10.0.0.1'
      status(p).hostIPs = [{ ip: '10.0.0.2' }]
    },
    want: ['status.hostIPs[0].ip: Invalid value: "10.0.0.2": must be equal to `hostIP`'],
  },
]

describe('validatePodStatusUpdate', () => {
  test.each(statusRows)('VALPOD-13 $name', ({ old, mutate, want }) => {
    const oldPod = basePod()
    old?.(oldPod)
    const newPod = clone(oldPod)
    mutate(newPod)
    expect(validatePodStatusUpdate(newPod as Pod, oldPod as Pod).map(errorText)).toEqual(want)
  })
})
