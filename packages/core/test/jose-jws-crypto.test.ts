import { createJoseJwsCrypto } from "../src/crypto/jose-jws-crypto.js";
import { describeJwsCryptoContract } from "../src/testing/jws-crypto-contract.js";

describeJwsCryptoContract("jose on Web Crypto", createJoseJwsCrypto);
