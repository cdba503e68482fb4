/**
 * The simulated registry: which images exist, under which names, and what a pull of one that
 * does not exist fails with (containerd's messages as the kubelet reports them).
 */
import type { AppModel } from '../types'
import { busyboxModel } from '../images/busybox'
import { demoApiModel, demoApiTags } from '../images/demoApi'
import { nginxModel } from '../images/nginx'
import { pauseModel } from '../images/pause'
import { stressModel } from '../images/stress'
import { syntheticDigest } from './digest'
import { parseReference, type ParsedReference } from './reference'

type Factory = (ref: ParsedReference) => AppModel | undefined

/** Repositories the registry serves, by canonical name. */
const repositories: Record<string, Factory | undefined> = {
  'docker.io/library/nginx': nginxModel,
  'docker.io/library/busybox': (ref) => busyboxModel(ref, 'busybox'),
  'docker.io/library/alpine': (ref) => busyboxModel(ref, 'alpine'),
  'docker.io/kubeplay/demo-api': demoApiModel,
  'docker.io/polinux/stress': stressModel,
  'registry.k8s.io/pause': pauseModel,
}

/** Tags a digest-only reference is checked against, per repository. */
const knownTags: Record<string, readonly string[]> = {
  'docker.io/kubeplay/demo-api': Object.keys(demoApiTags),
}
const commonTags = [
  'latest',
  'stable',
  'mainline',
  'alpine',
  '1.25',
  '1.26',
  '1.27',
  '1.36',
  '3.19',
  '3.20',
  '3.9',
  '3.10',
]

// Mirrors that serve Docker Hub's (and the old k8s.gcr.io) images under other names.
const mirrors: [string, string][] = [
  ['mirror.gcr.io/', 'docker.io/'],
  ['registry.hub.docker.com/', 'docker.io/'],
  ['public.ecr.aws/docker/library/', 'docker.io/library/'],
  ['k8s.gcr.io/', 'registry.k8s.io/'],
]

// Public registries that answer "not found" for a repository they do not have.
const publicRegistries = new Set([
  'docker.io',
  'registry.k8s.io',
  'ghcr.io',
  'quay.io',
  'gcr.io',
  'mcr.microsoft.com',
  'public.ecr.aws',
  'mirror.gcr.io',
  'registry.hub.docker.com',
  'k8s.gcr.io',
])

/** The canonical repository an image name stands for (mirrors folded onto Docker Hub). */
export function canonicalRepository(repository: string): string {
  for (const [from, to] of mirrors)
    if (`${repository}/`.startsWith(from))
      return to + `${repository}/`.slice(from.length).replace(/\/$/, '')
  return repository
}

/** The model behind an image reference, or undefined when the registry has no such image. */
export function resolveImage(image: string): AppModel | undefined {
  const parsed = parseReference(image)
  if (!parsed.ok) return undefined
  const ref = parsed.ref
  const canonical = canonicalRepository(ref.repository)
  const factory = repositories[canonical]
  if (!factory) return undefined
  if (ref.digest && !ref.tag) {
    // A digest names one manifest: find the tag it belongs to, or there is no such image.
    const tags = knownTags[canonical] ?? commonTags
    const tag = tags.find((t) => syntheticDigest(`${canonical}:${t}`) === ref.digest)
    return tag === undefined ? undefined : factory({ ...ref, tag })
  }
  return factory(ref)
}

/** How long a failing pull takes before the registry's answer comes back (virtual ms). */
export const pullFailureMs = 1000

/** The error a pull of a missing image fails with, as the kubelet reports it from containerd. */
export function pullFailure(image: string): string {
  const parsed = parseReference(image)
  if (!parsed.ok) return parsed.error
  const ref = parsed.ref
  const full = ref.normalized
  const unpack = `failed to pull and unpack image "${full}": failed to resolve reference "${full}"`
  const canonical = canonicalRepository(ref.repository)
  if (repositories[canonical])
    return `rpc error: code = NotFound desc = ${unpack}: ${full}: not found`
  if (ref.domain === 'docker.io') {
    return `rpc error: code = Unknown desc = ${unpack}: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`
  }
  if (publicRegistries.has(ref.domain))
    return `rpc error: code = NotFound desc = ${unpack}: ${full}: not found`
  const host = ref.domain.replace(/:[0-9]+$/, '')
  const manifest = ref.digest && !ref.tag ? ref.digest : ref.tag
  return `rpc error: code = Unknown desc = ${unpack}: failed to do request: Head "https://${ref.domain}/v2/${ref.path}/manifests/${manifest}": dial tcp: lookup ${host} on 172.18.0.1:53: no such host`
}
