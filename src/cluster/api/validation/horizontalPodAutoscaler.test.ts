import { describe, expect, test } from 'vitest'
import { errorText, type FieldError } from '../field'
import type { KubeObject } from '../types'
import { edited, type Edit } from './testEdit'
import {
  validateHorizontalPodAutoscaler,
  validateHorizontalPodAutoscalerStatusUpdate,
  validateHorizontalPodAutoscalerUpdate,
} from './horizontalPodAutoscaler'

const texts = (errs: FieldError[]): string[] => errs.map(errorText)
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T

const TYPES = 'supported values: "ContainerResource", "External", "Object", "Pods", "Resource"'

/** An autoscaling/v2 HPA after defaulting (minReplicas 1, the CPU 80% metric). */
const base: KubeObject = {
  apiVersion: 'autoscaling/v2',
  kind: 'HorizontalPodAutoscaler',
  metadata: { name: 'web', namespace: 'default', uid: 'u1', resourceVersion: '8' },
  spec: {
    scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
    minReplicas: 1,
    maxReplicas: 5,
    metrics: [
      {
        type: 'Resource',
        resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } },
      },
    ],
  },
}
/** from with edits under spec (dotted paths). */
const specEdits = (from: KubeObject, ...edits: Edit[]): KubeObject =>
  edited(from, ...edits.map(([p, v]): Edit => [`spec.${p}`, v]))
const withSpec = (...edits: Edit[]): KubeObject => specEdits(base, ...edits)
const objectMetric = {
  type: 'Object',
  object: {
    describedObject: { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', name: 'main' },
    metric: { name: 'requests-per-second' },
    target: { type: 'Value', value: '10k' },
  },
}

describe('validateHorizontalPodAutoscaler', () => {
  test.each([
    { name: 'a valid defaulted HPA', obj: base, want: [] as string[] },
    {
      name: 'a valid HPA with behavior and all metric kinds',
      obj: withSpec(
        ['metrics.1', objectMetric],
        [
          'metrics.2',
          {
            type: 'Pods',
            pods: {
              metric: { name: 'queue-depth' },
              target: { type: 'AverageValue', averageValue: '30' },
            },
          },
        ],
        [
          'metrics.3',
          {
            type: 'External',
            external: {
              metric: { name: 'queue' },
              target: { type: 'AverageValue', averageValue: '500m' },
            },
          },
        ],
        [
          'metrics.4',
          {
            type: 'ContainerResource',
            containerResource: {
              name: 'memory',
              container: 'app',
              target: { type: 'AverageValue', averageValue: '512Mi' },
            },
          },
        ],
        [
          'behavior',
          {
            scaleUp: {
              stabilizationWindowSeconds: 0,
              selectPolicy: 'Max',
              policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
            },
            scaleDown: {
              stabilizationWindowSeconds: 300,
              selectPolicy: 'Max',
              policies: [{ type: 'Pods', value: 4, periodSeconds: 60 }],
            },
          },
        ],
      ),
      want: [],
    },
    {
      name: 'minReplicas 0 (HPAScaleToZero is off)',
      obj: withSpec(['minReplicas', 0]),
      want: [
        'spec.minReplicas: Invalid value: 0: must be greater than or equal to 1',
        'spec.metrics: Forbidden: must specify at least one Object or External metric to support scaling to zero replicas',
      ],
    },
    {
      name: 'maxReplicas below minReplicas',
      obj: withSpec(['minReplicas', 3], ['maxReplicas', 2]),
      want: ['spec.maxReplicas: Invalid value: 2: must be greater than or equal to `minReplicas`'],
    },
    {
      name: 'maxReplicas 0',
      obj: withSpec(['maxReplicas', 0]),
      want: [
        'spec.maxReplicas: Invalid value: 0: must be greater than 0',
        'spec.maxReplicas: Invalid value: 0: must be greater than or equal to `minReplicas`',
      ],
    },
    {
      name: 'an empty scaleTargetRef',
      obj: withSpec(['scaleTargetRef', {}]),
      want: [
        'spec.scaleTargetRef.kind: Required value',
        'spec.scaleTargetRef.name: Required value',
      ],
    },
    {
      name: 'a scaleTargetRef name that cannot be a path segment',
      obj: withSpec(['scaleTargetRef.name', 'a/b']),
      want: ['spec.scaleTargetRef.name: Invalid value: "a/b": may not contain \'/\''],
    },
    {
      name: 'an unknown metric type (reported twice, as upstream)',
      obj: withSpec(['metrics.0.type', 'Cpu']),
      want: [
        `spec.metrics[0].type: Unsupported value: "Cpu": ${TYPES}`,
        `spec.metrics[0].type: Unsupported value: "Cpu": ${TYPES}`,
      ],
    },
    {
      name: 'a Pods metric holding a resource source',
      obj: withSpec(['metrics.0.type', 'Pods']),
      want: [
        'spec.metrics[0].pods: Required value: must populate information for the given metric source',
      ],
    },
    {
      name: 'two sources in one metric',
      obj: withSpec([
        'metrics.0.pods',
        {
          metric: { name: 'rps' },
          target: { type: 'AverageValue', averageValue: '10' },
        },
      ]),
      want: ['spec.metrics[0].pods: Forbidden: must populate the given metric source only'],
    },
    {
      name: 'an unknown target type',
      obj: withSpec(['metrics.0.resource.target.type', 'Percent']),
      want: [
        'spec.metrics[0].resource.target.type: Invalid value: "Percent": must be either Utilization, Value, or AverageValue',
      ],
    },
    {
      name: 'a zero utilization',
      obj: withSpec(['metrics.0.resource.target.averageUtilization', 0]),
      want: [
        'spec.metrics[0].resource.target.averageUtilization: Invalid value: 0: must be greater than 0',
      ],
    },
    {
      name: 'a resource target with neither utilization nor value',
      obj: withSpec(['metrics.0.resource.target', { type: 'Utilization' }]),
      want: [
        'spec.metrics[0].resource.target.averageUtilization: Required value: must set either a target raw value or a target utilization',
      ],
    },
    {
      name: 'a negative average value',
      obj: withSpec(['metrics.0.resource.target', { type: 'AverageValue', averageValue: '-100m' }]),
      want: [
        'spec.metrics[0].resource.target.averageValue: Invalid value: "-100m": must be positive',
      ],
    },
    {
      name: 'a Pods metric without averageValue',
      obj: withSpec([
        'metrics',
        [
          {
            type: 'Pods',
            pods: { metric: { name: 'rps' }, target: { type: 'Value', value: '5' } },
          },
        ],
      ]),
      want: [
        'spec.metrics[0].pods.target.averageValue: Required value: must specify a positive target averageValue',
      ],
    },
    {
      name: 'an Object metric without a metric name',
      obj: withSpec([
        'metrics',
        [{ ...objectMetric, object: { ...objectMetric.object, metric: {} } }],
      ]),
      want: ['spec.metrics[0].object.metric.name: Required value: must specify a metric name'],
    },
    {
      name: 'bad scaling rules',
      obj: withSpec([
        'behavior',
        {
          scaleUp: {
            stabilizationWindowSeconds: 4000,
            selectPolicy: 'Avg',
            policies: [{ type: 'Nodes', value: 0, periodSeconds: 2000 }],
          },
          scaleDown: { policies: [] },
        },
      ]),
      want: [
        'spec.behavior.scaleUp.stabilizationWindowSeconds: Invalid value: 4000: must be less than or equal to 3600',
        'spec.behavior.scaleUp.selectPolicy: Unsupported value: "Avg": supported values: "Disabled", "Max", "Min"',
        'spec.behavior.scaleUp.policies[0].type: Unsupported value: "Nodes": supported values: "Percent", "Pods"',
        'spec.behavior.scaleUp.policies[0].value: Invalid value: 0: must be greater than zero',
        'spec.behavior.scaleUp.policies[0].periodSeconds: Invalid value: 2000: must be less than or equal to 1800',
        'spec.behavior.scaleDown.policies: Required value: must specify at least one Policy',
      ],
    },
  ])('VALKINDS-21 $name', ({ obj, want }) => {
    expect(texts(validateHorizontalPodAutoscaler(obj))).toEqual(want)
  })
})

describe('validateHorizontalPodAutoscalerUpdate', () => {
  const atZero = withSpec(['minReplicas', 0], ['metrics', [objectMetric]])
  test.each([
    {
      name: 'an HPA already at minReplicas 0 may stay there',
      obj: atZero,
      old: atZero,
      want: [] as string[],
    },
    {
      name: 'moving to minReplicas 0 is refused',
      obj: atZero,
      old: base,
      want: ['spec.minReplicas: Invalid value: 0: must be greater than or equal to 1'],
    },
  ])('VALKINDS-21 $name', ({ obj, old, want }) => {
    expect(texts(validateHorizontalPodAutoscalerUpdate(obj, old))).toEqual(want)
  })

  test('VALKINDS-21 status counters are non-negative', () => {
    const obj = { ...clone(base), status: { currentReplicas: -1, desiredReplicas: 2 } }
    expect(texts(validateHorizontalPodAutoscalerStatusUpdate(obj, base))).toEqual([
      'status.currentReplicas: Invalid value: -1: must be greater than or equal to 0',
    ])
  })
})
