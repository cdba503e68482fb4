import { describe, expect, test } from 'vitest'
import {
  asObj,
  clone,
  createErrors,
  labelMsg,
  labelValueMsg,
  namePartMsg,
  podWith,
  subdomainMsg,
  type PodRow,
} from './testPod'

const podLevelRows: PodRow[] = [
  {
    name: 'no containers',
    mutate: (_p, s) => (s.containers = []),
    want: ['spec.containers: Required value'],
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
]

describe('validatePodSpec: pod-level fields, via validatePod', () => {
  test.each(podLevelRows)('VALPOD-8 $name', ({ mutate, want }) => {
    expect(createErrors(podWith(mutate))).toEqual(want)
  })
})

const containerRows: PodRow[] = [
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

describe('validatePodSpec: containers, volumes and resources in place, via validatePod', () => {
  test.each(containerRows)('VALPOD-2..7 $name', ({ mutate, want }) => {
    expect(createErrors(podWith(mutate))).toEqual(want)
  })
})
