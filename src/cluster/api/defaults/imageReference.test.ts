import { describe, expect, test } from 'vitest'
import { defaultImagePullPolicy, imageTag } from './imageReference'

const sha = 'sha256:' + 'a'.repeat(64)

const rows: { name: string; image: unknown; tag: string; policy: string }[] = [
  { name: 'no tag means latest', image: 'nginx', tag: 'latest', policy: 'Always' },
  { name: 'explicit latest', image: 'nginx:latest', tag: 'latest', policy: 'Always' },
  { name: 'versioned tag', image: 'nginx:1.25', tag: '1.25', policy: 'IfNotPresent' },
  {
    name: 'registry port is not a tag',
    image: 'localhost:5000/app',
    tag: 'latest',
    policy: 'Always',
  },
  {
    name: 'registry port and tag',
    image: 'localhost:5000/app:v2',
    tag: 'v2',
    policy: 'IfNotPresent',
  },
  {
    name: 'registry host with path',
    image: 'registry.k8s.io/pause:3.9',
    tag: '3.9',
    policy: 'IfNotPresent',
  },
  { name: 'user repository', image: 'bitnami/redis', tag: 'latest', policy: 'Always' },
  { name: 'digest only', image: `nginx@${sha}`, tag: '', policy: 'IfNotPresent' },
  { name: 'latest tag with digest', image: `nginx:latest@${sha}`, tag: 'latest', policy: 'Always' },
  { name: 'tag and digest', image: `nginx:1.25@${sha}`, tag: '1.25', policy: 'IfNotPresent' },
  {
    name: 'malformed digest fails to parse',
    image: 'nginx:latest@sha256:abc',
    tag: '',
    policy: 'IfNotPresent',
  },
  { name: 'uppercase repository fails to parse', image: 'NGINX', tag: '', policy: 'IfNotPresent' },
  {
    name: 'uppercase tag is allowed',
    image: 'nginx:Latest',
    tag: 'Latest',
    policy: 'IfNotPresent',
  },
  {
    name: 'uppercase registry host is allowed',
    image: 'Registry.example.com/app',
    tag: 'latest',
    policy: 'Always',
  },
  { name: '64-hex identifier is refused', image: 'a'.repeat(64), tag: '', policy: 'IfNotPresent' },
  { name: 'empty image fails to parse', image: '', tag: '', policy: 'IfNotPresent' },
  { name: 'missing image', image: undefined, tag: '', policy: 'IfNotPresent' },
  { name: 'ipv6 registry', image: '[::1]:5000/app:1', tag: '1', policy: 'IfNotPresent' },
  { name: 'tag too long', image: 'nginx:' + 'a'.repeat(129), tag: '', policy: 'IfNotPresent' },
]

describe('image reference parsing', () => {
  test.each(rows)('DEF-8 $name', ({ image, tag, policy }) => {
    if (typeof image === 'string') expect(imageTag(image)).toBe(tag)
    expect(defaultImagePullPolicy(image)).toBe(policy)
  })
})
