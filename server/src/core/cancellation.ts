/**
 * What a request passes for cancellation. The LSP token has this shape, and so can any
 * other caller's: long work (a walk over the workspace, indexing) checks it between pieces.
 */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
}

export const NOT_CANCELLED: Cancellation = { isCancellationRequested: false };
