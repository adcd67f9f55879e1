import { describeJwsCryptoContract } from "@jwtgrant/core/testing";
import { createNodeJwsCrypto } from "../src/crypto/node-jws-crypto.js";

describeJwsCryptoContract("node:crypto", createNodeJwsCrypto);
