// Removes the migrated templates the global setup made.
import { dropTemplates } from './schema-template';

export default async function globalTeardown(): Promise<void> {
  await dropTemplates();
}
