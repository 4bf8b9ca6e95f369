/**
 * React attaches a listener for every event it supports (about 160, capture and bubble) to each
 * portal container the first time it renders into one. With one portal per post, a 1,000-post
 * feed costs 160,000 addEventListener calls (measured: about 0.15 ms per post, most of the
 * budget), and its wheel and touch listeners would send every wheel step to the page's main
 * thread (start-overlay.tsx). So each post's frame (the portal container in its shadow root) is
 * marked as already listened to, using React's own marker read from the root container; the
 * always-visible controls use native listeners (use-native-events.ts) and the open menu and
 * thread panel render into a layer of their own (react-events-layer.tsx), where React events work
 * as usual (and, while one is open, wheel steps reach the page's thread). Should a React version
 * name the marker differently, nothing is marked and React listens as before: slower, never
 * broken (the e2e wheel test would say so).
 */
export function skipReactListeners(rootContainer: Element): (container: Element) => void {
  const marker = Object.keys(rootContainer).find((key) => key.startsWith('_reactListening'));
  return (container) => {
    if (marker) Reflect.set(container, marker, true);
  };
}
