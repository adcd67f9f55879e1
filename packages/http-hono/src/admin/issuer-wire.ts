import { type TrustedIssuer, issuerToWire as writeIssuer } from "@jwtgrant/core";
import type { IssuerWire } from "./issuer-schemas.js";

/** The issuer as core writes the wire form; the schema only documents that form. */
export const issuerToWire = (issuer: TrustedIssuer): IssuerWire => writeIssuer(issuer) as IssuerWire;
