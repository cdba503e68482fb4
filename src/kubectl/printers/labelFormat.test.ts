import type { LabelSelector } from 'kubernetes-types/meta/v1'
import { describe, expect, test } from 'vitest'
import { formatLabelSelector, formatLabels, selectorString } from './labelFormat'

interface LabelsRow {
  name: string
  labels: Record<string, string> | undefined
  want: string
}
interface SelectorRow {
  name: string
  sel: LabelSelector | undefined
  str: string
  fmt: string
}

const labelRows: LabelsRow[] = [
  { name: 'empty', labels: {}, want: '<none>' },
  { name: 'missing', labels: undefined, want: '<none>' },
  { name: 'sorted by key', labels: { tier: 'web', app: 'shop' }, want: 'app=shop,tier=web' },
]

describe('labelFormat', () => {
  test.each(labelRows)('LBL-1 formatLabels $name', ({ labels, want }) => {
    expect(formatLabels(labels)).toBe(want)
  })

  const selectorRows: SelectorRow[] = [
    { name: 'nil', sel: undefined, str: '', fmt: '<none>' },
    { name: 'empty', sel: {}, str: '', fmt: '<none>' },
    {
      name: 'matchLabels',
      sel: { matchLabels: { b: '2', a: '1' } },
      str: 'a=1,b=2',
      fmt: 'a=1,b=2',
    },
    {
      name: 'matchExpressions',
      sel: {
        matchLabels: { app: 'web' },
        matchExpressions: [
          { key: 'tier', operator: 'In', values: ['fe', 'be'] },
          { key: 'env', operator: 'NotIn', values: ['dev'] },
          { key: 'canary', operator: 'DoesNotExist' },
          { key: 'zone', operator: 'Exists' },
        ],
      },
      str: 'app=web,!canary,env notin (dev),tier in (be,fe),zone',
      fmt: 'app=web,!canary,env notin (dev),tier in (be,fe),zone',
    },
  ]
  test.each(selectorRows)('LBL-2 selector $name', ({ sel, str, fmt }) => {
    expect(selectorString(sel)).toBe(str)
    expect(formatLabelSelector(sel)).toBe(fmt)
  })
})
