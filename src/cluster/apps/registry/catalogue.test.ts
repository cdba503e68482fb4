import { describe, expect, test } from 'vitest'
import { pullFailure, resolveImage } from './catalogue'
import { syntheticDigest } from './digest'

describe('the image catalogue (APPS-1, APPS-3)', () => {
  const exists = [
    { name: 'nginx', image: 'nginx', reference: 'docker.io/library/nginx:latest' },
    { name: 'nginx any tag', image: 'nginx:1.19', reference: 'docker.io/library/nginx:1.19' },
    {
      name: 'nginx fully qualified',
      image: 'docker.io/library/nginx:1.25',
      reference: 'docker.io/library/nginx:1.25',
    },
    {
      name: 'nginx through a mirror',
      image: 'mirror.gcr.io/library/nginx:1.25',
      reference: 'mirror.gcr.io/library/nginx:1.25',
    },
    {
      name: 'nginx from the ECR gallery',
      image: 'public.ecr.aws/docker/library/nginx:1.26',
      reference: 'public.ecr.aws/docker/library/nginx:1.26',
    },
    { name: 'busybox', image: 'busybox:1.36', reference: 'docker.io/library/busybox:1.36' },
    { name: 'alpine', image: 'alpine', reference: 'docker.io/library/alpine:latest' },
    {
      name: 'demo-api v1',
      image: 'kubeplay/demo-api:v1',
      reference: 'docker.io/kubeplay/demo-api:v1',
    },
    {
      name: 'demo-api latest',
      image: 'kubeplay/demo-api',
      reference: 'docker.io/kubeplay/demo-api:latest',
    },
    { name: 'stress', image: 'polinux/stress', reference: 'docker.io/polinux/stress:latest' },
    { name: 'pause', image: 'registry.k8s.io/pause:3.9', reference: 'registry.k8s.io/pause:3.9' },
    {
      name: 'pause from k8s.gcr.io',
      image: 'k8s.gcr.io/pause:3.9',
      reference: 'k8s.gcr.io/pause:3.9',
    },
  ]
  test.each(exists)('APPS-1 $name resolves', ({ image, reference }) => {
    expect(resolveImage(image)?.reference).toBe(reference)
  })

  test('APPS-3 aliases of one image share its digest', () => {
    const ids = [
      'nginx:1.25',
      'docker.io/library/nginx:1.25',
      'mirror.gcr.io/library/nginx:1.25',
    ].map((i) => resolveImage(i)?.imageID.split('@')[1])
    expect(new Set(ids).size).toBe(1)
    expect(resolveImage('nginx:1.25')?.imageID).toBe(
      `docker.io/library/nginx@${syntheticDigest('docker.io/library/nginx:1.25')}`,
    )
    expect(resolveImage('nginx:1.26')?.imageID).not.toBe(resolveImage('nginx:1.25')?.imageID)
  })

  test('APPS-3 a digest reference resolves to the tag it names', () => {
    const digest = syntheticDigest('docker.io/kubeplay/demo-api:v3')
    expect(resolveImage(`kubeplay/demo-api@${digest}`)?.imageID).toBe(
      `docker.io/kubeplay/demo-api@${digest}`,
    )
    expect(resolveImage(`kubeplay/demo-api@sha256:${'0'.repeat(64)}`)).toBeUndefined()
  })

  const missing = [
    {
      name: 'a typo on Docker Hub',
      image: 'ngnix',
      error:
        'rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/library/ngnix:latest": failed to resolve reference "docker.io/library/ngnix:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    },
    {
      name: 'a tag the demo API does not have',
      image: 'kubeplay/demo-api:v9',
      error:
        'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/kubeplay/demo-api:v9": failed to resolve reference "docker.io/kubeplay/demo-api:v9": docker.io/kubeplay/demo-api:v9: not found',
    },
    {
      name: 'a private registry that does not resolve',
      image: 'registry.example.com/team/app:1.0',
      error:
        'rpc error: code = Unknown desc = failed to pull and unpack image "registry.example.com/team/app:1.0": failed to resolve reference "registry.example.com/team/app:1.0": failed to do request: Head "https://registry.example.com/v2/team/app/manifests/1.0": dial tcp: lookup registry.example.com on 172.18.0.1:53: no such host',
    },
    {
      name: 'a repository a public registry does not have',
      image: 'ghcr.io/someone/thing:1',
      error:
        'rpc error: code = NotFound desc = failed to pull and unpack image "ghcr.io/someone/thing:1": failed to resolve reference "ghcr.io/someone/thing:1": ghcr.io/someone/thing:1: not found',
    },
  ]
  test.each(missing)(
    "APPS-1 $name does not exist and fails with containerd's message",
    ({ image, error }) => {
      expect(resolveImage(image)).toBeUndefined()
      expect(pullFailure(image)).toBe(error)
    },
  )

  test('APPS-1 pull time grows with image size', () => {
    const nginx = resolveImage('nginx:1.25')
    const busybox = resolveImage('busybox')
    expect(nginx && busybox && nginx.pullMs > busybox.pullMs).toBe(true)
    expect(nginx?.sizeBytes).toBeGreaterThan(60_000_000)
    expect(busybox?.sizeBytes).toBeLessThan(3_000_000)
  })
})

describe('the pause image (APPS-11)', () => {
  test('APPS-11 pause sleeps silently and exits at once on SIGTERM', () => {
    const app = resolveImage('registry.k8s.io/pause:3.9')?.start({
      command: undefined,
      args: undefined,
      env: {},
      startedAt: 0,
      hostname: 'p',
      namespace: 'default',
      podIP: '10.64.0.2',
      probeSourceIP: '10.64.0.1',
      cpus: 1,
      kernel: '6.1.0-kubeplay',
      ports: [],
    })
    expect(app?.exit).toBeUndefined()
    expect(app?.logs(60_000, 10)).toEqual([])
    expect(app?.signal('SIGTERM', 1000)).toEqual({ afterMs: 0, code: 0 })
  })
})
