import { describe, expect, test } from 'vitest'
import type { LabelSelector } from 'kubernetes-types/meta/v1'
import { aggregateText, errorText, fieldPath } from '../field'
import { validatePodTemplateSpec, validatePodTemplateSpecForReplicaSet } from './podTemplate'

type Obj = Record<string, unknown>

// A Deployment's spec.template as defaulting leaves it.
function baseTemplate(): Obj {
  return {
    metadata: { labels: { app: 'web' } },
    spec: {
      containers: [
        {
          name: 'nginx',
          image: 'nginx:1.27',
          ports: [{ containerPort: 80, protocol: 'TCP' }],
          resources: {},
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          imagePullPolicy: 'IfNotPresent',
        },
      ],
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      securityContext: {},
      schedulerName: 'default-scheduler',
    },
  }
}

const path = fieldPath('spec', 'template')
const selector: LabelSelector = { matchLabels: { app: 'web' } }
const spec = (t: Obj): Obj => t.spec as Obj
const ctr = (t: Obj): Obj => (spec(t).containers as Obj[])[0] as Obj
const nameMsg =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"

interface Row {
  name: string
  mutate: (t: Obj) => void
  selector?: LabelSelector
  want: string[]
}

const rows: Row[] = [
  { name: 'valid template', mutate: () => {}, want: [] },
  {
    name: 'restartPolicy Never',
    mutate: (t) => (spec(t).restartPolicy = 'Never'),
    want: [
      'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    ],
  },
  {
    name: 'restartPolicy not one of the three',
    mutate: (t) => (spec(t).restartPolicy = 'Sometimes'),
    want: [
      'spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
      'spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always"',
    ],
  },
  {
    name: 'selector does not match',
    mutate: (t) => ((t.metadata as Obj).labels = { app: 'api' }),
    want: [
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"api"}: `selector` does not match template `labels`',
    ],
  },
  {
    name: 'selector matches a superset of labels',
    mutate: (t) => ((t.metadata as Obj).labels = { app: 'web', tier: 'frontend' }),
    want: [],
  },
  {
    name: 'matchExpressions selector',
    selector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['frontend'] }] },
    mutate: () => {},
    want: [
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    ],
  },
  {
    name: 'template without labels',
    mutate: (t) => delete (t.metadata as Obj).labels,
    want: [
      'spec.template.metadata.labels: Invalid value: map[string]string(nil): `selector` does not match template `labels`',
    ],
  },
  {
    name: 'empty selector matches everything',
    selector: {},
    mutate: (t) => ((t.metadata as Obj).labels = { app: 'api' }),
    want: [],
  },
  {
    name: 'activeDeadlineSeconds',
    mutate: (t) => (spec(t).activeDeadlineSeconds = 30),
    want: [
      'spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported',
    ],
  },
  {
    name: 'template label key invalid (reported at template.labels)',
    mutate: (t) => ((t.metadata as Obj).labels = { app: 'web', 'bad key': 'x' }),
    want: [`spec.template.labels: Invalid value: "bad key": ${nameMsg}`],
  },
  {
    name: 'template annotation key invalid',
    mutate: (t) => ((t.metadata as Obj).annotations = { 'a/b/c': 'x' }),
    want: [
      "spec.template.annotations: Invalid value: \"a/b/c\": a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ],
  },
  {
    name: 'ephemeral containers',
    mutate: (t) =>
      (spec(t).ephemeralContainers = [
        {
          name: 'debug',
          image: 'busybox',
          terminationMessagePolicy: 'File',
          imagePullPolicy: 'Always',
        },
      ]),
    want: [
      'spec.template.spec.ephemeralContainers: Forbidden: ephemeral containers not allowed in pod template',
    ],
  },
  {
    name: 'hostNetwork with hostPort unset is fine in a template',
    mutate: (t) => (spec(t).hostNetwork = true),
    want: [],
  },
  {
    name: 'hostNetwork with a different hostPort',
    mutate: (t) => {
      spec(t).hostNetwork = true
      ;((ctr(t).ports as Obj[])[0] as Obj).hostPort = 81
    },
    want: [
      'spec.template.spec.containers[0].ports[0].hostPort: Invalid value: 81: must match `containerPort` when `hostNetwork` is true',
    ],
  },
  {
    name: 'container errors carry the template path',
    mutate: (t) => (ctr(t).image = ''),
    want: ['spec.template.spec.containers[0].image: Required value'],
  },
  {
    name: 'image whitespace is only checked on pods',
    mutate: (t) => (ctr(t).image = 'nginx '),
    want: [],
  },
]

describe('validatePodTemplateSpecForReplicaSet', () => {
  test.each(rows)('VALPOD-14/15 $name', ({ mutate, selector: sel, want }) => {
    const t = baseTemplate()
    mutate(t)
    const errs = validatePodTemplateSpecForReplicaSet(t, sel ?? selector, 3, path)
    expect(errs.map(errorText)).toEqual(want)
  })
  test('VALPOD-15 a missing selector matches nothing', () => {
    const errs = validatePodTemplateSpecForReplicaSet(baseTemplate(), undefined, 1, path)
    expect(errs.map(errorText)).toEqual([
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    ])
  })
  test('VALPOD-14 a missing template reads as the zero PodTemplateSpec', () => {
    const errs = validatePodTemplateSpecForReplicaSet(undefined, selector, 1, path)
    expect(aggregateText(errs)).toBe(
      '[' +
        [
          'spec.template.metadata.labels: Invalid value: map[string]string(nil): `selector` does not match template `labels`',
          'spec.template.spec.terminationGracePeriodSeconds: Required value',
          'spec.template.spec.containers: Required value',
          'spec.template.spec.restartPolicy: Required value',
          'spec.template.spec.dnsPolicy: Required value',
          'spec.template.spec.restartPolicy: Unsupported value: "": supported values: "Always"',
        ].join(', ') +
        ']',
    )
  })
})

describe('validatePodTemplateSpec', () => {
  test('VALPOD-14 a Job-style template may use OnFailure', () => {
    const t = baseTemplate()
    spec(t).restartPolicy = 'OnFailure'
    expect(validatePodTemplateSpec(t, path)).toEqual([])
  })
  test('VALPOD-14 mirror pod annotation on a template', () => {
    const t = baseTemplate()
    ;(t.metadata as Obj).annotations = { 'kubernetes.io/config.mirror': 'x' }
    expect(validatePodTemplateSpec(t, path).map(errorText)).toEqual([
      'spec.template.annotations[kubernetes.io/config.mirror]: Invalid value: "x": must set spec.nodeName if mirror pod annotation is set',
    ])
  })
})
