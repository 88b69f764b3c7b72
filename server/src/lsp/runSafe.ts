import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';

/** Where a front end writes what went wrong (the editor's output channel). */
export type Logger = (what: string, error: unknown) => void;

/** The text of an error for the log: its stack where there is one. */
export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}

/**
 * Wraps a request handler: a request the editor cancelled answers `RequestCancelled`; an
 * exception becomes a safe answer (and a log line), never a crashed server or an error
 * popup. A `ResponseError` the handler throws on purpose (a refused rename) goes through.
 */
export function runSafe<P, R>(log: Logger, name: string, fallback: R, handler: (params: P, token: CancellationToken) => Promise<R> | R): (params: P, token: CancellationToken) => Promise<R> {
  return async (params, token) => {
    if (token.isCancellationRequested) throw cancelled();
    let result: R;
    try {
      result = await handler(params, token);
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      if (token.isCancellationRequested) throw cancelled();
      log(`Attest ${name} failed`, error);
      return fallback;
    }
    if (token.isCancellationRequested) throw cancelled();
    return result;
  };
}

/**
 * Wraps a notification handler: its promise is awaited and an exception is logged, so one
 * bad document never ends the server.
 */
export function inBackground<P>(log: Logger, name: string, handler: (params: P) => Promise<void>): (params: P) => void {
  return (params: P) => {
    handler(params).catch((error: unknown) => log(`Attest ${name} failed`, error));
  };
}
