// The migrations, in order. Hand-written and dialect-neutral (QueryRunner API).
import { InitialSchema1764400000000 } from './1764400000000-initial-schema';

export const MIGRATIONS = [InitialSchema1764400000000];
