// Calls from Rust must not throw: an exception unwinding through the wasm app would leave
// it unusable. A failure is logged and the call does nothing.
export function guarded(api) {
  const out = {};
  for (const [name, f] of Object.entries(api)) {
    out[name] = (...args) => {
      try {
        return f(...args);
      } catch (err) {
        console.error(`memplay: ${name} failed`, err);
        return undefined;
      }
    };
  }
  return out;
}
