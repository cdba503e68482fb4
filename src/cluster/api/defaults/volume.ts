/**
 * Defaults of pod volumes: emptyDir for a volume with no source, file modes, hostPath type,
 * projected token expiry and downward API field selectors.
 * Mirrors pkg/apis/core/v1/defaults.go (SetDefaults_Volume, SetDefaults_*VolumeSource,
 * SetDefaults_ServiceAccountTokenProjection, SetDefaults_PersistentVolumeClaimSpec).
 */
import { defaultObjectFieldSelector } from './container'
import { child, defaultPointer, items, isNil, type Obj } from './walk'

/** 0644, the default file mode of secret, configMap, downwardAPI and projected volumes. */
export const defaultVolumeFileMode = 420

// Every VolumeSource member of core/v1 Volume; a volume with none of them gets emptyDir.
const volumeSources = [
  'awsElasticBlockStore',
  'azureDisk',
  'azureFile',
  'cephfs',
  'cinder',
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'fc',
  'flexVolume',
  'flocker',
  'gcePersistentDisk',
  'gitRepo',
  'glusterfs',
  'hostPath',
  'image',
  'iscsi',
  'nfs',
  'persistentVolumeClaim',
  'photonPersistentDisk',
  'portworxVolume',
  'projected',
  'quobyte',
  'rbd',
  'scaleIO',
  'secret',
  'storageos',
  'vsphereVolume',
]

// SetDefaults_PersistentVolumeClaimSpec (volumeMode Filesystem), here for the claim template of
// an ephemeral volume: the PersistentVolumeClaim kind itself is not served.
function defaultPersistentVolumeClaimSpec(spec: Obj): void {
  defaultPointer(spec, 'volumeMode', 'Filesystem')
}

function defaultDownwardAPIItems(owner: Obj): void {
  for (const item of items(owner, 'items')) {
    const fieldRef = child(item, 'fieldRef')
    if (fieldRef) defaultObjectFieldSelector(fieldRef)
  }
}

// SetDefaults_HostPathVolumeSource: type "" (HostPathUnset) is written out.
function defaultHostPath(hostPath: Obj): void {
  defaultPointer(hostPath, 'type', '')
}

/** Every default of one pod volume. */
export function defaultVolume(v: Obj): void {
  // Mirrors SetDefaults_Volume: ptr.AllPtrFieldsNil(&obj.VolumeSource)
  if (volumeSources.every((key) => isNil(v[key]))) v.emptyDir = {}
  const hostPath = child(v, 'hostPath')
  if (hostPath) defaultHostPath(hostPath)
  for (const key of ['secret', 'configMap']) {
    const source = child(v, key)
    if (source) defaultPointer(source, 'defaultMode', defaultVolumeFileMode)
  }
  const downwardAPI = child(v, 'downwardAPI')
  if (downwardAPI) {
    defaultPointer(downwardAPI, 'defaultMode', defaultVolumeFileMode)
    defaultDownwardAPIItems(downwardAPI)
  }
  const projected = child(v, 'projected')
  if (projected) {
    defaultPointer(projected, 'defaultMode', defaultVolumeFileMode)
    for (const source of items(projected, 'sources')) {
      const downward = child(source, 'downwardAPI')
      if (downward) defaultDownwardAPIItems(downward)
      const token = child(source, 'serviceAccountToken')
      // SetDefaults_ServiceAccountTokenProjection: one hour.
      if (token) defaultPointer(token, 'expirationSeconds', 3600)
    }
  }
  const ephemeral = child(v, 'ephemeral')
  const claimTemplate = ephemeral && child(ephemeral, 'volumeClaimTemplate')
  const claimSpec = claimTemplate && child(claimTemplate, 'spec')
  if (claimSpec) defaultPersistentVolumeClaimSpec(claimSpec)
}
