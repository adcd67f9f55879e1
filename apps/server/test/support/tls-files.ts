import { mkdir, mkdtemp, rename, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connect } from "node:tls";

export const tempTlsDir = () => mkdtemp(join(tmpdir(), "jwtgrant-tls-"));

/**
 * A directory laid out as Kubernetes mounts a TLS secret: `tls.crt` and `tls.key` are links into `..data`,
 * itself a link to the current version's directory; a rotation writes a new version and swaps `..data`
 * with one rename, as kubelet's atomic writer does.
 */
export interface SecretMount {
  readonly certFile: string;
  readonly keyFile: string;
  /** The current version's directory: what the links resolve to now. */
  current(): string;
  rotate(material: { readonly cert: string; readonly key: string }): Promise<void>;
}

export async function mountSecret(material: {
  readonly cert: string;
  readonly key: string;
}): Promise<SecretMount> {
  const dir = await tempTlsDir();
  let version = 0;
  const rotate = async (next: { readonly cert: string; readonly key: string }) => {
    version += 1;
    const versionDir = join(dir, `..v${version}`);
    await mkdir(versionDir);
    await writeFile(join(versionDir, "tls.crt"), next.cert);
    await writeFile(join(versionDir, "tls.key"), next.key);
    await symlink(`..v${version}`, join(dir, "..data_tmp"));
    await rename(join(dir, "..data_tmp"), join(dir, "..data"));
  };
  await rotate(material);
  await symlink(join("..data", "tls.crt"), join(dir, "tls.crt"));
  await symlink(join("..data", "tls.key"), join(dir, "tls.key"));
  return {
    certFile: join(dir, "tls.crt"),
    keyFile: join(dir, "tls.key"),
    current: () => join(dir, `..v${version}`),
    rotate,
  };
}

/** The SHA-256 fingerprint of the certificate a new TLS connection to `url` is shown. */
export function peerFingerprint(url: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port), rejectUnauthorized: false }, () => {
      resolve(socket.getPeerCertificate().fingerprint256);
      socket.end();
    });
    socket.on("error", reject);
  });
}

/** Polls `check` until it holds; throws with the last value seen after `timeoutMs`. */
export async function eventually<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > deadline) throw new Error(`still ${JSON.stringify(value)} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
