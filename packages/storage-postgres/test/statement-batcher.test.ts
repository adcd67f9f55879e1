import { describe, expect, it } from "vitest";
import { batchStatement } from "../src/statement-batcher.js";

describe("statement batcher", () => {
  it("runs the calls of one event-loop turn as one statement, answering each call its own result", async () => {
    const statements: number[][] = [];
    const double = batchStatement<number, number>(async (items) => {
      statements.push([...items]);
      return items.map((item) => item * 2);
    });
    const results = await Promise.all([1, 2, 3].map(double));
    expect(results).toEqual([2, 4, 6]);
    expect(statements).toEqual([[1, 2, 3]]);
    expect(await double(5)).toBe(10);
    expect(statements).toHaveLength(2);
  });

  it("splits a burst beyond 512 calls across statements", async () => {
    const sizes: number[] = [];
    const echo = batchStatement<number, number>(async (items) => {
      sizes.push(items.length);
      return items;
    });
    const items = Array.from({ length: 1100 }, (_, index) => index);
    expect(await Promise.all(items.map(echo))).toEqual(items);
    expect(sizes).toEqual([512, 512, 76]);
  });

  it("fails every call of a failed statement, and runs the next batch afresh", async () => {
    let fail = true;
    const run = batchStatement<string, string>(async (items) => {
      if (fail) throw new Error("connection lost");
      return items;
    });
    const outcomes = await Promise.allSettled(["a", "b"].map(run));
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["rejected", "rejected"]);
    fail = false;
    expect(await run("c")).toBe("c");
  });

  it("retries a failed batch item by item when told to, so a bad item fails only its own call", async () => {
    const statements: string[][] = [];
    const run = batchStatement<string, string>(
      async (items) => {
        statements.push([...items]);
        if (items.includes("bad")) throw new Error(items.length > 1 ? "batch refused" : "bad item");
        return items.map((item) => item.toUpperCase());
      },
      { retryAlone: (error) => error instanceof Error && error.message === "batch refused" },
    );
    const outcomes = await Promise.allSettled(["a", "bad", "b"].map(run));
    expect(outcomes).toEqual([
      { status: "fulfilled", value: "A" },
      { status: "rejected", reason: new Error("bad item") },
      { status: "fulfilled", value: "B" },
    ]);
    expect(statements).toEqual([["a", "bad", "b"], ["a"], ["bad"], ["b"]]);
  });
});
