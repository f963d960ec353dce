/**
 * V8's flags for the renderer (the window's page and its store worker). Main sets them before
 * the app is ready; the test harness gives the same to its Chromium, so tests and the bench run
 * the renderer as the app does.
 *
 * The store worker keeps nearly everything a sync makes: every row it parses lives on in the
 * copy. A young-generation collection copies what survives, so its pause grows with the young
 * generation, which V8 grows to its maximum when most of it survives, as here. Capped at 8 MB
 * a semi-space, the pauses in a first load are shorter and no load is slower. Scratch A/B of
 * first loads at full size, by both paths, three each way: the worker's longest wait for a
 * timer was 25-42 ms against 35-74 ms by default; bulk-cache loads took 2.9-3.1 s against
 * 3.4-3.6 s, paged ones 4.9-5.6 s against 4.9-5.7 s.
 */
export const RENDERER_JS_FLAGS = '--max-semi-space-size=8';
