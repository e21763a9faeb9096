/// <reference lib="dom" />
// The style nonce must be in place before anything creates a <style> element.
import "./style-nonce.js";
import { GraphiQL, type GraphiQLProps } from "graphiql";
import { Kind, parse } from "graphql";
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
    body: JSON.stringify({ ...params, operationName: currentOperationName(params.query, params.operationName) }),
  });
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`HTTP ${response.status}: ${text.slice(0, 500)}`);
  }
};

/**
 * GraphiQL updates the operation name a moment after the editor's text changes, so running a
 * tab right after switching to it can send the previous tab's name with this tab's query, which
 * the server refuses ("Unknown operation named …"). Keep the name only when the query has an
 * operation of that name; otherwise send none, and the server runs the document's only
 * operation (or says that it needs a name).
 */
function currentOperationName(query: string, name: string | null | undefined): string | undefined {
  if (!name) return undefined;
  try {
    const names = parse(query).definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION && d.name ? [d.name.value] : []));
    return names.includes(name) ? name : undefined;
  } catch {
    return name; // a syntax error: let the server report it
  }
}

function readExamples(): ExampleOperation[] {
  const data = document.getElementById("lsf-examples")?.textContent ?? "[]";
  return JSON.parse(data) as ExampleOperation[];
}

main();
