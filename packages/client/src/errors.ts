/** Thrown for every non-2xx API answer; carries the API's stable error code and HTTP status. */
export class TrellisApiError extends Error {
  override readonly name = 'TrellisApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}
