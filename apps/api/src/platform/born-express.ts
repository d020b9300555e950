// Requests and responses born with the Express app's prototypes.
//
// Express gives every request and response its own methods by changing their prototype as they come in
// (`Object.setPrototypeOf(req, app.request)` in app.handle). V8 cannot keep such objects in their usual shapes: each
// changed object leaves behind more than it should, about a quarter of what a request allocates outlives the young
// generation's collections, and the old generation fills with it at 20–70 MB/s. Every full collection of that
// generation then costs the main thread 85–140 ms of marking at the authority index's size, and whichever request
// overlaps it waits. Measured on a bare Express 5 app answering `/healthz` (20 connections, 10 s): 708 MB promoted
// and 37 full collections against 2.3 MB and 1, and 91k against 300k answers.
//
// The HTTP server here makes its requests and responses as instances of classes whose prototypes *are* app.request
// and app.response, so Express's setPrototypeOf finds the prototype already in place and changes nothing.
import http from 'node:http';
import type { Express } from 'express';

export interface BornClasses {
  IncomingMessage: typeof http.IncomingMessage;
  ServerResponse: typeof http.ServerResponse;
}

/**
 * Request and response classes for `http.createServer(options)` whose prototypes become the app's `request` and
 * `response` (which keep every method and property they had, `app` included). Call once per app, before it serves.
 */
export function bornExpressClasses(app: Express): BornClasses {
  class Request extends http.IncomingMessage {}
  class Response extends http.ServerResponse {}
  adopt(Request.prototype, app.request);
  adopt(Response.prototype, app.response);
  app.request = Request.prototype as unknown as Express['request'];
  app.response = Response.prototype as unknown as Express['response'];
  return { IncomingMessage: Request, ServerResponse: Response as unknown as typeof http.ServerResponse };
}

/** Makes `target` stand for `source`: the same prototype and the same own properties. */
function adopt(target: object, source: object): void {
  Object.setPrototypeOf(target, Object.getPrototypeOf(source) as object);
  const own = Object.getOwnPropertyDescriptors(source) as PropertyDescriptorMap & { constructor?: unknown };
  delete own.constructor;
  Object.defineProperties(target, own);
}
