import base from "./en.json";

/**
 * The English strings: `en.json` holds the shared ones (app, nav, common, errors...), and
 * each feature may keep its own namespace in `en/<feature>.json`, whose top-level keys are
 * merged in. Two files may not define the same top-level key.
 */
const features = import.meta.glob<{ default: Record<string, unknown> }>("./en/*.json", { eager: true });

function merge(): Record<string, unknown> {
  const all: Record<string, unknown> = { ...base };
  for (const [file, module] of Object.entries(features)) {
    for (const [key, value] of Object.entries(module.default)) {
      if (key in all) throw new Error(`i18n: "${key}" is defined twice (again in ${file})`);
      all[key] = value;
    }
  }
  return all;
}

export const en = merge();
