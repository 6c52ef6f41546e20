import { API_KEY_SCOPES, ROLES } from '@centinela/core';
import { z } from 'zod';

/** Shapes shared by several endpoints; each endpoint's own request schema sits in its file. */
export const roleSchema = z.enum(ROLES);
export const scopeSchema = z.enum(API_KEY_SCOPES);
export const idParams = z.strictObject({ id: z.uuid() });

export const userSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    roles: z.array(roleSchema),
    locale: z.string(),
    totpEnabled: z.boolean(),
    disabled: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'User' });

export const apiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    scopes: z.array(scopeSchema),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiKey' });

/** Free text from people: trimmed, bounded, and free of control characters. */
export const humanText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s), 'must not contain control characters');

export const emailSchema = z.email().max(254);
