import { describe, expect, test } from 'vitest'
import { errorText, type FieldError } from '../field'
import type { KubeObject } from '../types'
import {
  validateNamespace,
  validateNamespaceFinalizeUpdate,
  validateNamespaceStatusUpdate,
  validateNamespaceUpdate,
} from './namespace'

const texts = (errs: FieldError[]): string[] => errs.map(errorText)

/** A Namespace after defaulting and PrepareForCreate. */
const base: KubeObject = {
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: {
    name: 'dev',
    uid: 'u1',
    resourceVersion: '2',
    labels: { 'kubernetes.io/metadata.name': 'dev' },
  },
  spec: { finalizers: ['kubernetes'] },
  status: { phase: 'Active' },
}
const ns = (patch: Partial<KubeObject>): KubeObject => ({ ...base, ...patch })

describe('validateNamespace', () => {
  test.each([
    { name: 'a valid defaulted Namespace', obj: base, want: [] as string[] },
    {
      name: 'a name with a dot (DNS label, not subdomain)',
      obj: ns({ metadata: { name: 'dev.team' } }),
      want: ['metadata.name: Invalid value: "dev.team": must not contain dots'],
    },
    {
      name: 'a namespace on a Namespace',
      obj: ns({ metadata: { name: 'dev', namespace: 'default' } }),
      want: ['metadata.namespace: Forbidden: not allowed on this type'],
    },
    {
      name: 'a bare spec finalizer that is not standard',
      obj: ns({ spec: { finalizers: ['cleanup'] } }),
      want: [
        'spec.finalizers: Invalid value: "cleanup": name is neither a standard finalizer name nor is it fully qualified',
      ],
    },
    {
      name: 'a qualified spec finalizer',
      obj: ns({ spec: { finalizers: ['example.com/cleanup'] } }),
      want: [],
    },
  ])('VALKINDS-15 $name', ({ obj, want }) => {
    expect(texts(validateNamespace(obj))).toEqual(want)
  })

  test('VALKINDS-15 update reruns the create checks', () => {
    const bad = ns({ spec: { finalizers: ['cleanup'] } })
    expect(texts(validateNamespaceUpdate(bad, base))).toEqual([
      'spec.finalizers: Invalid value: "cleanup": name is neither a standard finalizer name nor is it fully qualified',
    ])
    expect(validateNamespaceUpdate({ ...base }, base)).toEqual([])
  })

  test.each([
    { name: 'Active without deletionTimestamp', obj: base, want: [] as string[] },
    {
      name: 'Terminating without deletionTimestamp',
      obj: ns({ status: { phase: 'Terminating' } }),
      want: [
        'status.Phase: Invalid value: "Terminating": may only be \'Active\' if `deletionTimestamp` is empty',
      ],
    },
    {
      name: 'Active with deletionTimestamp',
      obj: ns({ metadata: { ...base.metadata, deletionTimestamp: '2024-01-01T00:00:00Z' } }),
      want: [
        'status.Phase: Invalid value: "Active": may only be \'Terminating\' if `deletionTimestamp` is not empty',
      ],
    },
  ])('VALKINDS-15 status update: $name', ({ obj, want }) => {
    // deletionTimestamp is immutable metadata, so the old object carries it too.
    const old = { ...base, metadata: obj.metadata }
    expect(texts(validateNamespaceStatusUpdate(obj, old))).toEqual(want)
  })

  test('VALKINDS-15 finalize checks each entry with its index', () => {
    const obj = ns({ spec: { finalizers: ['kubernetes', 'Bad Name'] } })
    expect(texts(validateNamespaceFinalizeUpdate(obj, base))).toEqual([
      "spec.finalizers[1]: Invalid value: \"Bad Name\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      'spec.finalizers[1]: Invalid value: "Bad Name": name is neither a standard finalizer name nor is it fully qualified',
    ])
  })
})
