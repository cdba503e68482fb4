import { describe, expect, test } from 'vitest'
import type { Deployment } from '../../replicaset/types'
import { maxSurge, maxUnavailable, resolveFenceposts, scaledValue } from './intOrPercent'

// Rows from pkg/controller/deployment/util/deployment_util_test.go (TestResolveFenceposts,
// TestMaxUnavailable) and intstr_test.go (TestGetScaledValueFromIntOrPercent).

describe('DEPLOY-6 ResolveFenceposts', () => {
  test.each([
    {
      name: '0%/0% of 0',
      surge: '0%',
      unavailable: '0%',
      desired: 0,
      want: { surge: 0, unavailable: 1 },
    },
    {
      name: '39%/39% of 10',
      surge: '39%',
      unavailable: '39%',
      desired: 10,
      want: { surge: 4, unavailable: 3 },
    },
    { name: 'oops/39%', surge: 'oops', unavailable: '39%', desired: 10, want: undefined },
    { name: '55%/urg', surge: '55%', unavailable: 'urg', desired: 10, want: undefined },
    {
      name: 'nil/39%',
      surge: undefined,
      unavailable: '39%',
      desired: 10,
      want: { surge: 0, unavailable: 3 },
    },
    {
      name: '39%/nil',
      surge: '39%',
      unavailable: undefined,
      desired: 10,
      want: { surge: 4, unavailable: 0 },
    },
    {
      name: 'nil/nil',
      surge: undefined,
      unavailable: undefined,
      desired: 10,
      want: { surge: 0, unavailable: 1 },
    },
    {
      name: '25%/25% of 1 (surge rounds up, unavailable down)',
      surge: '25%',
      unavailable: '25%',
      desired: 1,
      want: { surge: 1, unavailable: 0 },
    },
    {
      name: '0/1%',
      surge: '0%',
      unavailable: '1%',
      desired: 1,
      want: { surge: 0, unavailable: 1 },
    },
    { name: 'ints 3/2', surge: 3, unavailable: 2, desired: 10, want: { surge: 3, unavailable: 2 } },
  ])('DEPLOY-6 $name', ({ surge, unavailable, desired, want }) => {
    const r = resolveFenceposts(surge, unavailable, desired)
    if (want === undefined) expect(r.ok).toBe(false)
    else expect(r).toEqual({ ok: true, ...want })
  })

  test.each([
    { name: 'int', v: 5, total: 10, up: false, want: 5 },
    { name: '50% of 10', v: '50%', total: 10, up: false, want: 5 },
    { name: '33% of 10 down', v: '33%', total: 10, up: false, want: 3 },
    { name: '33% of 10 up', v: '33%', total: 10, up: true, want: 4 },
    { name: '90% of 5 up', v: '90%', total: 5, up: true, want: 5 },
  ])('DEPLOY-6 GetScaledValueFromIntOrPercent: $name', ({ v, total, up, want }) => {
    expect(scaledValue(v, total, up)).toEqual({ ok: true, value: want })
  })

  test("DEPLOY-6 a non-percent string is refused with intstr's text", () => {
    expect(scaledValue('5', 10, true)).toEqual({
      ok: false,
      error: 'invalid value for IntOrString: invalid type: string is not a percentage',
    })
    expect(scaledValue('x%', 10, true)).toEqual({
      ok: false,
      error:
        'invalid value for IntOrString: invalid value "x%": strconv.Atoi: parsing "x": invalid syntax',
    })
  })
})

describe('DEPLOY-6 MaxUnavailable and MaxSurge', () => {
  const d = (
    replicas: number,
    maxUnavailable: number | string,
    type = 'RollingUpdate',
  ): Deployment =>
    ({
      metadata: { name: 'd', uid: 'u', resourceVersion: '1' },
      spec: {
        replicas,
        selector: {},
        template: {},
        strategy:
          type === 'RollingUpdate'
            ? { type, rollingUpdate: { maxSurge: 1, maxUnavailable } }
            : { type },
      },
    }) as unknown as Deployment
  test.each([
    { name: 'maxUnavailable less than replicas', dep: d(10, 5), want: 5 },
    { name: 'maxUnavailable equal replicas', dep: d(10, 10), want: 10 },
    { name: 'maxUnavailable greater than replicas', dep: d(5, 10), want: 5 },
    { name: 'maxUnavailable with replicas is 0', dep: d(0, 10), want: 0 },
    {
      name: 'maxUnavailable with Recreate deployment strategy',
      dep: d(10, 5, 'Recreate'),
      want: 0,
    },
    { name: 'maxUnavailable less than replicas with percents', dep: d(10, '50%'), want: 5 },
    { name: 'maxUnavailable equal replicas with percents', dep: d(10, '100%'), want: 10 },
    { name: 'maxUnavailable greater than replicas with percents', dep: d(5, '100%'), want: 5 },
  ])('DEPLOY-6 $name', ({ dep, want }) => {
    expect(maxUnavailable(dep)).toBe(want)
  })
  test('DEPLOY-6 MaxSurge is 0 for Recreate', () => {
    expect(maxSurge(d(10, 5, 'Recreate'))).toBe(0)
    expect(maxSurge(d(10, 5))).toBe(1)
  })
})
