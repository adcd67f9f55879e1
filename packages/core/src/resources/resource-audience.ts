/** Resources as a claim or a response carries them: the one resource alone, several as an array. */
export function resourcesValue(resources: readonly string[]): string | readonly string[] {
  const [only] = resources;
  return resources.length === 1 && only !== undefined ? only : resources;
}

/**
 * An access token's `aud` for the resources granted (RFC 8707 §2); the server's default audience when the
 * grant named none.
 */
export function resourceAudience(
  resources: readonly string[],
  defaultAudience: string,
): string | readonly string[] {
  return resources.length === 0 ? defaultAudience : resourcesValue(resources);
}
