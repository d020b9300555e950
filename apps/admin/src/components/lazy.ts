// Loads a named screen export on first use, so each resource's screens stay out of the first chunk.
import { ComponentType, lazy } from 'react';

export function lazyScreen<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}
