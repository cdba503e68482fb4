import { describe, expect, test } from 'vitest'
import { errorText, fieldPath } from '../field'
import { validateVolumes } from './volumes'

describe('validateVolumes', () => {
  const volPath = fieldPath('spec', 'volumes')
  const runVols = (vols: unknown[]): { names: string[]; errs: string[] } => {
    const r = validateVolumes(vols, volPath)
    return { names: [...r.vols.keys()], errs: r.errs.map(errorText) }
  }
  const rows: { name: string; vols: unknown[]; want: string[] }[] = [
    {
      name: 'common sources',
      vols: [
        { name: 'a', emptyDir: { sizeLimit: '1Gi' } },
        { name: 'b', configMap: { name: 'cm', items: [{ key: 'k', path: 'k.txt', mode: 0o644 }] } },
        { name: 'c', secret: { secretName: 's', defaultMode: 0o400 } },
        { name: 'd', persistentVolumeClaim: { claimName: 'pvc' } },
        { name: 'e', hostPath: { path: '/var/log', type: 'Directory' } },
        {
          name: 'f',
          downwardAPI: {
            items: [
              { path: 'labels', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.labels' } },
            ],
          },
        },
        { name: 'g', nfs: { server: 'nfs', path: '/x' } },
      ],
      want: [],
    },
    {
      name: 'name empty',
      vols: [{ emptyDir: {} }],
      want: ['spec.volumes[0].name: Required value'],
    },
    {
      name: 'name not a label',
      vols: [{ name: 'Data', emptyDir: {} }],
      want: [
        "spec.volumes[0].name: Invalid value: \"Data\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
      ],
    },
    {
      name: 'duplicate name',
      vols: [
        { name: 'a', emptyDir: {} },
        { name: 'a', emptyDir: {} },
      ],
      want: ['spec.volumes[1].name: Duplicate value: "a"'],
    },
    {
      name: 'no source',
      vols: [{ name: 'a' }],
      want: ['spec.volumes[0]: Required value: must specify a volume type'],
    },
    {
      name: 'second source (upstream typo downwarAPI)',
      vols: [{ name: 'a', emptyDir: {}, downwardAPI: {} }],
      want: ['spec.volumes[0].downwarAPI: Forbidden: may not specify more than 1 volume type'],
    },
    {
      name: 'second source (upstream path cephFS)',
      vols: [{ name: 'a', secret: { secretName: 's' }, cephfs: { monitors: ['m'] } }],
      want: ['spec.volumes[0].cephFS: Forbidden: may not specify more than 1 volume type'],
    },
    {
      name: 'configMap without name',
      vols: [{ name: 'a', configMap: {} }],
      want: ['spec.volumes[0].configMap.name: Required value'],
    },
    {
      name: 'secret without secretName',
      vols: [{ name: 'a', secret: {} }],
      want: ['spec.volumes[0].secret.secretName: Required value'],
    },
    {
      name: 'secret defaultMode too large',
      vols: [{ name: 'a', secret: { secretName: 's', defaultMode: 512 } }],
      want: [
        'spec.volumes[0].secret.defaultMode: Invalid value: 512: must be a number between 0 and 0777 (octal), both inclusive',
      ],
    },
    {
      name: 'pvc without claimName',
      vols: [{ name: 'a', persistentVolumeClaim: {} }],
      want: ['spec.volumes[0].persistentVolumeClaim.claimName: Required value'],
    },
    {
      name: 'hostPath without path',
      vols: [{ name: 'a', hostPath: {} }],
      want: ['spec.volumes[0].hostPath.path: Required value'],
    },
    {
      name: 'hostPath type unknown',
      vols: [{ name: 'a', hostPath: { path: '/x', type: 'Dir' } }],
      want: [
        'spec.volumes[0].hostPath.type: Unsupported value: "Dir": supported values: "", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket"',
      ],
    },
    {
      name: 'item path absolute and key missing',
      vols: [{ name: 'a', configMap: { name: 'cm', items: [{ path: '/abs' }] } }],
      want: [
        'spec.volumes[0].configMap.items[0].key: Required value',
        'spec.volumes[0].configMap.items[0].path: Invalid value: "/abs": must be a relative path',
      ],
    },
    {
      name: 'item path starting with ..',
      vols: [{ name: 'a', secret: { secretName: 's', items: [{ key: 'k', path: '..data' }] } }],
      want: [
        'spec.volumes[0].secret.items[0].path: Invalid value: "..data": must not start with \'..\'',
      ],
    },
    {
      name: 'emptyDir negative sizeLimit',
      vols: [{ name: 'a', emptyDir: { sizeLimit: '-1Gi' } }],
      want: [
        'spec.volumes[0].emptyDir.sizeLimit: Forbidden: SizeLimit field must be a valid resource quantity',
      ],
    },
    {
      name: 'downwardAPI item without a ref (reported without the item index)',
      vols: [{ name: 'a', downwardAPI: { items: [{ path: 'x' }] } }],
      want: [
        'spec.volumes[0].downwardAPI: Required value: one of fieldRef and resourceFieldRef is required',
      ],
    },
    {
      name: 'downwardAPI volume field not allowed',
      vols: [
        {
          name: 'a',
          downwardAPI: {
            items: [{ path: 'x', fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } }],
          },
        },
      ],
      want: [
        'spec.volumes[0].downwardAPI.fieldRef.fieldPath: Unsupported value: "spec.nodeName": supported values: "metadata.annotations", "metadata.labels", "metadata.name", "metadata.namespace", "metadata.uid"',
      ],
    },
    {
      name: 'projected token too short and two sources in one',
      vols: [
        {
          name: 'a',
          projected: {
            sources: [
              {
                serviceAccountToken: { path: 'token', expirationSeconds: 60 },
                configMap: { name: 'cm' },
              },
            ],
          },
        },
      ],
      want: [
        'spec.volumes[0].projected.sources[0].serviceAccountToken.expirationSeconds: Invalid value: 60: may not specify a duration less than 10 minutes',
        'spec.volumes[0].projected.sources[0]: Forbidden: may not specify more than 1 volume type per source',
      ],
    },
    {
      name: 'projected duplicate paths',
      vols: [
        {
          name: 'a',
          projected: {
            sources: [
              { configMap: { name: 'one', items: [{ key: 'k', path: 'same' }] } },
              { secret: { name: 'two', items: [{ key: 'k', path: 'same' }] } },
            ],
          },
        },
      ],
      want: ['spec.volumes[0].projected: Invalid value: "two": conflicting duplicate paths'],
    },
  ]
  test.each(rows)('VALPOD-7 $name', ({ vols, want }) => {
    expect(runVols(vols).errs).toEqual(want)
  })
  test('VALPOD-7 only valid volumes can be mounted', () => {
    expect(runVols([{ name: 'ok', emptyDir: {} }, { name: 'bad' }]).names).toEqual(['ok'])
  })
})
