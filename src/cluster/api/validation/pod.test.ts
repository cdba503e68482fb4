import { describe, expect, it, test } from 'vitest'
import type { Pod } from 'kubernetes-types/core/v1'
import { errorText } from '../field'
import { defaultPod } from '../defaults/pod'
import { validatePod } from './pod'
import { asObj, basePod, createErrors, podWith, subdomainMsg, type PodRow } from './testPod'

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

const podLevelRows: PodRow[] = [
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
  test.each(podLevelRows)('VALPOD-1 $name', ({ mutate, want }) => {
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
