import type { FormInstance } from 'antd';

import { isApiError } from '@/lib/api-error';

export type FieldPath = (string | number)[];

export interface ServerFieldError {
  name: FieldPath;
  errors: string[];
}

const NON_FIELD_KEYS = new Set(['non_field_errors', '__all__']);

/**
 * The server's `fields` as a flat list of paths and messages. DRF nests errors the way the input
 * was nested: {organisation: {uscc: [...]}}, and list items either as a list with empty
 * entries or as an object keyed by index ({indicators: {"1": {name: [...]}}}); both become
 * numeric path segments, which is how antd names Form.List items.
 */
export function flattenFieldErrors(fields: unknown, prefix: FieldPath = []): ServerFieldError[] {
  if (typeof fields === 'string') return [{ name: prefix, errors: [fields] }];
  if (Array.isArray(fields)) {
    if (fields.every((item) => typeof item === 'string')) {
      return fields.length > 0 ? [{ name: prefix, errors: fields as string[] }] : [];
    }
    return fields.flatMap((item, index) => flattenFieldErrors(item, [...prefix, index]));
  }
  if (typeof fields === 'object' && fields !== null) {
    return Object.entries(fields).flatMap(([key, value]) =>
      flattenFieldErrors(value, [...prefix, /^\d+$/.test(key) ? Number(key) : key]),
    );
  }
  return [];
}

const pathKey = (path: FieldPath) => JSON.stringify(path);

export interface ApplyServerErrorsOptions {
  /**
   * Where a server field lives in this form when its name differs, e.g. the register form nests
   * the organisation, but the model check reports `uscc` at the top: {uscc: ['organisation', 'uscc']}.
   */
  aliases?: Record<string, FieldPath>;
}

export interface AppliedServerErrors {
  /** Field errors now shown next to their fields. */
  placed: ServerFieldError[];
  /** Messages with no field in this form (non_field_errors, unknown names): show them in an alert. */
  unplaced: string[];
}

/**
 * Shows the server's field messages next to the form's fields (antd `setFields`). Anything that
 * has no field in this form is returned for an alert. A business-rule error that names a field
 * in `extra.field` ({detail: "揭榜截止时间已过…", extra: {field: "bid_deadline"}}) is placed too.
 */
export function applyServerErrors(
  form: FormInstance,
  error: unknown,
  { aliases = {} }: ApplyServerErrorsOptions = {},
): AppliedServerErrors {
  if (!isApiError(error)) return { placed: [], unplaced: [] };
  const registered = new Set(form.getFieldsError().map((field) => pathKey(field.name as FieldPath)));
  const resolve = (name: FieldPath): FieldPath | null => {
    if (registered.has(pathKey(name))) return name;
    const alias = typeof name[0] === 'string' ? aliases[name[0]] : undefined;
    if (alias) {
      const aliased = [...alias, ...name.slice(1)];
      if (registered.has(pathKey(aliased))) return aliased;
    }
    return null;
  };

  let flat = flattenFieldErrors(error.fields);
  const extraField = error.extra.field;
  if (flat.length === 0 && typeof extraField === 'string' && error.detail) {
    flat = [{ name: [extraField], errors: [error.detail] }];
  }

  const placed: ServerFieldError[] = [];
  const unplaced: string[] = [];
  for (const item of flat) {
    const first = item.name[0];
    const target = typeof first === 'string' && NON_FIELD_KEYS.has(first) ? null : resolve(item.name);
    if (target) placed.push({ name: target, errors: item.errors });
    else unplaced.push(...item.errors);
  }
  if (placed.length > 0) {
    form.setFields(placed);
    const firstName = placed[0]?.name;
    if (firstName) form.scrollToField(firstName, { block: 'center', behavior: 'smooth' });
  }
  return { placed, unplaced };
}
