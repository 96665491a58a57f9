import type { Role } from '@core/access/roles';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

export interface StaffUser {
  id: string;
  username: string;
  fullName: string;
  unitId: string;
  unitName: string;
  active: boolean;
  locked: boolean;
  roles: { role: Role; unitId: string; unitName: string; includeSubtree: boolean }[];
}

/** Staff accounts the signed-in person may read (the server scopes them to their units). */
export function useUsers() {
  return useQuery({
    queryKey: ['users'],
    queryFn: async () => (await api.get<{ users: StaffUser[] }>('/api/v1/users')).users,
  });
}
