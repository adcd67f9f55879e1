import { CONSOLE_BASE } from "./console-env.js";

export const clientPath = (clientId: string) => `${CONSOLE_BASE}/clients/${encodeURIComponent(clientId)}`;

export const issuerPath = (id: string) => `${CONSOLE_BASE}/issuers/${encodeURIComponent(id)}`;
