// The catalog's filters apply as they change: a select at once, the search
// box after a pause in typing. The page is the same one the form would load
// (GET /challenges?…), fetched and swapped in place, so the server stays the
// one place that filters, counts and paginates; the address bar follows, so
// a reload or a shared link shows the same list. Without JavaScript the
// Apply button does the same with a full page load. "Pick one for me" still
// submits the form normally (it opens a challenge).

const SEARCH_PAUSE_MS = 250;

/// The form's filters as a query string, leaving out the empty ones so the
/// address stays short (`?kind=sql`, not `?q=&kind=sql&difficulty=…`).
function queryOf(form) {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData(form)) {
    if (typeof value === "string" && value.trim() !== "" && key !== "pick") params.append(key, value);
  }
  // The default order is the catalog's numbering; it needs no parameter.
  if (params.get("sort") === "number") params.delete("sort");
  return params.toString();
}

export function liveCatalog(form) {
  const results = document.getElementById("catalog-results");
  const count = document.getElementById("catalog-count");
  if (!results) return;
  const apply = form.querySelector("[data-apply]");
  if (apply) apply.hidden = true;

  let latest = 0;
  let timer = null;
  const load = async () => {
    const query = queryOf(form);
    const address = query ? `/challenges?${query}` : "/challenges";
    // Answers can arrive out of order; only the newest request is shown.
    latest += 1;
    const mine = latest;
    results.setAttribute("aria-busy", "true");
    try {
      const response = await fetch(address, { credentials: "same-origin", headers: { Accept: "text/html" } });
      if (!response.ok) throw new Error(`the server answered ${response.status}`);
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      if (mine !== latest) return;
      const fresh = page.getElementById("catalog-results");
      const freshCount = page.getElementById("catalog-count");
      if (!fresh) throw new Error("the answer held no list");
      results.replaceChildren(...fresh.childNodes);
      if (count && freshCount) count.textContent = freshCount.textContent;
      history.replaceState(null, "", address);
    } catch (error) {
      if (mine !== latest) return;
      // The form still works the old way: fall back to a full page load.
      window.location.assign(address);
    } finally {
      if (mine === latest) results.removeAttribute("aria-busy");
    }
  };

  form.addEventListener("change", (event) => {
    if (event.target.matches("select")) load();
  });
  form.addEventListener("input", (event) => {
    if (!event.target.matches("input[type=search]")) return;
    clearTimeout(timer);
    timer = setTimeout(load, SEARCH_PAUSE_MS);
  });
  form.addEventListener("submit", (event) => {
    // Enter in the search box applies at once; the random pick navigates.
    if (event.submitter && event.submitter.name === "pick") return;
    event.preventDefault();
    clearTimeout(timer);
    load();
  });
}
