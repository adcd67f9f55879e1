// The conformance scenarios as a Workers module: each request runs them all and answers with the outcomes.
import { runScenarios } from "./run-scenarios.ts";
import { scenarios } from "./scenarios.ts";

export default {
  async fetch(): Promise<Response> {
    return Response.json(await runScenarios(scenarios));
  },
};
