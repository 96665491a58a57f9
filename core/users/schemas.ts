import { z } from 'zod';
import { ROLES } from '../access/roles';

export const userRoleInput = z.object({
  role: z.enum(ROLES),
  unitId: z.uuid(),
  includeSubtree: z.boolean().default(false),
});

export const createUserBody = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9._-]{2,49}$/),
  fullName: z.string().trim().min(2).max(200),
  email: z.email().optional(),
  unitId: z.uuid(),
  password: z.string().min(1).max(200),
  roles: z.array(userRoleInput).min(1).max(20),
});
export type CreateUserBody = z.infer<typeof createUserBody>;

export const updateUserBody = z.object({
  active: z.boolean().optional(),
  unlock: z.literal(true).optional(),
  fullName: z.string().trim().min(2).max(200).optional(),
});
export type UpdateUserBody = z.infer<typeof updateUserBody>;

export const userSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  unitId: z.uuid(),
  unitName: z.string(),
  active: z.boolean(),
  locked: z.boolean(),
  lastLoginAt: z.string().nullable(),
  roles: z.array(z.object({ role: z.enum(ROLES), unitId: z.uuid(), unitName: z.string(), includeSubtree: z.boolean() })),
});
export type User = z.infer<typeof userSchema>;
