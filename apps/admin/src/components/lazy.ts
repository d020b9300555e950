// Loads a named screen export on first use, so each resource's screens stay out of the first chunk.
import { ComponentProps, ComponentType, createElement, FunctionComponent, lazy } from 'react';

/** A lazily loaded component that can be loaded ahead (preload) and then renders without suspending. */
export type EagerLazy<P extends object, M = unknown> = FunctionComponent<P> & {
  /** Loads the module once (the same promise on every call); the component renders it directly once it is in. */
  preload: () => Promise<M>;
};

/**
 * Like React.lazy, but once the module is in (preloaded, or rendered before) the component renders it directly.
 * React.lazy suspends on a component's first render even when its module is loaded already, and React 19 holds a
 * suspended boundary's content back for up to 300 ms after its fallback showed: after sign-in that was 300 ms per
 * lazy screen on the way to the dashboard, with nothing left to wait for.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any component's props: P is read from the module
export function eagerLazy<M extends { default: ComponentType<any> }, P extends object = ComponentProps<M['default']>>(
  load: () => Promise<M>,
): EagerLazy<P, M> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<M> | null = null;
  const preload = () =>
    (loading ??= load().then(
      (module) => {
        loaded = module.default as ComponentType<P>;
        return module;
      },
      (error: unknown) => {
        // A later render may try again (the lazy component below shows the failure to its error boundary).
        loading = null;
        throw error;
      },
    ));
  const Lazy = lazy(preload) as unknown as ComponentType<P>;
  function EagerLazyComponent(props: P) {
    return loaded ? createElement(loaded, props) : createElement(Lazy, props);
  }
  return Object.assign(EagerLazyComponent, { preload });
}

export function lazyScreen<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string) {
  return eagerLazy(async () => ({ default: (await load())[name] as ComponentType }));
}
