/** Whether a runtime's listen failed because the address is taken: Node's and Bun's code, Deno's error name. */
export function isAddressInUse(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { code } = error as Error & { readonly code?: unknown };
  return code === "EADDRINUSE" || error.name === "AddrInUse";
}
