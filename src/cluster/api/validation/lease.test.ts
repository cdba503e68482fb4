import { describe, expect, test } from 'vitest'
import { errorText, fieldPath, type FieldError } from '../field'
import type { KubeObject } from '../types'
import { validateLease, validateLeaseSpec, validateLeaseUpdate } from './lease'

const texts = (errs: FieldError[]): string[] => errs.map(errorText)

const base: KubeObject = {
  apiVersion: 'coordination.k8s.io/v1',
  kind: 'Lease',
  metadata: { name: 'node-1', namespace: 'kube-node-lease', uid: 'u1', resourceVersion: '7' },
  spec: {
    holderIdentity: 'node-1',
    leaseDurationSeconds: 40,
    renewTime: '2026-01-01T00:00:10.000000Z',
  },
}
const withSpec = (spec: Record<string, unknown>): KubeObject => ({ ...base, spec })

const SUBDOMAIN =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
const LABEL =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"

// Rows port TestValidateLease and TestValidateLeaseSpec (pkg/apis/coordination/validation/validation_test.go).
describe('validateLease', () => {
  test.each([
    { name: 'a node lease as a kubelet writes it', obj: base, want: [] as string[] },
    { name: 'an empty spec', obj: withSpec({}), want: [] },
    {
      name: 'holder, duration 10 and one transition',
      obj: withSpec({ holderIdentity: 'holder', leaseDurationSeconds: 10, leaseTransitions: 1 }),
      want: [],
    },
    {
      name: 'a bad name and namespace (TestValidateLease: two errors)',
      obj: { ...base, metadata: { name: 'invalidName++', namespace: '==invalid_Namespace==' } },
      want: [
        `metadata.name: Invalid value: "invalidName++": ${SUBDOMAIN}`,
        `metadata.namespace: Invalid value: "==invalid_Namespace==": ${LABEL}`,
      ],
    },
    {
      name: 'no namespace',
      obj: { ...base, metadata: { name: 'node-1' } },
      want: ['metadata.namespace: Required value'],
    },
    {
      name: 'duration 0 and transitions -1',
      obj: withSpec({ holderIdentity: 'holder', leaseDurationSeconds: 0, leaseTransitions: -1 }),
      want: [
        'spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0',
        'spec.leaseTransitions: Invalid value: -1: must be greater than or equal to 0',
      ],
    },
    {
      name: 'a negative duration',
      obj: withSpec({ leaseDurationSeconds: -40 }),
      want: ['spec.leaseDurationSeconds: Invalid value: -40: must be greater than 0'],
    },
    { name: 'zero transitions', obj: withSpec({ leaseTransitions: 0 }), want: [] },
  ])('VALKINDS-26 $name', ({ obj, want }) => {
    expect(texts(validateLease(obj))).toEqual(want)
  })

  test('VALKINDS-26 the spec is checked under the path it is given', () => {
    expect(texts(validateLeaseSpec({ leaseDurationSeconds: 0 }, fieldPath('foo')))).toEqual([
      'foo.leaseDurationSeconds: Invalid value: 0: must be greater than 0',
    ])
  })
})

// Rows port TestValidateLeaseSpecUpdate.
describe('validateLeaseUpdate', () => {
  const old: KubeObject = {
    ...base,
    metadata: { name: 'holder', namespace: 'holder-namespace', resourceVersion: '1' },
    spec: { holderIdentity: 'oldHolder', leaseDurationSeconds: 3, leaseTransitions: 3 },
  }
  test.each([
    {
      name: 'a bad spec and no resourceVersion: three errors',
      obj: {
        ...old,
        metadata: { name: 'holder', namespace: 'holder-namespace' },
        spec: { holderIdentity: 'holder', leaseDurationSeconds: 0, leaseTransitions: -1 },
      },
      want: [
        'metadata.resourceVersion: Invalid value: "": must be specified for an update',
        'spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0',
        'spec.leaseTransitions: Invalid value: -1: must be greater than or equal to 0',
      ],
    },
    {
      name: 'a new holder, duration and transition count',
      obj: {
        ...old,
        metadata: { ...old.metadata, resourceVersion: '2' },
        spec: { holderIdentity: 'holder', leaseDurationSeconds: 10, leaseTransitions: 20 },
      },
      want: [],
    },
    {
      name: 'a renamed lease',
      obj: { ...old, metadata: { ...old.metadata, name: 'other' } },
      want: ['metadata.name: Invalid value: "other": field is immutable'],
    },
  ])('VALKINDS-26 $name', ({ obj, want }) => {
    expect(texts(validateLeaseUpdate(obj, old))).toEqual(want)
  })
})
