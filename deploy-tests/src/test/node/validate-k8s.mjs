// Validates Kubernetes manifests against the Kubernetes API's JSON schemas, as the npm package
// kubernetes-models ships them (one model per apiVersion and kind; validate() runs its schema).
//
//   node validate-k8s.mjs <node_modules folder> file.yaml...
//
// Prints one line per document ("ok <file> <kind>/<name>" or "error <file> <kind>/<name>: ..."),
// then "validated N documents, E errors"; exits 1 when a document is invalid or of a kind with no
// model. kustomize's own Kustomization files are not Kubernetes objects and are skipped by name.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { join } from "node:path";

const [modules, ...files] = process.argv.slice(2);
const load = (name) => import(pathToFileURL(join(modules, name)).href);
const { parseAllDocuments } = await load("yaml/dist/index.js");

let documents = 0;
let errors = 0;
for (const file of files) {
  for (const document of parseAllDocuments(readFileSync(file, "utf8"))) {
    if (document.errors.length > 0) {
      errors++;
      console.log(`error ${file}: YAML: ${document.errors.map((e) => e.message).join("; ")}`);
      continue;
    }
    const object = document.toJS();
    if (object === null || object === undefined) continue;
    const { apiVersion, kind } = object;
    const label = `${kind}/${object.metadata?.name ?? "?"}`;
    if (typeof apiVersion === "string" && apiVersion.startsWith("kustomize.config.k8s.io/")) continue;
    documents++;
    let Model;
    try {
      // "apps/v1" -> kubernetes-models/apps/v1/Deployment.js; core "v1" -> kubernetes-models/v1/Service.js
      Model = (await load(`kubernetes-models/${apiVersion}/${kind}.js`))[kind];
    } catch (e) {
      Model = undefined;
    }
    if (!Model) {
      errors++;
      console.log(`error ${file} ${label}: no schema for apiVersion ${apiVersion} kind ${kind}`);
      continue;
    }
    try {
      new Model(object).validate();
      console.log(`ok ${file} ${label}`);
    } catch (e) {
      errors++;
      const details = (e.errors ?? []).map((d) => `${d.instancePath || "/"} ${d.message}`).join("; ");
      console.log(`error ${file} ${label}: ${details || e.message}`);
    }
  }
}
console.log(`validated ${documents} documents, ${errors} errors`);
process.exit(errors === 0 && documents > 0 ? 0 : 1);
