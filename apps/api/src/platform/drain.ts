// Graceful shutdown of the HTTP server under keep-alive load.
//
// `server.close()` alone only stops accepting new connections: every open keep-alive connection goes on being
// served, so a busy client keeps the process alive until a forced exit cuts whatever is in flight. The drain below
// tracks each connection and the responses in flight on it; once draining starts:
//   - the listener is closed (new connections are refused);
//   - idle connections are closed at once;
//   - an in-flight response that has not sent its headers yet gets `Connection: close`, so Node closes its connection
//     after it; a response that already sent its headers (none in this API, but possible) has its connection ended
//     as soon as it completes;
//   - a request that still arrives on an open connection (pipelined, or sent before the client saw the close) is not
//     handled: it gets 503 SERVICE_UNAVAILABLE with `Connection: close`;
//   - a connection upgraded to WebSocket (GraphQL subscriptions) is not destroyed at once: the WebSocket layer closes
//     it with a close frame (1001, going away), and the client reconnects elsewhere;
//   - when the grace period runs out, the connections still open are destroyed (their requests are cut) and the
//     drain ends, reporting how many requests it cut.
import http from 'node:http';
import type { Socket } from 'node:net';

export interface DrainResult {
  /** Requests still in flight when the grace period ran out (their connections were destroyed). */
  cut: number;
  /** Request ids (x-request-id) of the cut requests, when known. */
  cutRequestIds: string[];
}

export class HttpDrain {
  private draining = false;
  private cutRemaining?: () => void;
  /** Every open connection, with the responses in flight on it. */
  private readonly connections = new Map<Socket, Set<http.ServerResponse>>();
  /** Connections upgraded to WebSocket: their own layer closes them when draining. */
  private readonly upgraded = new WeakSet<Socket>();

  constructor(private readonly server: http.Server) {
    server.on('connection', (socket: Socket) => {
      if (this.draining) {
        socket.destroy();
        return;
      }
      this.connections.set(socket, new Set());
      socket.once('close', () => this.connections.delete(socket));
    });
  }

  get isDraining(): boolean {
    return this.draining;
  }

  /** Wraps the app: tracks each response on its connection, and refuses requests that arrive while draining. */
  listener(app: http.RequestListener): http.RequestListener {
    return (req, res) => {
      const socket = req.socket;
      if (this.draining) {
        const body = JSON.stringify({
          errors: [
            {
              message: 'The server is shutting down; send the request again (it was not processed).',
              extensions: { code: 'SERVICE_UNAVAILABLE' },
            },
          ],
        });
        res.writeHead(503, {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(body),
          connection: 'close',
          'retry-after': '1',
        });
        res.end(body);
        return;
      }
      let inFlight = this.connections.get(socket);
      if (!inFlight) {
        // A connection that was open before this drain was attached (not the case with createServer).
        inFlight = new Set();
        this.connections.set(socket, inFlight);
      }
      const active = inFlight;
      active.add(res);
      res.once('close', () => {
        active.delete(res);
        // A response that went out without `Connection: close` (headers sent before the drain started): the
        // connection is idle now, so end it.
        if (this.draining && active.size === 0 && !socket.destroyed) socket.end();
      });
      app(req, res);
    };
  }

  /** Notes a connection upgraded to WebSocket: a drain leaves it to the WebSocket layer, until the grace ends. */
  markUpgraded(socket: Socket): void {
    this.upgraded.add(socket);
  }

  /** Ends the grace period now (a second signal): destroys the connections still open. */
  cutNow(): void {
    this.cutRemaining?.();
  }

  /**
   * Stops accepting, lets the in-flight requests finish (each answered with `Connection: close`), closes idle
   * connections, and resolves once every connection is closed, or after `graceMs` with the rest destroyed.
   */
  drain(graceMs: number): Promise<DrainResult> {
    this.draining = true;
    return new Promise((resolve) => {
      let result: DrainResult = { cut: 0, cutRequestIds: [] };
      const cutRemaining = () => {
        clearTimeout(timer);
        const cut = [...this.connections.values()].flatMap((responses) => [...responses]);
        result = {
          cut: cut.length,
          cutRequestIds: cut
            .map((res) => res.getHeader('x-request-id'))
            .filter((id): id is string => typeof id === 'string'),
        };
        for (const socket of this.connections.keys()) socket.destroy();
      };
      const timer = setTimeout(cutRemaining, graceMs);
      this.cutRemaining = cutRemaining;
      // The callback runs once the listener is closed and every connection has ended.
      this.server.close(() => {
        clearTimeout(timer);
        resolve(result);
      });
      for (const [socket, responses] of this.connections) {
        if (this.upgraded.has(socket)) continue;
        if (responses.size === 0) {
          socket.destroy();
          continue;
        }
        for (const res of responses) {
          if (!res.headersSent) res.setHeader('connection', 'close');
        }
      }
    });
  }
}
