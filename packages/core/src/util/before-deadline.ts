/** `promise`, or the deadline's reason once it passes, whichever comes first. */
export function beforeDeadline<T>(promise: Promise<T>, deadline: AbortSignal | undefined): Promise<T> {
  if (deadline === undefined) return promise;
  if (deadline.aborted) return Promise.reject(deadline.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(deadline.reason);
    deadline.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => deadline.removeEventListener("abort", onAbort));
  });
}
