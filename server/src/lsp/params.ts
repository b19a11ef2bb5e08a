// Checks the params of every request the server handles (the LSP ones and Concordance's own
// concordance/*): a client sending null or a wrong shape gets an InvalidParams error that says what
// is wrong, not an internal error.
import { ErrorCodes, ResponseError } from 'vscode-languageserver';

/** What a field must be; a trailing "?" makes it optional. */
type Kind = 'string' | 'integer' | 'boolean' | 'string[]' | 'record<string>' | 'position' | 'range' | 'object' | 'object[]';
/** A field's kind, or the spec of a nested object (required). */
export type ParamSpec = { [field: string]: Kind | `${Kind}?` | ParamSpec };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNatural = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v >= 0;

const CHECKS: Record<Kind, (v: unknown) => boolean> = {
  string: (v) => typeof v === 'string',
  integer: (v) => typeof v === 'number' && Number.isInteger(v),
  boolean: (v) => typeof v === 'boolean',
  'string[]': (v) => Array.isArray(v) && v.every((x) => typeof x === 'string'),
  'record<string>': (v) => isRecord(v) && Object.values(v).every((x) => typeof x === 'string'),
  position: (v) => isRecord(v) && isNatural(v.line) && isNatural(v.character),
  range: (v) => isRecord(v) && CHECKS.position(v.start) && CHECKS.position(v.end),
  object: isRecord,
  'object[]': (v) => Array.isArray(v) && v.every(isRecord),
};

const NAMES: Record<Kind, string> = {
  string: 'a string',
  integer: 'an integer',
  boolean: 'true or false',
  'string[]': 'a list of strings',
  'record<string>': 'an object of strings',
  position: 'a position { line, character } of natural numbers',
  range: 'a range { start, end } of positions',
  object: 'an object',
  'object[]': 'a list of objects',
};

/** The params of a request about a document, as LSP defines them. */
export const DOCUMENT: ParamSpec = { textDocument: { uri: 'string' } };
export const DOCUMENT_POSITION: ParamSpec = { textDocument: { uri: 'string' }, position: 'position' };
export const CODE_ACTION: ParamSpec = { textDocument: { uri: 'string' }, range: 'range', context: { diagnostics: 'object[]', only: 'string[]?' } };
export const WORKSPACE_SYMBOL: ParamSpec = { query: 'string' };

/**
 * The params, typed, when they have the shape `spec` describes; else throws ResponseError
 * InvalidParams naming the request and the field. `optional`: the params object itself may be
 * null or absent (then an empty object is checked).
 */
export function expectParams<T>(method: string, params: unknown, spec: ParamSpec, optional = false): T {
  if ((params === null || params === undefined) && optional) params = {};
  checkObject(method, 'params', params, spec);
  return params as T;
}

function checkObject(method: string, where: string, value: unknown, spec: ParamSpec): void {
  if (!isRecord(value)) throw new ResponseError(ErrorCodes.InvalidParams, `${method}: ${where} must be an object, not ${value === null ? 'null' : value === undefined ? 'missing' : Array.isArray(value) ? 'a list' : typeof value}`);
  for (const [field, want] of Object.entries(spec)) {
    const v = value[field];
    if (typeof want !== 'string') {
      checkObject(method, `${where}.${field}`, v, want);
      continue;
    }
    const kind = want.replace(/\?$/, '') as Kind;
    if (v === undefined && want.endsWith('?')) continue;
    if (v === undefined || !CHECKS[kind](v)) {
      throw new ResponseError(ErrorCodes.InvalidParams, `${method}: ${where}.${field} must be ${NAMES[kind]}${v === undefined ? ' (it is missing)' : ''}`);
    }
  }
}
