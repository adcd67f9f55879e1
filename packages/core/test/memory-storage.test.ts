import { createMemoryStorage } from "../src/memory/memory-storage.js";
import { describeStorageContract } from "../src/testing/contract/index.js";

describeStorageContract("memory", async () => ({ storage: createMemoryStorage(), close: async () => {} }));
