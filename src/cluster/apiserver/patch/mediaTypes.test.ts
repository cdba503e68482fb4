import { describe, expect, test } from 'vitest'
import {
  BUILTIN_PATCH_TYPES,
  CUSTOM_RESOURCE_PATCH_TYPES,
  patchTypeOf,
  unsupportedPatchType,
} from './mediaTypes'

describe('patch media types', () => {
  test.each([
    {
      header: 'application/strategic-merge-patch+json',
      want: 'application/strategic-merge-patch+json',
    },
    { header: 'application/merge-patch+json; charset=utf-8', want: 'application/merge-patch+json' },
    { header: 'application/json', want: 'application/json' },
  ])('PATCH-30 Content-Type $header', ({ header, want }) => expect(patchTypeOf(header)).toBe(want))

  test('PATCH-30 a custom resource refuses strategic merge patch with 415', () => {
    expect(CUSTOM_RESOURCE_PATCH_TYPES).not.toContain('application/strategic-merge-patch+json')
    expect(unsupportedPatchType(CUSTOM_RESOURCE_PATCH_TYPES)).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message:
        'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml',
      reason: 'UnsupportedMediaType',
      code: 415,
    })
  })

  test('PATCH-31 built-in resources list all four patch types', () => {
    expect(BUILTIN_PATCH_TYPES).toEqual([
      'application/json-patch+json',
      'application/merge-patch+json',
      'application/strategic-merge-patch+json',
      'application/apply-patch+yaml',
    ])
  })
})
