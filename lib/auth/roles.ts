import { z } from 'zod';

// Kept apart from the Prisma client so client components can import it; the values match the
// `Role` enum in prisma/schema.prisma (users.ts checks the two agree at compile time).
export const ROLES = ['admin', 'analyst', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const roleSchema = z.enum(ROLES, { error: 'Role must be admin, analyst or viewer.' });

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: 'Manages users and settings, and does everything an analyst can.',
  analyst: 'Ingests trails, triages findings and works investigations.',
  viewer: 'Reads dashboards, findings and shared investigations.',
};

/** Roles that may change data (ingest, triage, notes); viewers only read. */
export const WRITE_ROLES: readonly Role[] = ['admin', 'analyst'];

export function hasRole(role: Role, allowed: readonly Role[] | undefined): boolean {
  return !allowed || allowed.length === 0 || allowed.includes(role);
}
