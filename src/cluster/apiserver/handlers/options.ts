/** Query options every mutating verb reads: dryRun and fieldValidation, with upstream's errors. */
import type { Status } from '../../api/types'
import * as status from '../../api/status'
import type { ApiRequest } from '../request'
import { queryParam } from '../request'
import { parseFieldValidation, type FieldValidation } from '../body'

/** Options of a create, update or patch. */
export interface MutationOptions {
  dryRun: boolean
  fieldValidation: FieldValidation
}

/** Read dryRun and fieldValidation; a 400 Status when either is not a supported value. */
export function mutationOptions(req: ApiRequest): MutationOptions | Status {
  const dry = queryParam(req, 'dryRun')
  if (dry !== undefined && dry !== '' && dry !== 'All') {
    // Mirrors staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/validation ValidateDryRun
    return status.badRequest(`Invalid dry run value: dryRun: Unsupported value: []string{"${dry}"}: supported values: "All"`)
  }
  const raw = queryParam(req, 'fieldValidation')
  const fv = parseFieldValidation(raw)
  if (!fv) return status.badRequest(`fieldValidation: Unsupported value: "${raw ?? ''}": supported values: "Ignore", "Strict", "Warn"`)
  return { dryRun: dry === 'All', fieldValidation: fv }
}

/** Warning headers for fields dropped under fieldValidation=Warn. */
export function warningHeaders(warnings: readonly string[]): Record<string, string> | undefined {
  if (!warnings.length) return undefined
  return { Warning: warnings.map((w) => `299 - "${w.replace(/"/g, '\\"')}"`).join(', ') }
}
