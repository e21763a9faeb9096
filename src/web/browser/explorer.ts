/// <reference lib="dom" />
// The style nonce must be in place before anything creates a <style> element.
import "./style-nonce.js";
import { GraphiQL, type GraphiQLProps } from "graphiql";
import { createElement } from "react";
import { createRoot } from "react-dom/client";
import type { ExampleOperation } from "../manifest.js";
import { type MonacoWorkerUrls, installMonacoWorkers } from "./monaco-workers.js";

/** Replaced by the web build with the hashed worker URLs. */
declare const __LSF_MONACO_WORKERS__: MonacoWorkerUrls;

/**
 * The explorer: GraphiQL over our own /graphql, opening with one tab per operation of
 * examples.graphql (the server embeds them in the page as a JSON data block). Everything it
 * loads (scripts, styles, fonts, workers) comes from this server.
 */
function main(): void {
  installMonacoWorkers(__LSF_MONACO_WORKERS__);
  const examples = readExamples();
  const root = document.getElementById("graphiql");
  if (!root) throw new Error("explorer: no #graphiql element on the page");
  root.textContent = "";
  createRoot(root).render(
    createElement(GraphiQL, {
      fetcher,
      defaultTabs: examples.map((e) => ({ query: e.query })),
      defaultEditorToolsVisibility: false,
      isHeadersEditorEnabled: true,
    }),
  );
}

/** Posts each operation to /graphql as JSON and hands back the result, errors included. */
const fetcher: GraphiQLProps["fetcher"] = async (params, options) => {
  const response = await fetch("/graphql", {
    method: "POST",
    headers: { ...(options?.headers ?? {}), "content-type": "application/json", accept: "application/graphql-response+json, application/json" },
    body: JSON.stringify(params),
  });
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`HTTP ${response.status}: ${text.slice(0, 500)}`);
  }
};

function readExamples(): ExampleOperation[] {
  const data = document.getElementById("lsf-examples")?.textContent ?? "[]";
  return JSON.parse(data) as ExampleOperation[];
}

main();
