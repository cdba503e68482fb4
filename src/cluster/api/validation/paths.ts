/**
 * Path checks shared by volumes, volume mounts and seccomp profiles.
 * Mirrors pkg/apis/core/validation/validation.go validatePathNoBacksteps,
 * validateLocalDescendingPath and ValidateLocalNonReservedPath
 */
import { invalid, type FieldError, type FieldPath } from '../field'

/** validatePathNoBacksteps: no '..' path element. */
export function validatePathNoBacksteps(targetPath: string, fldPath: FieldPath): FieldError[] {
  return targetPath.replace(/\\/g, '/').split('/').includes('..')
    ? [invalid(fldPath, targetPath, "must not contain '..'")]
    : []
}

/** validateLocalDescendingPath: relative, without '..' elements. */
export function validateLocalDescendingPath(targetPath: string, fldPath: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  if (targetPath.startsWith('/')) errs.push(invalid(fldPath, targetPath, 'must be a relative path'))
  errs.push(...validatePathNoBacksteps(targetPath, fldPath))
  return errs
}

/** ValidateLocalNonReservedPath: a local descending path that does not start with '..'. */
export function validateLocalNonReservedPath(targetPath: string, fldPath: FieldPath): FieldError[] {
  const errs = validateLocalDescendingPath(targetPath, fldPath)
  // The '..' element check already caught "../x".
  if (targetPath.startsWith('..') && !targetPath.startsWith('../')) {
    errs.push(invalid(fldPath, targetPath, "must not start with '..'"))
  }
  return errs
}
