// Demo data (filled in below).
import { DataSource } from 'typeorm';

export const DEMO_PASSWORD = 'demo';
export const DEMO_USERS = [
  { email: 'admin@demo.local', role: 'ADMIN' },
  { email: 'hr@demo.local', role: 'HR' },
  { email: 'leader@demo.local', role: 'LEADER' },
  { email: 'viewer@demo.local', role: 'VIEWER' },
] as const;

export async function seedDemo(_dataSource: DataSource, _now: Date): Promise<Record<string, number> | null> {
  return null;
}
