import { describe, expect, test } from 'vitest'
import { aggregateText, errorText, type FieldError } from '../field'
import type { KubeObject } from '../types'
import { edited, type Edit } from './testEdit'
import {
  validateDeployment,
  validateDeploymentStatusUpdate,
  validateDeploymentUpdate,
} from './deployment'

const texts = (errs: FieldError[]): string[] => errs.map(errorText)
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T

const SUBDOMAIN =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
const PERCENT =
  "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')"
const MISMATCH =
  'spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`'

/** A Deployment as the API server holds it after defaulting. */
const base: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default' },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: {
        containers: [
          {
            name: 'nginx',
            image: 'nginx:1.25',
            imagePullPolicy: 'IfNotPresent',
            terminationMessagePath: '/dev/termination-log',
            terminationMessagePolicy: 'File',
            resources: {},
          },
        ],
        dnsPolicy: 'ClusterFirst',
        restartPolicy: 'Always',
        securityContext: {},
        terminationGracePeriodSeconds: 30,
        schedulerName: 'default-scheduler',
      },
    },
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
    revisionHistoryLimit: 10,
    progressDeadlineSeconds: 600,
  },
}

/** base with edits under spec (dotted paths). */
const withSpec = (...edits: Edit[]): KubeObject =>
  edited(base, ...edits.map(([p, v]): Edit => [`spec.${p}`, v]))

interface Row {
  name: string
  obj: KubeObject
  want: string[]
}

const createRows: Row[] = [
  { name: 'a valid defaulted Deployment', obj: base, want: [] },
  {
    name: 'an uppercase name',
    obj: { ...clone(base), metadata: { name: 'Web', namespace: 'default' } },
    want: [`metadata.name: Invalid value: "Web": ${SUBDOMAIN}`],
  },
  {
    name: 'negative replicas',
    obj: withSpec(['replicas', -1]),
    want: ['spec.replicas: Invalid value: -1: must be greater than or equal to 0'],
  },
  {
    name: 'no selector (matches nothing, so the template mismatches too)',
    obj: withSpec(['selector', undefined], ['template.metadata.labels', { app: 'x' }]),
    want: ['spec.selector: Required value', MISMATCH],
  },
  {
    name: 'an empty selector',
    obj: withSpec(['selector', {}]),
    want: [
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment',
    ],
  },
  {
    name: 'template labels not matching the selector',
    obj: withSpec(['template.metadata.labels', { app: 'x' }]),
    want: [MISMATCH],
  },
  {
    name: 'a selector with an unknown operator (invalid label selector, template skipped)',
    obj: withSpec(
      ['selector', { matchExpressions: [{ key: 'app', operator: 'Foo', values: ['web'] }] }],
      ['template.metadata.labels', { app: 'x' }],
    ),
    want: [
      'spec.selector.matchExpressions[0].operator: Invalid value: "Foo": not a valid selector operator',
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"app", Operator:"Foo", Values:[]string{"web"}}}}: invalid label selector',
    ],
  },
  {
    name: 'a matchExpressions selector that matches the template',
    obj: withSpec([
      'selector',
      { matchExpressions: [{ key: 'app', operator: 'In', values: ['web', 'api'] }] },
    ]),
    want: [],
  },
  {
    name: 'an unknown strategy type',
    obj: withSpec(['strategy', { type: 'BlueGreen' }]),
    want: [
      'spec.strategy: Unsupported value: apps.DeploymentStrategy{Type:"BlueGreen", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}: supported values: "Recreate", "RollingUpdate"',
    ],
  },
  {
    name: 'Recreate with rollingUpdate',
    obj: withSpec(['strategy.type', 'Recreate']),
    want: [
      "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'",
    ],
  },
  { name: 'Recreate alone', obj: withSpec(['strategy', { type: 'Recreate' }]), want: [] },
  {
    name: 'RollingUpdate without rollingUpdate',
    obj: withSpec(['strategy', { type: 'RollingUpdate' }]),
    want: [
      'spec.strategy.rollingUpdate: Required value: this should be defaulted and never be nil',
    ],
  },
  {
    name: 'maxSurge that is not a percent',
    obj: withSpec(['strategy.rollingUpdate.maxSurge', 'abc']),
    want: [
      `spec.strategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"abc"}: ${PERCENT}`,
    ],
  },
  {
    name: 'maxSurge "5" (invalid, but counts as 5 so maxUnavailable 0 is fine)',
    obj: withSpec(['strategy.rollingUpdate', { maxSurge: '5', maxUnavailable: 0 }]),
    want: [
      `spec.strategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"5"}: ${PERCENT}`,
    ],
  },
  {
    name: 'maxUnavailable and maxSurge both 0',
    obj: withSpec(['strategy.rollingUpdate', { maxSurge: 0, maxUnavailable: 0 }]),
    want: [
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0',
    ],
  },
  {
    name: 'maxUnavailable 0% and maxSurge 0',
    obj: withSpec(['strategy.rollingUpdate', { maxSurge: 0, maxUnavailable: '0%' }]),
    want: [
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"0%"}: may not be 0 when `maxSurge` is 0',
    ],
  },
  {
    name: 'maxUnavailable over 100%',
    obj: withSpec(['strategy.rollingUpdate.maxUnavailable', '150%']),
    want: [
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"150%"}: must not be greater than 100%',
    ],
  },
  {
    name: 'maxSurge over 100% is allowed',
    obj: withSpec(['strategy.rollingUpdate.maxSurge', '200%']),
    want: [],
  },
  {
    name: 'negative maxUnavailable',
    obj: withSpec(['strategy.rollingUpdate.maxUnavailable', -1]),
    want: [
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: -1: must be greater than or equal to 0',
    ],
  },
  {
    name: 'negative minReadySeconds',
    obj: withSpec(['minReadySeconds', -1]),
    want: ['spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0'],
  },
  {
    name: 'negative revisionHistoryLimit',
    obj: withSpec(['revisionHistoryLimit', -1]),
    want: ['spec.revisionHistoryLimit: Invalid value: -1: must be greater than or equal to 0'],
  },
  { name: 'revisionHistoryLimit 0', obj: withSpec(['revisionHistoryLimit', 0]), want: [] },
  {
    name: 'progressDeadlineSeconds not above minReadySeconds',
    obj: withSpec(['minReadySeconds', 10], ['progressDeadlineSeconds', 10]),
    want: ['spec.progressDeadlineSeconds: Invalid value: 10: must be greater than minReadySeconds'],
  },
  {
    name: 'negative progressDeadlineSeconds',
    obj: withSpec(['progressDeadlineSeconds', -1]),
    want: [
      'spec.progressDeadlineSeconds: Invalid value: -1: must be greater than or equal to 0',
      'spec.progressDeadlineSeconds: Invalid value: -1: must be greater than minReadySeconds',
    ],
  },
  {
    name: 'paused and an unknown rollbackTo are not validated',
    obj: withSpec(['paused', true], ['rollbackTo', { revision: -5 }]),
    want: [],
  },
  {
    name: 'a template restartPolicy other than Always',
    obj: withSpec(['template.spec.restartPolicy', 'Never']),
    want: [
      'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    ],
  },
]

describe('validateDeployment', () => {
  test.each(createRows)('VALKINDS-3 VALKINDS-4 VALKINDS-5 $name', ({ obj, want }) => {
    expect(texts(validateDeployment(obj))).toEqual(want)
  })

  test('VALKINDS-3 the selector mismatch message reads as kubectl shows it', () => {
    const d = withSpec(['template.metadata.labels', { app: 'x' }])
    expect(aggregateText(validateDeployment(d))).toBe(MISMATCH)
  })

  test.each([
    {
      name: 'spec is a string',
      obj: { ...clone(base), spec: 'nope' },
      first: 'spec.selector: Required value',
    },
    {
      name: 'metadata is null',
      obj: { ...clone(base), metadata: null } as unknown as KubeObject,
      first: 'metadata.name: Required value: name or generateName is required',
    },
    {
      name: 'strategy is a number',
      obj: withSpec(['strategy', 7]),
      first:
        'spec.strategy: Unsupported value: apps.DeploymentStrategy{Type:"", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}: supported values: "Recreate", "RollingUpdate"',
    },
    // A wrong-typed number reads as Go's zero value, which is valid here.
    {
      name: 'replicas is a string',
      obj: withSpec(['replicas', 'three']),
      first: undefined,
    },
  ])('VALKINDS-2 odd input never throws: $name', ({ obj, first }) => {
    expect(() => validateDeployment(obj)).not.toThrow()
    expect(texts(validateDeployment(obj))[0]).toBe(first)
  })
})

const stored: KubeObject = {
  ...clone(base),
  metadata: { name: 'web', namespace: 'default', uid: 'u1', resourceVersion: '5' },
}

describe('validateDeploymentUpdate', () => {
  const upd = (...edits: Edit[]): KubeObject =>
    edited(stored, ...edits.map(([p, v]): Edit => [`spec.${p}`, v]))
  test.each([
    { name: 'no change', obj: stored, want: [] as string[] },
    {
      name: 'a new image',
      obj: upd(['template.spec.containers.0.image', 'nginx:1.26']),
      want: [],
    },
    {
      name: 'a changed selector',
      obj: upd(
        ['selector', { matchLabels: { app: 'web', tier: 'fe' } }],
        ['template.metadata.labels', { app: 'web', tier: 'fe' }],
      ),
      want: [
        'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web", "tier":"fe"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
      ],
    },
    {
      name: 'a removed selector (a nil pointer prints as "null")',
      obj: upd(['selector', undefined]),
      want: [
        'spec.selector: Required value',
        'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
        'spec.selector: Invalid value: "null": field is immutable',
      ],
    },
    {
      name: 'the same selector with an empty matchExpressions list',
      obj: upd(['selector', { matchExpressions: [], matchLabels: { app: 'web' } }]),
      want: [],
    },
    {
      name: 'negative replicas',
      obj: upd(['replicas', -2]),
      want: ['spec.replicas: Invalid value: -2: must be greater than or equal to 0'],
    },
  ])('VALKINDS-6 $name', ({ obj, want }) => {
    expect(texts(validateDeploymentUpdate(obj, stored))).toEqual(want)
  })
})

describe('validateDeploymentStatusUpdate', () => {
  const old: KubeObject = {
    ...clone(stored),
    status: { replicas: 3, readyReplicas: 3, availableReplicas: 3, collisionCount: 2 },
  }
  const withStatus = (status: Record<string, unknown>): KubeObject => ({ ...clone(old), status })
  test.each([
    {
      name: 'a consistent status',
      obj: withStatus({ replicas: 3, readyReplicas: 2, availableReplicas: 1, collisionCount: 2 }),
      want: [] as string[],
    },
    {
      name: 'collisionCount decremented',
      obj: withStatus({ replicas: 3, collisionCount: 1 }),
      want: ['status.collisionCount: Invalid value: 1: cannot be decremented'],
    },
    {
      name: 'collisionCount cleared',
      obj: withStatus({ replicas: 3 }),
      want: ['status.collisionCount: Invalid value: 0: cannot be decremented'],
    },
    {
      name: 'more ready than replicas',
      obj: withStatus({ replicas: 1, readyReplicas: 2, collisionCount: 2 }),
      want: ['status.readyReplicas: Invalid value: 2: cannot be greater than status.replicas'],
    },
    {
      name: 'more available than ready',
      obj: withStatus({ replicas: 3, readyReplicas: 1, availableReplicas: 2, collisionCount: 2 }),
      want: ['status.availableReplicas: Invalid value: 2: cannot be greater than readyReplicas'],
    },
    {
      name: 'negative counters',
      obj: withStatus({
        observedGeneration: -1,
        replicas: 0,
        unavailableReplicas: -1,
        collisionCount: 2,
      }),
      want: [
        'status.observedGeneration: Invalid value: -1: must be greater than or equal to 0',
        'status.unavailableReplicas: Invalid value: -1: must be greater than or equal to 0',
      ],
    },
    {
      name: 'updatedReplicas above replicas',
      obj: withStatus({ replicas: 1, updatedReplicas: 2, readyReplicas: 1, collisionCount: 2 }),
      want: ['status.updatedReplicas: Invalid value: 2: cannot be greater than status.replicas'],
    },
  ])('VALKINDS-7 $name', ({ obj, want }) => {
    expect(texts(validateDeploymentStatusUpdate(obj, old))).toEqual(want)
  })
})
