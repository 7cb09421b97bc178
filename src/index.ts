/**
 * s2sc as a library (`import … from "s2sc"`): one function per stage, over a
 * `SourceHost` (`memoryHost` here, the disk in `"s2sc/node"`). Every function returns
 * data and diagnostics; none prints, exits or throws for a spec with problems.
 *
 *     const { module, diagnostics } = loadText(text);     // check + elaborate + verify
 *     const { files } = await compile(module!, { target: "tfjs" });
 *
 * Everything reachable from here runs in a browser: no Node builtins (the bundle test,
 * test/api/browser-bundle.test.ts, keeps it so). See docs/api.md.
 */
export * from "./api/index.js";
