import { describe, expect, test } from 'vitest'
import { parseReference } from './reference'

describe('image references (APPS-2)', () => {
  const rows = [
    {
      name: 'short name',
      image: 'nginx',
      normalized: 'docker.io/library/nginx:latest',
      tag: 'latest',
    },
    {
      name: 'short name with tag',
      image: 'nginx:1.25',
      normalized: 'docker.io/library/nginx:1.25',
      tag: '1.25',
    },
    {
      name: 'library path',
      image: 'library/nginx:1.25',
      normalized: 'docker.io/library/nginx:1.25',
      tag: '1.25',
    },
    {
      name: 'docker.io without library',
      image: 'docker.io/nginx:1.25',
      normalized: 'docker.io/library/nginx:1.25',
      tag: '1.25',
    },
    {
      name: 'fully qualified',
      image: 'docker.io/library/nginx:1.25',
      normalized: 'docker.io/library/nginx:1.25',
      tag: '1.25',
    },
    {
      name: 'index.docker.io',
      image: 'index.docker.io/library/nginx:1.25',
      normalized: 'docker.io/library/nginx:1.25',
      tag: '1.25',
    },
    {
      name: 'user repository',
      image: 'kubeplay/demo-api:v2',
      normalized: 'docker.io/kubeplay/demo-api:v2',
      tag: 'v2',
    },
    {
      name: 'other registry',
      image: 'registry.k8s.io/pause:3.9',
      normalized: 'registry.k8s.io/pause:3.9',
      tag: '3.9',
    },
    {
      name: 'registry with port',
      image: 'localhost:5000/app',
      normalized: 'localhost:5000/app:latest',
      tag: 'latest',
    },
  ]
  test.each(rows)('APPS-2 $name', ({ image, normalized, tag }) => {
    const r = parseReference(image)
    expect(r.ok && r.ref.normalized).toBe(normalized)
    expect(r.ok && r.ref.tag).toBe(tag)
  })

  const digest = 'sha256:' + 'a'.repeat(64)
  test('APPS-2 a digest-only reference keeps its digest', () => {
    const r = parseReference(`nginx@${digest}`)
    expect(r.ok && r.ref).toMatchObject({
      repository: 'docker.io/library/nginx',
      tag: '',
      digest,
      normalized: `docker.io/library/nginx@${digest}`,
    })
  })

  const errors = [
    {
      name: 'uppercase',
      image: 'Nginx:1.25',
      error: 'invalid reference format: repository name (library/Nginx) must be lowercase',
    },
    {
      name: 'uppercase path',
      image: 'kubeplay/Demo-API',
      error: 'invalid reference format: repository name (kubeplay/Demo-API) must be lowercase',
    },
    { name: 'bad characters', image: 'nginx:1.25:x', error: 'invalid reference format' },
    { name: 'trailing colon', image: 'nginx:', error: 'invalid reference format' },
    {
      name: 'hex identifier',
      image: 'a'.repeat(64),
      error: `invalid repository name (${'a'.repeat(64)}), cannot specify 64-byte hexadecimal strings`,
    },
  ]
  test.each(errors)(
    "APPS-2 $name is refused with distribution/reference's text",
    ({ image, error }) => {
      expect(parseReference(image)).toEqual({ ok: false, error })
    },
  )
})
