import { describe, expect, test } from 'vitest'
import { errorText, type FieldError } from '../field'
import type { KubeObject } from '../types'
import { validateServiceAccount, validateServiceAccountUpdate } from './serviceAccount'

const texts = (errs: FieldError[]): string[] => errs.map(errorText)

const base: KubeObject = {
  apiVersion: 'v1',
  kind: 'ServiceAccount',
  metadata: { name: 'builder', namespace: 'ci', uid: 'u1', resourceVersion: '9' },
}

describe('validateServiceAccount', () => {
  test.each([
    { name: 'a valid ServiceAccount', obj: base, want: [] as string[] },
    {
      name: 'a dotted name (subdomain)',
      obj: { ...base, metadata: { name: 'ci.builder', namespace: 'ci' } },
      want: [],
    },
    {
      name: 'no namespace',
      obj: { ...base, metadata: { name: 'builder' } },
      want: ['metadata.namespace: Required value'],
    },
    {
      name: 'an underscore in the name',
      obj: { ...base, metadata: { name: 'ci_builder', namespace: 'ci' } },
      want: [
        "metadata.name: Invalid value: \"ci_builder\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      ],
    },
  ])('VALKINDS-20 $name', ({ obj, want }) => {
    expect(texts(validateServiceAccount(obj))).toEqual(want)
  })

  test('VALKINDS-20 update checks metadata, then the create rules', () => {
    const renamed = { ...base, metadata: { ...base.metadata, name: 'other' } }
    expect(texts(validateServiceAccountUpdate(renamed, base))).toEqual([
      'metadata.name: Invalid value: "other": field is immutable',
    ])
  })
})
