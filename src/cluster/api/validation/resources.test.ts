import { describe, expect, test } from 'vitest'
import { errorBody, errorText, fieldPath } from '../field'
import {
  canonicalQuantity,
  isExtendedResourceName,
  isOvercommitAllowed,
  validateContainerResourceDivisor,
  validateContainerResourceRequirements,
  validateOverhead,
} from './resources'

const path = fieldPath('spec', 'containers').index(0).child('resources')
const run = (resources: unknown, claims: string[] = []): string[] =>
  validateContainerResourceRequirements(resources, new Set(claims), path).map(errorText)

const rows: { name: string; resources: unknown; claims?: string[]; want: string[] }[] = [
  {
    name: 'requests within limits',
    resources: {
      requests: { cpu: '100m', memory: '64Mi' },
      limits: { cpu: '500m', memory: '128Mi' },
    },
    want: [],
  },
  {
    name: 'numbers from YAML',
    resources: { requests: { cpu: 0.25 }, limits: { cpu: 1 } },
    want: [],
  },
  { name: 'nothing set', resources: undefined, want: [] },
  {
    name: 'cpu request above limit',
    resources: { requests: { cpu: '1' }, limits: { cpu: '500m' } },
    want: [
      'spec.containers[0].resources.requests: Invalid value: "1": must be less than or equal to cpu limit of 500m',
    ],
  },
  {
    name: 'request printed canonically',
    resources: { requests: { cpu: '1000m' }, limits: { cpu: '0.5' } },
    want: [
      'spec.containers[0].resources.requests: Invalid value: "1": must be less than or equal to cpu limit of 500m',
    ],
  },
  {
    name: 'memory request above limit',
    resources: { requests: { memory: '256Mi' }, limits: { memory: '128Mi' } },
    want: [
      'spec.containers[0].resources.requests: Invalid value: "256Mi": must be less than or equal to memory limit of 128Mi',
    ],
  },
  {
    name: 'negative limit',
    resources: { limits: { cpu: '-1' } },
    want: [
      'spec.containers[0].resources.limits[cpu]: Invalid value: "-1": must be greater than or equal to 0',
    ],
  },
  {
    name: 'unknown unqualified resource',
    resources: { limits: { gpu: '1' } },
    want: [
      'spec.containers[0].resources.limits[gpu]: Invalid value: "gpu": must be a standard resource type or fully qualified',
      'spec.containers[0].resources.limits[gpu]: Invalid value: "gpu": must be a standard resource for containers',
    ],
  },
  {
    name: 'standard but not a container resource',
    resources: { requests: { pods: '1' } },
    want: [
      'spec.containers[0].resources.requests[pods]: Invalid value: "pods": must be a standard resource for containers',
    ],
  },
  {
    name: 'extended resource must be whole',
    resources: { limits: { 'example.com/gpu': '1500m' }, requests: { 'example.com/gpu': '1500m' } },
    want: [
      'spec.containers[0].resources.limits[example.com/gpu]: Invalid value: 1500m: must be an integer',
      'spec.containers[0].resources.requests[example.com/gpu]: Invalid value: 1500m: must be an integer',
    ],
  },
  {
    name: 'extended resource request without limit',
    resources: { requests: { 'example.com/gpu': '1' } },
    want: [
      'spec.containers[0].resources.limits: Required value: Limit must be set for non overcommitable resources',
    ],
  },
  {
    name: 'extended resource request below limit',
    resources: { requests: { 'example.com/gpu': '1' }, limits: { 'example.com/gpu': '2' } },
    want: [
      'spec.containers[0].resources.requests: Invalid value: "1": must be equal to example.com/gpu limit of 2',
    ],
  },
  {
    name: 'hugepages not a whole number of pages',
    resources: { limits: { 'hugepages-2Mi': '3Mi', memory: '1Gi' }, requests: { memory: '1Gi' } },
    want: [
      'spec.containers[0].resources.limits[hugepages-2Mi]: Invalid value: "3Mi": 3Mi is not positive integer multiple of hugepages-2Mi',
    ],
  },
  {
    name: 'hugepages without cpu or memory',
    resources: { limits: { 'hugepages-2Mi': '4Mi' } },
    want: ['spec.containers[0].resources: Forbidden: HugePages require cpu or memory'],
  },
  {
    name: 'claim not in the pod',
    resources: { claims: [{ name: 'gpu' }] },
    want: [
      'spec.containers[0].resources.claims[0]: Not found: "gpu": must be one of the names in pod.spec.resourceClaims which is empty',
    ],
  },
  {
    name: 'claim not among the pod claims',
    resources: { claims: [{ name: 'gpu' }] },
    claims: ['fpga', 'asic'],
    want: [
      'spec.containers[0].resources.claims[0]: Not found: "gpu": must be one of the names in pod.spec.resourceClaims: asic, fpga',
    ],
  },
  {
    name: 'claim named twice',
    resources: { claims: [{ name: 'gpu' }, { name: 'gpu' }] },
    claims: ['gpu'],
    want: ['spec.containers[0].resources.claims[1]: Duplicate value: "gpu"'],
  },
  {
    name: 'quantity that does not parse',
    resources: { limits: { cpu: 'lots' } },
    want: [
      'spec.containers[0].resources.limits[cpu]: Invalid value: "lots": quantities must match the regular expression \'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$\'',
    ],
  },
]

describe('validateContainerResourceRequirements', () => {
  test.each(rows)('VALPOD-5 $name', ({ resources, claims, want }) => {
    expect(run(resources, claims)).toEqual(want)
  })
  test('VALPOD-16 a Quantity prints bare in the cause message too', () => {
    const [e] = validateContainerResourceRequirements(
      { limits: { 'example.com/gpu': '0.5' } },
      new Set(),
      path,
    )
    expect(e && errorBody(e)).toBe('Invalid value: 500m: must be an integer')
  })
})

describe('validateOverhead', () => {
  test.each([
    { name: 'cpu and memory', overhead: { cpu: '250m', memory: '120Mi' }, want: [] as string[] },
    {
      name: 'negative',
      overhead: { memory: '-1' },
      want: [
        'spec.overhead.limits[memory]: Invalid value: "-1": must be greater than or equal to 0',
      ],
    },
  ])('VALPOD-8 $name', ({ overhead, want }) => {
    expect(validateOverhead(overhead, fieldPath('spec', 'overhead')).map(errorText)).toEqual(want)
  })
})

describe('validateContainerResourceDivisor', () => {
  const p = fieldPath('env').index(0).child('valueFrom', 'resourceFieldRef')
  test.each([
    { name: 'cpu 1m', resource: 'limits.cpu', divisor: '1m', want: [] as string[] },
    {
      name: 'zero divisor means unset',
      resource: 'limits.cpu',
      divisor: '0',
      want: [] as string[],
    },
    { name: 'memory 1Mi', resource: 'requests.memory', divisor: '1Mi', want: [] as string[] },
    {
      name: 'memory 2Mi',
      resource: 'requests.memory',
      divisor: '2Mi',
      want: [
        'env[0].valueFrom.resourceFieldRef.divisor: Invalid value: "requests.memory": only divisor\'s values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the memory resource',
      ],
    },
    {
      name: 'ephemeral storage 10',
      resource: 'limits.ephemeral-storage',
      divisor: '10',
      want: [
        'env[0].valueFrom.resourceFieldRef.divisor: Invalid value: "limits.ephemeral-storage": only divisor\'s values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the local ephemeral storage resource',
      ],
    },
  ])('VALPOD-4 $name', ({ resource, divisor, want }) => {
    expect(validateContainerResourceDivisor(resource, divisor, p).map(errorText)).toEqual(want)
  })
})

describe('resource name helpers', () => {
  test.each([
    { name: 'cpu', extended: false, overcommit: true },
    { name: 'hugepages-1Gi', extended: false, overcommit: false },
    { name: 'example.com/gpu', extended: true, overcommit: false },
    { name: 'kubernetes.io/foo', extended: false, overcommit: true },
    { name: 'requests.example.com/x', extended: false, overcommit: false },
  ])('VALPOD-5 $name', ({ name, extended, overcommit }) => {
    expect(isExtendedResourceName(name)).toBe(extended)
    expect(isOvercommitAllowed(name)).toBe(overcommit)
  })
  test('VALPOD-12 canonical quantities', () => {
    expect(canonicalQuantity('0.5')).toBe('500m')
    expect(canonicalQuantity(2)).toBe('2')
    expect(canonicalQuantity('1024Mi')).toBe('1Gi')
    expect(canonicalQuantity('nope')).toBeUndefined()
  })
})
