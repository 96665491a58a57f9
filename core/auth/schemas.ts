import { z } from 'zod';
import { PERMISSIONS } from '../access/permissions';
import { ROLES } from '../access/roles';

export const loginBody = z.object({
  username: z.string().trim().toLowerCase().min(1).max(100),
  password: z.string().min(1).max(200),
});
export type LoginBody = z.infer<typeof loginBody>;

export const roleAssignmentSchema = z.object({
  role: z.enum(ROLES),
  unitId: z.uuid(),
  unitName: z.string(),
  unitCode: z.string(),
  includeSubtree: z.boolean(),
});

export const meSchema = z.object({
  user: z.object({
    id: z.uuid(),
    username: z.string(),
    fullName: z.string(),
    unitId: z.uuid(),
    unitName: z.string(),
    unitCode: z.string(),
  }),
  roles: z.array(roleAssignmentSchema),
  permissions: z.array(z.enum(PERMISSIONS)),
  csrfToken: z.string(),
  expiresAt: z.string(),
});
export type Me = z.infer<typeof meSchema>;
