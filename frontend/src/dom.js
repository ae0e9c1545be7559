// Small helpers shared by the modules: building elements, talking to the
// JSON API (with the CSRF header writes need) and local storage that never
// throws (private windows and full quotas make it throw).

/// `el("p", {class: "x"}, "text", child)`: attributes set to null, undefined
/// or false are left out; `true` sets an empty attribute.
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function csrfToken() {
  const meta = document.querySelector('meta[name="csrf-token"]');
  return meta ? meta.content : "";
}

/// An error answer of the API: `status`, the message meant for people,
/// `details` (one `{field, message}` per wrong field) and `retryAfter`.
export class ApiError extends Error {
  constructor(status, body, retryAfter) {
    const error = (body && body.error) || {};
    super(error.message || `the server answered ${status}`);
    this.status = status;
    this.code = error.code;
    this.field = error.field;
    this.details = error.details || (error.field ? [{ field: error.field, message: error.message }] : []);
    this.retryAfter = retryAfter;
  }
}

/// Sends a JSON request with the session cookie; writes carry the CSRF
/// token. Resolves to the parsed body, rejects with `ApiError` (or a
/// `TypeError` when the network is down).
export async function requestJson(method, url, body, options) {
  const opts = options || {};
  const headers = Object.assign({ Accept: "application/json" }, opts.headers || {});
  if (method !== "GET") {
    headers["X-CSRF-Token"] = csrfToken();
    if (body !== undefined) headers["Content-Type"] = "application/json";
  }
  const response = await fetch(url, {
    method,
    credentials: "same-origin",
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    // A draft saved while the page is being hidden must outlive it.
    keepalive: Boolean(opts.keepalive),
  });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, data, response.headers.get("Retry-After"));
  return data;
}

export const getJson = (url) => requestJson("GET", url);
export const postJson = (url, body, headers) => requestJson("POST", url, body, { headers });
export const putJson = (url, body, options) => requestJson("PUT", url, body, options);

export const store = {
  get(key) {
    try {
      return window.localStorage.getItem(key);
    } catch (_) {
      return null;
    }
  },
  set(key, value) {
    try {
      window.localStorage.setItem(key, value);
    } catch (_) {
      // Not kept; the server copy (when signed in) still is.
    }
  },
  remove(key) {
    try {
      window.localStorage.removeItem(key);
    } catch (_) {
      // Nothing to do.
    }
  },
  getJson(key) {
    const text = this.get(key);
    if (!text) return null;
    try {
      return JSON.parse(text);
    } catch (_) {
      return null;
    }
  },
  setJson(key, value) {
    this.set(key, JSON.stringify(value));
  },
};

/// Reads a `<script type="application/json">` island, or null.
export function readJsonIsland(id) {
  const node = document.getElementById(id);
  if (!node) return null;
  try {
    return JSON.parse(node.textContent || "null");
  } catch (_) {
    return null;
  }
}

export function debounce(fn, ms) {
  let timer = null;
  const wrapped = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      fn(...args);
    }, ms);
  };
  wrapped.cancel = () => clearTimeout(timer);
  wrapped.pending = () => timer !== null;
  return wrapped;
}

/// "3 Dec 14:05" in the reader's own time zone.
export function shortDate(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso || "";
  return date.toLocaleString("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
}
