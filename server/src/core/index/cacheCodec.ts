import type { Located, Range } from '../types';

/**
 * A value written into the cache compactly and read back with its shape checked in the same
 * pass: records become arrays in the order of their fields, ranges four numbers. Reading
 * a value of another shape throws, once for the whole value.
 */
export interface Codec<T> {
  encode(value: T): unknown;
  decode(raw: unknown): T;
}

/** Thrown by a decoder for a value of another shape; made once, since a cache read from elsewhere may throw it often. */
const NOT_THIS_SHAPE = new Error('not a value of this shape');

const mismatch = (): never => {
  throw NOT_THIS_SHAPE;
};

function primitive<T>(is: (value: unknown) => value is T): Codec<T> {
  return { encode: (value) => value, decode: (raw) => (is(raw) ? raw : mismatch()) };
}

export const str = primitive((v): v is string => typeof v === 'string');
export const num = primitive((v): v is number => typeof v === 'number');
export const bool = primitive((v): v is boolean => typeof v === 'boolean');

export function oneOf<const T extends string>(values: readonly T[]): Codec<T> {
  return primitive((v): v is T => (values as readonly unknown[]).includes(v));
}

/** Absent is written as null, so that records keep their places. */
export function optional<T>(codec: Codec<T>): Codec<T | undefined> {
  return { encode: (value) => (value === undefined ? null : codec.encode(value)), decode: (raw) => (raw === null ? undefined : codec.decode(raw)) };
}

export function arrayOf<T>(codec: Codec<T>): Codec<readonly T[]> {
  return {
    encode: (values) => values.map((v) => codec.encode(v)),
    decode: (raw) => (Array.isArray(raw) ? raw.map((v) => codec.decode(v)) : mismatch()),
  };
}

/**
 * Questions and their answers, one after the other (as the reads of a document's rules are
 * written): arrays of strings parse several times faster than objects with as many keys.
 */
export const questionsAndAnswers: Codec<readonly (string | boolean)[]> = {
  encode: (value) => value,
  decode: (raw) => {
    if (!Array.isArray(raw) || raw.length % 2 !== 0) return mismatch();
    for (let i = 0; i < raw.length; i += 2) if (typeof raw[i] !== 'string' || (typeof raw[i + 1] !== 'string' && typeof raw[i + 1] !== 'boolean')) mismatch();
    return raw as (string | boolean)[];
  },
};

/** Four numbers of `raw` from `at`, as a range. */
function rangeAt(raw: readonly unknown[], at: number): Range {
  const line = raw[at];
  const character = raw[at + 1];
  const endLine = raw[at + 2];
  const endCharacter = raw[at + 3];
  if (typeof line !== 'number' || typeof character !== 'number' || typeof endLine !== 'number' || typeof endCharacter !== 'number') return mismatch();
  return { start: { line, character }, end: { line: endLine, character: endCharacter } };
}

const rangeItems = (r: Range): number[] => [r.start.line, r.start.character, r.end.line, r.end.character];

export const range: Codec<Range> = {
  encode: rangeItems,
  decode: (raw) => (Array.isArray(raw) && raw.length === 4 ? rangeAt(raw, 0) : mismatch()),
};

/**
 * `{ value, range }` as five array items; the most frequent record of a document (ids,
 * criteria, topics), so it is read without the generic record's keyed stores.
 */
export function located<T>(value: Codec<T>): Codec<Located<T>> {
  return {
    encode: (l) => [value.encode(l.value), ...rangeItems(l.range)],
    decode: (raw) => (Array.isArray(raw) && raw.length === 5 ? { value: value.decode(raw[0]), range: rangeAt(raw, 1) } : mismatch()),
  };
}

/**
 * A record as an array of its fields, each with its codec; a field absent from the record is
 * absent from what is read back. Every field of `T` needs a codec, so a field added to the
 * type does not compile until it says how it is kept.
 */
export function record<T extends object>(fields: { readonly [K in keyof T]-?: Codec<T[K]> }): Codec<T> {
  const keys = Object.keys(fields) as (keyof T & string)[];
  const codecs = keys.map((k) => fields[k] as Codec<unknown>);
  return {
    encode: (value) => keys.map((k, i) => codecs[i].encode(value[k])),
    decode: (raw) => {
      if (!Array.isArray(raw) || raw.length !== keys.length) return mismatch();
      const value: Record<string, unknown> = {};
      for (let i = 0; i < keys.length; i++) {
        const decoded = codecs[i].decode(raw[i]);
        if (decoded !== undefined) value[keys[i]] = decoded;
      }
      return value as T;
    },
  };
}
