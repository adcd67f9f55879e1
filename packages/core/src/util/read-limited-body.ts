import { beforeDeadline } from "./before-deadline.js";

/** A body that grew past the byte limit its reader was given. Callers map it to their own refusal. */
export class BodyTooLargeError extends Error {
  override readonly name = "BodyTooLargeError";
  constructor(readonly maxBytes: number) {
    super(`the body is larger than ${maxBytes} bytes`);
  }
}

export interface ReadLimitedBodyOptions {
  /** Refuse the body as soon as it grows past this many bytes. */
  readonly maxBytes: number;
  /** Once it aborts, a pending read fails with its reason: not every stream honours a fetch's signal. */
  readonly deadline?: AbortSignal | undefined;
}

/**
 * Reads `stream` to its end, throwing `BodyTooLargeError` as soon as more than `maxBytes` arrived. Past the
 * limit the stream is left unlocked but not cancelled, so that the caller decides whether to drain or drop
 * the rest; after a failed read or the deadline it is cancelled.
 */
export async function readLimitedBody(
  stream: ReadableStream<Uint8Array> | null,
  options: ReadLimitedBodyOptions,
): Promise<Uint8Array> {
  if (stream === null) return new Uint8Array();
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await beforeDeadline(reader.read(), options.deadline);
      if (done) break;
      total += value.byteLength;
      if (total > options.maxBytes) throw new BodyTooLargeError(options.maxBytes);
      chunks.push(value);
    }
  } catch (error) {
    // A read may still be pending (the deadline passed): only cancelling settles it on every runtime.
    if (error instanceof BodyTooLargeError) reader.releaseLock();
    else reader.cancel(error).catch(() => {});
    throw error;
  }
  reader.releaseLock();
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** `readLimitedBody` decoded as UTF-8, invalid sequences replaced (as `Request.text()` does). */
export async function readLimitedText(
  stream: ReadableStream<Uint8Array> | null,
  options: ReadLimitedBodyOptions,
): Promise<string> {
  return new TextDecoder().decode(await readLimitedBody(stream, options));
}
