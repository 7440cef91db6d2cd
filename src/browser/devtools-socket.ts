// The WebSocket to a running browser's DevTools endpoint (--browser-ws-endpoint), opened here
// rather than by puppeteer.connect, whose socket has no handshake time limit: an endpoint that
// accepts the connection and never answers held a build for minutes (issue 11).
import { createRequire } from 'node:module';
import type { ConnectionTransport } from 'puppeteer-core';

/** The parts of a `ws` WebSocket used here. */
interface Socket {
  on(event: 'open', listener: () => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  on(event: 'close', listener: () => void): void;
  on(event: 'message', listener: (data: Buffer) => void): void;
  send(message: string): void;
  close(): void;
  terminate(): void;
}
type SocketClass = new (url: string, protocols: string[], options: Record<string, unknown>) => Socket;

const require = createRequire(import.meta.url);
let SocketImpl: SocketClass | undefined;

/** `ws`, the very copy Puppeteer connects with: found from puppeteer-core, whose dependency it is. */
function loadSocketClass(): SocketClass {
  SocketImpl ??= createRequire(require.resolve('puppeteer-core'))('ws') as SocketClass;
  return SocketImpl;
}

/**
 * Opens the socket within `timeoutMs` (the opening handshake included), or rejects; an abort
 * drops it at once. The transport is handed to puppeteer.connect({ transport }).
 */
export function openDevToolsSocket(url: string, timeoutMs: number, signal: AbortSignal): Promise<ConnectionTransport> {
  const Socket = loadSocketClass();
  return new Promise((resolve, reject) => {
    const socket = new Socket(url, [], {
      followRedirects: true,
      perMessageDeflate: false,
      // As Puppeteer's own: a PDF comes back as one message.
      maxPayload: 256 * 1024 * 1024,
      handshakeTimeout: timeoutMs,
    });
    const onAbort = () => {
      socket.terminate();
      reject(signal.reason instanceof Error ? signal.reason : new Error('the connection was abandoned'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    socket.on('error', (error) => {
      signal.removeEventListener('abort', onAbort);
      reject(error);
    });
    socket.on('open', () => {
      signal.removeEventListener('abort', onAbort);
      resolve(toTransport(socket));
    });
  });
}

function toTransport(socket: Socket): ConnectionTransport {
  const transport: ConnectionTransport = {
    send: (message) => socket.send(message),
    close: () => socket.close(),
  };
  socket.on('message', (data) => transport.onmessage?.(data.toString()));
  socket.on('close', () => transport.onclose?.());
  // Errors after the handshake end in 'close', which is what Puppeteer listens for.
  socket.on('error', () => undefined);
  return transport;
}
