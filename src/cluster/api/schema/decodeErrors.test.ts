import { describe, expect, test } from 'vitest'
import { decodeObject } from './decode'

const quantityFormat =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"

interface ErrorRow {
  name: string
  kind: string
  body: Record<string, unknown>
  message: string
}

const pod = (spec: Record<string, unknown>): Record<string, unknown> => ({
  apiVersion: 'v1',
  kind: 'Pod',
  spec,
})
const container = (c: Record<string, unknown>): Record<string, unknown> =>
  pod({ containers: [{ name: 'a', ...c }] })
const deploy = (spec: Record<string, unknown>): Record<string, unknown> => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  spec,
})

const typeRows: ErrorRow[] = [
  {
    name: 'string into *int32',
    kind: 'Deployment',
    body: deploy({ replicas: '3' }),
    message:
      'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
  },
  {
    name: 'number into a map[string]string value',
    kind: 'Deployment',
    body: { metadata: { labels: { version: 1.0 } } },
    message:
      'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string',
  },
  {
    name: 'number into env value, path skips list indices',
    kind: 'Deployment',
    body: deploy({
      template: { spec: { containers: [{ name: 'a', env: [{ name: 'PORT', value: 8080 }] }] } },
    }),
    message:
      'json: cannot unmarshal number into Go struct field EnvVar.spec.template.spec.containers.env.value of type string',
  },
  {
    name: 'bool into string',
    kind: 'Pod',
    body: container({ image: true }),
    message:
      'json: cannot unmarshal bool into Go struct field Container.spec.containers.image of type string',
  },
  {
    name: 'object into a list of structs',
    kind: 'Pod',
    body: pod({ containers: { name: 'a' } }),
    message:
      'json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container',
  },
  {
    name: 'number as a list element struct',
    kind: 'Pod',
    body: pod({ containers: [1] }),
    message:
      'json: cannot unmarshal number into Go struct field PodSpec.spec.containers of type v1.Container',
  },
  {
    name: 'array into a struct',
    kind: 'Deployment',
    body: deploy({ template: [] }),
    message:
      'json: cannot unmarshal array into Go struct field DeploymentSpec.spec.template of type v1.PodTemplateSpec',
  },
  {
    name: 'string into the embedded ObjectMeta',
    kind: 'Deployment',
    body: { metadata: 'web' },
    message:
      'json: cannot unmarshal string into Go struct field Deployment.metadata of type v1.ObjectMeta',
  },
  {
    name: 'array into map[string]string',
    kind: 'ConfigMap',
    body: { metadata: { labels: ['a'] } },
    message:
      'json: cannot unmarshal array into Go struct field ObjectMeta.metadata.labels of type map[string]string',
  },
  {
    name: 'string into v1.ResourceList',
    kind: 'Pod',
    body: container({ resources: { limits: '1' } }),
    message:
      'json: cannot unmarshal string into Go struct field ResourceRequirements.spec.containers.resources.limits of type v1.ResourceList',
  },
  {
    name: 'number into a named string type',
    kind: 'Pod',
    body: container({ ports: [{ containerPort: 80, protocol: 6 }] }),
    message:
      'json: cannot unmarshal number into Go struct field ContainerPort.spec.containers.ports.protocol of type v1.Protocol',
  },
  {
    name: 'number as an element of []Capability',
    kind: 'Pod',
    body: container({ securityContext: { capabilities: { add: [1] } } }),
    message:
      'json: cannot unmarshal number into Go struct field Capabilities.spec.containers.securityContext.capabilities.add of type v1.Capability',
  },
  {
    name: 'string into []string',
    kind: 'Pod',
    body: container({ args: '--verbose' }),
    message:
      'json: cannot unmarshal string into Go struct field Container.spec.containers.args of type []string',
  },
  {
    name: 'string into bool',
    kind: 'Pod',
    body: pod({ hostNetwork: 'true' }),
    message:
      'json: cannot unmarshal string into Go struct field PodSpec.spec.hostNetwork of type bool',
  },
  {
    name: 'autoscaling/v2 types print as package v2',
    kind: 'HorizontalPodAutoscaler',
    body: { spec: { metrics: [{ type: 1 }] } },
    message:
      'json: cannot unmarshal number into Go struct field MetricSpec.spec.metrics.type of type v2.MetricSourceType',
  },
  {
    name: 'uid is types.UID',
    kind: 'Pod',
    body: { metadata: { uid: 5 } },
    message:
      'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.uid of type types.UID',
  },
  {
    name: 'number as a Secret.data value ([]byte)',
    kind: 'Secret',
    body: { data: { password: 1234 } },
    message: 'json: cannot unmarshal number into Go struct field Secret.data of type []uint8',
  },
  {
    name: 'array into Secret.data',
    kind: 'Secret',
    body: { data: ['x'] },
    message:
      'json: cannot unmarshal array into Go struct field Secret.data of type map[string][]uint8',
  },
  {
    name: 'object into a top-level string field',
    kind: 'Event',
    body: { reason: { why: 'x' } },
    message: 'json: cannot unmarshal object into Go struct field Event.reason of type string',
  },
  {
    name: 'Ingress backend port number',
    kind: 'Ingress',
    body: { spec: { defaultBackend: { service: { name: 'web', port: { number: '80' } } } } },
    message:
      'json: cannot unmarshal string into Go struct field ServiceBackendPort.spec.defaultBackend.service.port.number of type int32',
  },
]

const intRows: ErrorRow[] = [
  {
    name: 'fraction into int32',
    kind: 'Deployment',
    body: deploy({ replicas: 1.5 }),
    message:
      'json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32',
  },
  {
    name: 'int32 overflow',
    kind: 'Deployment',
    body: deploy({ replicas: 3000000000 }),
    message:
      'json: cannot unmarshal number 3000000000 into Go struct field DeploymentSpec.spec.replicas of type int32',
  },
  {
    name: 'int64 overflow',
    kind: 'Deployment',
    body: { metadata: { generation: 1e19 } },
    message:
      'json: cannot unmarshal number 10000000000000000000 into Go struct field ObjectMeta.metadata.generation of type int64',
  },
  {
    name: 'string into *int64',
    kind: 'Pod',
    body: pod({ securityContext: { runAsUser: '0' } }),
    message:
      'json: cannot unmarshal string into Go struct field PodSecurityContext.spec.securityContext.runAsUser of type int64',
  },
  {
    name: 'string into []int64 element',
    kind: 'Pod',
    body: pod({ securityContext: { supplementalGroups: ['1'] } }),
    message:
      'json: cannot unmarshal string into Go struct field PodSecurityContext.spec.securityContext.supplementalGroups of type int64',
  },
  {
    name: 'terminationGracePeriodSeconds is int64',
    kind: 'Pod',
    body: pod({ terminationGracePeriodSeconds: '30' }),
    message:
      'json: cannot unmarshal string into Go struct field PodSpec.spec.terminationGracePeriodSeconds of type int64',
  },
  {
    name: 'containerPort is int32',
    kind: 'Pod',
    body: container({ ports: [{ containerPort: '80' }] }),
    message:
      'json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
  },
  {
    name: 'Event.count is int32',
    kind: 'Event',
    body: { count: 2.5 },
    message: 'json: cannot unmarshal number 2.5 into Go struct field Event.count of type int32',
  },
  {
    name: 'Status.code is int32',
    kind: 'Status',
    body: { code: '404' },
    message: 'json: cannot unmarshal string into Go struct field Status.code of type int32',
  },
]

const intOrStringRows: ErrorRow[] = [
  {
    name: 'fraction',
    kind: 'Deployment',
    body: deploy({ strategy: { rollingUpdate: { maxSurge: 1.5 } } }),
    message:
      'json: cannot unmarshal number 1.5 into Go struct field RollingUpdateDeployment.spec.strategy.rollingUpdate.maxSurge of type int32',
  },
  {
    name: 'bool',
    kind: 'Deployment',
    body: deploy({ strategy: { rollingUpdate: { maxUnavailable: true } } }),
    message:
      'json: cannot unmarshal bool into Go struct field RollingUpdateDeployment.spec.strategy.rollingUpdate.maxUnavailable of type int32',
  },
  {
    name: 'object',
    kind: 'Service',
    body: { spec: { ports: [{ port: 80, targetPort: { port: 80 } }] } },
    message:
      'json: cannot unmarshal object into Go struct field ServicePort.spec.ports.targetPort of type int32',
  },
  {
    name: 'array in a probe',
    kind: 'Pod',
    body: container({ livenessProbe: { httpGet: { port: [80] } } }),
    message:
      'json: cannot unmarshal array into Go struct field HTTPGetAction.spec.containers.livenessProbe.httpGet.port of type int32',
  },
  {
    name: 'int32 overflow',
    kind: 'Service',
    body: { spec: { ports: [{ port: 80, targetPort: 4294967296 }] } },
    message:
      'json: cannot unmarshal number 4294967296 into Go struct field ServicePort.spec.ports.targetPort of type int32',
  },
]

const quantityRows: ErrorRow[] = [
  {
    name: 'not a number',
    kind: 'Pod',
    body: container({ resources: { limits: { cpu: 'one' } } }),
    message: quantityFormat,
  },
  {
    name: 'bool',
    kind: 'Pod',
    body: container({ resources: { requests: { memory: true } } }),
    message: quantityFormat,
  },
  {
    name: 'object',
    kind: 'Pod',
    body: container({ resources: { requests: { memory: {} } } }),
    message: quantityFormat,
  },
  {
    name: 'bad suffix',
    kind: 'Pod',
    body: container({ resources: { requests: { memory: '5iK' } } }),
    message: "unable to parse quantity's suffix",
  },
  {
    name: 'pointer Quantity in autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    body: {
      spec: {
        metrics: [
          { type: 'Pods', pods: { target: { type: 'AverageValue', averageValue: 'lots' } } },
        ],
      },
    },
    message: quantityFormat,
  },
]

const otherRows: ErrorRow[] = [
  {
    name: 'Time that is not RFC 3339',
    kind: 'Pod',
    body: { metadata: { creationTimestamp: '2019-10-10' } },
    message: 'parsing time "2019-10-10" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "T"',
  },
  {
    name: 'Time given a number: Time.UnmarshalJSON reads a string',
    kind: 'Pod',
    body: { metadata: { creationTimestamp: 1714557600 } },
    message:
      'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.creationTimestamp of type string',
  },
  {
    name: 'MicroTime needs six fraction digits',
    kind: 'Event',
    body: { eventTime: '2024-05-01T10:00:00Z' },
    message:
      'parsing time "2024-05-01T10:00:00Z" as "2006-01-02T15:04:05.000000Z07:00": cannot parse "Z" as ".000000"',
  },
  {
    name: 'Secret.data in plain text',
    kind: 'Secret',
    body: { data: { password: 'hello world' } },
    message: 'illegal base64 data at input byte 5',
  },
  {
    name: 'Secret.data without padding',
    kind: 'Secret',
    body: { data: { password: 'aGVsbG8' } },
    message: 'illegal base64 data at input byte 4',
  },
]

const orderRows: ErrorRow[] = [
  {
    name: 'the first type error in document order is reported',
    kind: 'Deployment',
    body: deploy({ minReadySeconds: 'a', replicas: 'b' }),
    message:
      'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.minReadySeconds of type int32',
  },
  {
    name: 'an UnmarshalJSON error after a type error ends decoding and wins',
    kind: 'Deployment',
    body: deploy({ replicas: 'b', strategy: { rollingUpdate: { maxSurge: true } } }),
    message:
      'json: cannot unmarshal bool into Go struct field RollingUpdateDeployment.spec.strategy.rollingUpdate.maxSurge of type int32',
  },
  {
    name: 'a Quantity error after a type error wins too',
    kind: 'Pod',
    body: container({ image: 1, resources: { limits: { cpu: 'x' } } }),
    message: quantityFormat,
  },
  {
    name: 'a base64 error is saved like a type error: the earlier one wins',
    kind: 'Secret',
    body: { data: { a: 'not base64' }, type: 1 },
    message: 'illegal base64 data at input byte 3',
  },
]

const check = (row: ErrorRow): void => {
  const res = decodeObject(row.kind, row.body, { strict: false })
  expect(res).toEqual({ ok: false, message: row.message })
}

describe('type mismatches', () => {
  test.each(typeRows)('DECODE-4 $name', check)
})

describe('integers', () => {
  test.each(intRows)('DECODE-5 $name', check)

  test('DECODE-5 int64 fields take values beyond int32', () => {
    const res = decodeObject('Pod', pod({ terminationGracePeriodSeconds: 3000000000 }), {
      strict: false,
    })
    expect(res.ok && res.object.spec).toEqual({ terminationGracePeriodSeconds: 3000000000 })
  })
})

describe('IntOrString', () => {
  test.each(intOrStringRows)('DECODE-7 $name', check)

  test.each([
    { name: 'percent string', value: '25%' },
    { name: 'integer', value: 1 },
    { name: 'named port', value: 'http' },
    { name: 'negative integer (validation, not decoding, rejects it)', value: -1 },
  ])('DECODE-7 accepts $name', ({ value }) => {
    const res = decodeObject(
      'Deployment',
      deploy({ strategy: { rollingUpdate: { maxSurge: value } } }),
      { strict: false },
    )
    expect(res.ok && res.object.spec).toEqual({ strategy: { rollingUpdate: { maxSurge: value } } })
  })
})

describe('Quantity', () => {
  test.each(quantityRows)('DECODE-8 $name', check)

  test.each([
    { name: 'number 0.5', input: 0.5, canonical: '500m' },
    { name: 'number 1', input: 1, canonical: '1' },
    { name: 'number 1.5', input: 1.5, canonical: '1500m' },
    { name: '1024Mi', input: '1024Mi', canonical: '1Gi' },
    { name: 'spaces are trimmed', input: ' 100m ', canonical: '100m' },
    { name: '0.1', input: '0.1', canonical: '100m' },
    { name: '1e3 keeps its exponent form', input: '1e3', canonical: '1e3' },
  ])('DECODE-8 $name becomes $canonical', ({ input, canonical }) => {
    const res = decodeObject('Pod', container({ resources: { limits: { cpu: input } } }), {
      strict: false,
    })
    expect(res.ok && res.object.spec).toEqual({
      containers: [{ name: 'a', resources: { limits: { cpu: canonical } } }],
    })
  })
})

describe('Time, MicroTime and []byte', () => {
  test.each(otherRows)('DECODE-9/10 $name', check)

  test.each([
    {
      name: 'offset converted to UTC',
      input: '2024-05-01T12:00:00+02:00',
      out: '2024-05-01T10:00:00Z',
    },
    { name: 'fraction dropped', input: '2024-05-01T10:00:00.999Z', out: '2024-05-01T10:00:00Z' },
  ])('DECODE-9 Time: $name', ({ input, out }) => {
    const res = decodeObject('Pod', { metadata: { creationTimestamp: input } }, { strict: false })
    expect(res.ok && res.object.metadata).toEqual({ creationTimestamp: out })
  })

  test('DECODE-9 MicroTime keeps microseconds, in UTC', () => {
    const res = decodeObject(
      'Event',
      { eventTime: '2024-05-01T12:00:00.123456+02:00' },
      { strict: false },
    )
    expect(res.ok && res.object.eventTime).toBe('2024-05-01T10:00:00.123456Z')
  })

  test('DECODE-10 base64 is re-encoded canonically (line breaks dropped)', () => {
    const res = decodeObject('Secret', { data: { a: 'aGVs\nbG8=' } }, { strict: false })
    expect(res.ok && res.object.data).toEqual({ a: 'aGVsbG8=' })
  })
})

describe('error precedence', () => {
  test.each(orderRows)('DECODE-6 $name', check)
})
