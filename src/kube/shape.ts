// Checking objects read in bulk (10,000 ChaosResults) against their zod schema without zod's copy.
// zod builds a new object for every object it checks; on 10,000 results that is a third of all the
// memory `report` allocates (bench/README.md). Most objects already have the shape, so each schema is
// first turned, once, into a plain predicate over its definition, and a value that plainly fits is
// handed back as it is. Anything the predicate cannot be sure of (a transform, a refinement, a check
// it does not know) goes to zod, which stays the only judge of what is wrong (said in plain words).
import type { z } from 'zod';
import { plainWords } from '../schema-issues.ts';

/** `fits`: zod would accept the value and return it unchanged; `misfits`: zod would reject it. */
type Fit = 'fits' | 'misfits' | 'ask zod';
type Predicate = (value: unknown) => Fit;

/** zod's result for `value` (in plainWords), with the value itself as the data when it already has the shape. */
export function parseShape<T extends z.ZodType>(
  schema: T,
  value: unknown,
): z.ZodSafeParseResult<z.output<T>> {
  return predicateOf(schema)(value) === 'fits'
    ? { success: true, data: value as z.output<T> }
    : schema.safeParse(value, plainWords);
}

const predicates = new WeakMap<z.core.$ZodType, Predicate>();

function predicateOf(schema: z.core.$ZodType): Predicate {
  let predicate = predicates.get(schema);
  if (!predicate) {
    // Set before building, so a schema that contains itself refers to the finished predicate.
    let built: Predicate = () => 'ask zod';
    predicates.set(schema, (value) => built(value));
    built = build(schema);
    predicates.set(schema, built);
    predicate = built;
  }
  return predicate;
}

const askZod: Predicate = () => 'ask zod';
const typeOf =
  (type: 'string' | 'boolean'): Predicate =>
  (value) =>
    typeof value === type ? 'fits' : 'misfits';

function build(schema: z.core.$ZodType): Predicate {
  const def = schema._zod.def as z.core.$ZodTypes['_zod']['def'];
  if (def.checks?.length && def.type !== 'number') return askZod;
  switch (def.type) {
    case 'unknown':
      return () => 'fits';
    case 'string':
    case 'boolean':
      return typeOf(def.type);
    case 'number':
      return numberPredicate(def.checks ?? []);
    case 'enum': {
      const values = new Set<unknown>(Object.values(def.entries));
      return (value) => (values.has(value) ? 'fits' : 'misfits');
    }
    case 'optional': {
      const inner = predicateOf(def.innerType);
      return (value) => (value === undefined ? 'fits' : inner(value));
    }
    case 'array': {
      const element = predicateOf(def.element);
      return (value) => (Array.isArray(value) ? allFit(value, element) : 'misfits');
    }
    case 'record':
      return recordPredicate(def);
    case 'object':
      return objectPredicate(def);
    case 'union':
      return def.inclusive === false ? askZod : unionPredicate(def.options.map(predicateOf));
    default:
      return askZod;
  }
}

function objectPredicate(def: z.core.$ZodObjectDef): Predicate {
  const keys = Object.keys(def.shape);
  const fields = keys.map((key) => predicateOf(def.shape[key] as z.core.$ZodType));
  // A loose object keeps what it does not name; a strict or stripping one would refuse or drop it.
  const keepsOthers = def.catchall?._zod.def.type === 'unknown';
  return (value) => {
    if (!isPlainObject(value)) return 'misfits';
    // Index loops: this runs for every object of every result, mostly before V8 has optimised it.
    for (let i = 0; i < keys.length; i++) {
      const result = (fields[i] as Predicate)(value[keys[i] as string]);
      if (result !== 'fits') return result;
    }
    if (keepsOthers) return 'fits';
    for (const key in value) if (!Object.hasOwn(def.shape, key)) return 'ask zod';
    return 'fits';
  };
}

function recordPredicate(def: z.core.$ZodRecordDef): Predicate {
  const key = def.keyType._zod.def;
  if (key.type !== 'string' || key.checks?.length) return askZod;
  const predicate = predicateOf(def.valueType);
  return (value) => (isPlainObject(value) ? allFit(Object.values(value), predicate) : 'misfits');
}

/** zod takes the first option that accepts the value, so an unsure option before a fitting one decides. */
function unionPredicate(options: Predicate[]): Predicate {
  return (value) => {
    for (let i = 0; i < options.length; i++) {
      const result = (options[i] as Predicate)(value);
      if (result !== 'misfits') return result;
    }
    return 'misfits';
  };
}

function allFit(values: unknown[], predicate: Predicate): Fit {
  for (let i = 0; i < values.length; i++) {
    const result = predicate(values[i]);
    if (result !== 'fits') return result;
  }
  return 'fits';
}

/** A plain number, an integer, a lower bound: the checks chaos-gate's schemas use. Others go to zod. */
function numberPredicate(checks: z.core.$ZodCheck[]): Predicate {
  let integer = false;
  let minimum = -Infinity;
  let inclusive = true;
  for (const check of checks) {
    const def = check._zod.def as z.core.$ZodChecks['_zod']['def'];
    if (def.check === 'number_format' && def.format === 'safeint') integer = true;
    else if (def.check === 'greater_than' && typeof def.value === 'number') {
      minimum = def.value;
      inclusive = def.inclusive;
    } else return askZod;
  }
  return (value) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return 'misfits';
    if (integer && !Number.isSafeInteger(value)) return 'misfits';
    return (inclusive ? value >= minimum : value > minimum) ? 'fits' : 'misfits';
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
