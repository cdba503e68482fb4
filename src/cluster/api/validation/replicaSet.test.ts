import { describe, expect, test } from 'vitest'
import { aggregateText, errorText, type FieldError } from '../field'
import type { KubeObject } from '../types'
import { edited, type Edit } from './testEdit'
import {
  validateReplicaSet,
  validateReplicaSetStatusUpdate,
  validateReplicaSetUpdate,
} from './replicaSet'

const texts = (errs: FieldError[]): string[] => errs.map(errorText)
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T

/** A ReplicaSet as the API server holds it after defaulting. */
const base: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name: 'web-5d9c7b8f6c', namespace: 'default', uid: 'u1', resourceVersion: '3' },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'web', 'pod-template-hash': '5d9c7b8f6c' } },
    template: {
      metadata: { labels: { app: 'web', 'pod-template-hash': '5d9c7b8f6c' } },
      spec: {
        containers: [
          {
            name: 'nginx',
            image: 'nginx:1.25',
            imagePullPolicy: 'IfNotPresent',
            terminationMessagePath: '/dev/termination-log',
            terminationMessagePolicy: 'File',
          },
        ],
        dnsPolicy: 'ClusterFirst',
        restartPolicy: 'Always',
        terminationGracePeriodSeconds: 30,
        schedulerName: 'default-scheduler',
      },
    },
  },
}
/** base with edits under spec (dotted paths). */
const withSpec = (...edits: Edit[]): KubeObject =>
  edited(base, ...edits.map(([p, v]): Edit => [`spec.${p}`, v]))

describe('validateReplicaSet', () => {
  test.each([
    { name: 'a valid defaulted ReplicaSet', obj: base, want: [] as string[] },
    {
      name: 'an empty selector (upstream says "deployment")',
      obj: withSpec(['selector', { matchLabels: {} }]),
      want: [
        'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment',
      ],
    },
    {
      name: 'negative minReadySeconds and replicas',
      obj: withSpec(['minReadySeconds', -1], ['replicas', -1]),
      want: [
        'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
        'spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0',
      ],
    },
    {
      name: 'a template missing a selected label',
      obj: withSpec(['template.metadata.labels', { app: 'web' }]),
      want: [
        'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
      ],
    },
    {
      name: 'a selector label value that is not a label value',
      obj: withSpec(['selector.matchLabels', { app: 'web app' }]),
      want: [
        "spec.selector.matchLabels: Invalid value: \"web app\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
        'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web app"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: invalid label selector',
      ],
    },
  ])('VALKINDS-8 $name', ({ obj, want }) => {
    expect(texts(validateReplicaSet(obj))).toEqual(want)
  })
})

describe('validateReplicaSetUpdate', () => {
  test('VALKINDS-8 no change is valid', () => {
    expect(validateReplicaSetUpdate(clone(base), base)).toEqual([])
  })
  test('VALKINDS-6 the selector is immutable', () => {
    const rs = withSpec(['selector', { matchLabels: { app: 'web' } }])
    expect(texts(validateReplicaSetUpdate(rs, base))).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    ])
  })
  test('VALKINDS-1 VALKINDS-8 the create checks run again, so a spec error is listed twice but printed once', () => {
    const rs = withSpec(['replicas', -1])
    const errs = validateReplicaSetUpdate(rs, base)
    expect(texts(errs)).toEqual([
      'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    ])
    expect(aggregateText(errs)).toBe(
      'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    )
  })
})

describe('validateReplicaSetStatusUpdate', () => {
  const withStatus = (status: Record<string, unknown>): KubeObject => ({ ...clone(base), status })
  test.each([
    {
      name: 'a consistent status',
      status: { replicas: 2, fullyLabeledReplicas: 2, readyReplicas: 2, availableReplicas: 1 },
      want: [] as string[],
    },
    {
      name: 'more fully labeled than replicas',
      status: { replicas: 1, fullyLabeledReplicas: 2 },
      want: [
        'status.fullyLabeledReplicas: Invalid value: 2: cannot be greater than status.replicas',
      ],
    },
    {
      name: 'more available than replicas and ready',
      status: { replicas: 1, readyReplicas: 1, availableReplicas: 2 },
      want: [
        'status.availableReplicas: Invalid value: 2: cannot be greater than status.replicas',
        'status.availableReplicas: Invalid value: 2: cannot be greater than readyReplicas',
      ],
    },
    {
      name: 'negative observedGeneration',
      status: { observedGeneration: -3 },
      want: ['status.observedGeneration: Invalid value: -3: must be greater than or equal to 0'],
    },
  ])('VALKINDS-8 $name', ({ status, want }) => {
    expect(texts(validateReplicaSetStatusUpdate(withStatus(status), base))).toEqual(want)
  })
})
