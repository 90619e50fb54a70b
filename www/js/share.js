// Getting things out of the page: the clipboard, downloaded files, SVG rasterized to PNG,
// and (inside an embed) the page's height for the post around it.

/** Copies `text`; resolves to true when it is on the clipboard. */
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard permission (an iframe, an old browser): the older way.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    area.remove();
    return ok;
  }
}

// `keepMs`: how long the file's address outlives the click that saves it (the browser reads
// it after the click returns); the core's to say (memplay_playground::EXPORT_URL_MS).
function save(filename, blob, keepMs) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), keepMs);
}

/** Offers `text` as a file. */
export function download(filename, mime, text, keepMs) {
  save(filename, new Blob([text], { type: mime }), keepMs);
}

/** Draws an SVG document at `scale`× and offers it as a PNG file. */
export async function downloadPng(filename, svg, scale, keepMs) {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(img.naturalWidth * scale);
    canvas.height = Math.round(img.naturalHeight * scale);
    canvas.getContext('2d').drawImage(img, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('the browser could not encode the PNG');
    save(filename, blob, keepMs);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * In an embed: tells the post around it how tall the page is, whenever that changes.
 * Only the height and the frame's id are sent, and only to the parent's origin: the
 * `parent` query parameter that embed.js adds, else the referrer's origin.
 */
export function reportHeight() {
  if (window.parent === window) return;
  const query = new URLSearchParams(location.search);
  const frame = query.get('frame') || '';
  let target = null;
  for (const candidate of [query.get('parent'), document.referrer]) {
    try {
      if (candidate) {
        target = new URL(candidate).origin;
        break;
      }
    } catch {
      // not a URL: try the next
    }
  }
  if (!target || target === 'null') return;
  let last = 0;
  const send = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      window.parent.postMessage({ type: 'memplay:height', frame, height }, target);
    }
  };
  new ResizeObserver(send).observe(document.documentElement);
  send();
}
