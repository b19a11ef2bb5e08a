// Checks the params of Concordance's own requests (concordance/*): a client sending null or a
// wrong shape gets an InvalidParams error that says what is wrong, not an internal error.
import { ErrorCodes, ResponseError } from 'vscode-languageserver';

/** What a field must be; a trailing "?" makes it optional. */
type Kind = 'string' | 'integer' | 'boolean' | 'string[]' | 'record<string>' | 'position';
export type ParamSpec = Record<string, Kind | `${Kind}?`>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNatural = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v >= 0;

const CHECKS: Record<Kind, (v: unknown) => boolean> = {
  string: (v) => typeof v === 'string',
  integer: (v) => typeof v === 'number' && Number.isInteger(v),
  boolean: (v) => typeof v === 'boolean',
  'string[]': (v) => Array.isArray(v) && v.every((x) => typeof x === 'string'),
  'record<string>': (v) => isRecord(v) && Object.values(v).every((x) => typeof x === 'string'),
  position: (v) => isRecord(v) && isNatural(v.line) && isNatural(v.character),
};

const NAMES: Record<Kind, string> = {
  string: 'a string',
  integer: 'an integer',
  boolean: 'true or false',
  'string[]': 'a list of strings',
  'record<string>': 'an object of strings',
  position: 'a position { line, character }',
};

/**
 * The params, typed, when they have the shape `spec` describes; else throws ResponseError
 * InvalidParams naming the request and the field. `optional`: the params object itself may be
 * null or absent (then an empty object is checked).
 */
export function expectParams<T>(method: string, params: unknown, spec: ParamSpec, optional = false): T {
  if ((params === null || params === undefined) && optional) params = {};
  if (!isRecord(params)) throw new ResponseError(ErrorCodes.InvalidParams, `${method}: params must be an object, not ${params === null ? 'null' : Array.isArray(params) ? 'a list' : typeof params}`);
  for (const [field, want] of Object.entries(spec)) {
    const kind = want.replace(/\?$/, '') as Kind;
    const value = params[field];
    if (value === undefined && want.endsWith('?')) continue;
    if (value === undefined || !CHECKS[kind](value)) {
      throw new ResponseError(ErrorCodes.InvalidParams, `${method}: params.${field} must be ${NAMES[kind]}${value === undefined ? ' (it is missing)' : ''}`);
    }
  }
  return params as T;
}
