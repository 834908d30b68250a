// The review of an imported script: its blocks in the recap's order, with the lines import
// left out struck through where they stood, each with its reason. One click brings a line
// back or leaves one out; each click writes scripts/ID.md at once.
import { api, el, fail } from "./common.js";
import { openEpisode } from "./studio.js";

const review = { id: null, view: null, imports: [] };

function reviewSection() {
  const section = document.querySelector("#review");
  if (section.childElementCount) return section;
  const form = el("form", { id: "review-meta" },
    el("label", {}, "Title ", el("input", { name: "title", required: true })),
    el("label", {}, "Show ", el("input", { name: "show" })),
    el("label", {}, "Season ", el("input", { name: "season", type: "number", min: "0" })),
    el("label", {}, "Episode ", el("input", { name: "episode", type: "number", min: "0" })),
    el("button", { type: "submit" }, "Correct"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(form).entries());
    reviewChange("meta", data, "title, show, season and episode saved");
  });
  section.append(
    el("div", { id: "review-toolbar" },
       el("h2", { id: "review-title" }),
       el("button", { type: "button", id: "review-done", onclick: reviewDone }, "Done reviewing"),
       el("button", { type: "button", id: "review-editor", onclick: () => openEpisode(review.id) }, "Open in the editor"),
       el("span", { id: "review-status", role: "status" })),
    el("p", { class: "help", id: "review-source" }),
    el("p", { class: "help" }, "Struck through: what import left out, and why. ",
       el("b", {}, "Bring back"), " puts a line back where it stood; ", el("b", {}, "Leave out"),
       " takes one out. Each click changes the script file at once, and the show remembers it for its next import."),
    el("details", { id: "review-found", open: true }, el("summary", {}, "Title, show, season and episode"), form),
    el("div", { id: "review-items" }));
  return section;
}

function reviewStatus(text, kind = "") {
  const node = document.querySelector("#review-status");
  node.textContent = text;
  node.className = kind;
}

export function closeReview() {
  document.querySelector("#review").hidden = true;
  review.id = null;
}

// Open the review of ``id``; false when the episode has no import record.
export async function openReview(id) {
  let view;
  try { view = await api(`/api/episodes/${id}/review`); }
  catch (error) { fail(error); return false; }
  if (!view.record) return false;
  const section = reviewSection();
  review.id = id;
  document.querySelector("#editor").hidden = true;
  document.querySelector("#panel").hidden = true;
  section.hidden = false;
  renderReview(view);
  reviewStatus("");
  markReviewing();
  return true;
}

function renderReview(view) {
  review.view = view;
  document.querySelector("#review-title").textContent = `Review import: ${view.meta.title} (${view.id})`;
  const found = view.found || {};
  const said = [found.show, found.season != null ? `season ${found.season}` : null,
                found.episode != null ? `episode ${found.episode}` : null, found.author ? `by ${found.author}` : null]
    .filter(Boolean).join(", ");
  document.querySelector("#review-source").textContent =
    `${view.left_out} line(s) left out` + (view.source ? ` · from ${view.source}` : "") + (said ? ` · import found: ${said}` : "");
  const form = document.querySelector("#review-meta");
  for (const name of ["title", "show", "season", "episode"]) form[name].value = view.meta[name] ?? "";
  document.querySelector("#review-items").replaceChildren(...view.items.map(reviewItem));
}

function reviewBlock(item) {
  if (item.kind === "heading") return el("h3", {}, item.text);
  if (item.kind === "quote") return el("blockquote", {}, el("p", {}, item.text), item.speaker ? el("cite", {}, `— ${item.speaker}`) : null);
  if (item.kind === "pause") return el("p", { class: "directive" }, `pause ${item.seconds} s`);
  if (item.kind === "pronounce") return el("p", { class: "directive" }, `pronounce ${item.word} = ${item.says}`);
  return el("p", {}, item.text);
}

function reviewItem(item) {
  const line = el("span", { class: "line" }, item.line ? `line ${item.line}` : "");
  if (item.type === "block") {
    const text = ["heading", "paragraph", "quote"].includes(item.kind);
    return el("div", { class: `review-item kept ${item.kind}`, dataset: { type: "block", index: item.number } },
      line, reviewBlock(item),
      item.was ? el("span", { class: "was" }, `brought back (was left out: ${item.was})`) : null,
      text ? el("button", { type: "button", class: "leave-out", onclick: () =>
        reviewChange("leave-out", { index: item.number }, "left out; the show will remember it") }, "Leave out") : null);
  }
  const struck = item.type === "removed" ? reviewBlock(item) : el("p", {}, item.text);
  const choice = item.type === "left_out" ? el("select", { class: "as", "aria-label": "bring back as" },
    ...["narration", "heading", "quote"].map((k) => el("option", { value: k }, k))) : null;
  const body = item.type === "left_out" ? { left_out: item.number } : { removed: item.number };
  return el("div", { class: `review-item struck ${item.type.replace("_", "-")}`, dataset: { type: item.type, number: item.number } },
    line, el("del", {}, struck), el("span", { class: "reason" }, item.reason),
    el("span", { class: "bring" }, choice ? "as " : null, choice,
       el("button", { type: "button", class: "bring-back", onclick: () =>
         reviewChange("restore", { ...body, as: choice ? choice.value : undefined }, "brought back where it stood") }, "Bring back")));
}

async function reviewChange(action, body, done) {
  const id = review.id;
  try {
    const view = await api(`/api/episodes/${id}/review/${action}`, { revision: review.view.revision, ...body });
    renderReview(view);
    reviewStatus(view.warning || done, view.warning ? "error" : "ok");
    document.dispatchEvent(new Event("studio:episodes"));  // the list's counts and states
  } catch (error) {
    reviewStatus(error.message + (error.hint ? ` (${error.hint})` : ""), "error");
    // The script may have changed on disk: show it as it is now.
    try { renderReview(await api(`/api/episodes/${id}/review`)); } catch (_) { /* the message says it */ }
  }
}

async function reviewDone() {
  const id = review.id;
  try {
    await api(`/api/episodes/${id}/review/done`, {});
    await openEpisode(id);
  } catch (error) { reviewStatus(error.message, "error"); }
}

function markReviewing() {
  document.querySelectorAll("#episodes li").forEach((li) => li.classList.toggle("reviewing", li.dataset.id === review.id));
}

// The episodes list: "Review import (N left out)" on each import not reviewed yet, a small
// link back to the review on the others. The list is drawn again often: the entries last
// known are put back at once (a button must not vanish under the pointer), then refreshed.
function applyReviewEntries() {
  const known = new Map(review.imports.map((entry) => [entry.id, entry]));
  for (const li of document.querySelectorAll("#episodes li")) {
    const entry = known.get(li.dataset.id);
    let button = li.querySelector(".review-entry");
    if (!entry) { button?.remove(); continue; }
    if (!button) {
      // A script that cannot be read opens in the editor, which says why.
      button = el("button", { type: "button", onclick: async () => { if (!(await openReview(entry.id))) openEpisode(entry.id); } });
      li.append(button);
    }
    button.className = `review-entry${entry.reviewed ? " reviewed" : ""}`;
    button.textContent = entry.reviewed ? "import review" : `Review import (${entry.left_out} left out)`;
  }
  markReviewing();
}

export async function reviewEntries() {
  applyReviewEntries();
  try { review.imports = (await api("/api/reviews")).imports; } catch (_) { return; }
  applyReviewEntries();
}

// The editor's keys (undo, redo, save) act on the editor's draft, which the review does not
// show: while the review is open they do nothing (a text box keeps its own undo).
window.addEventListener("keydown", (event) => {
  if (review.id === null || !(event.ctrlKey || event.metaKey)) return;
  const key = event.key.toLowerCase();
  if (!["z", "y", "s"].includes(key)) return;
  event.stopPropagation();
  const typing = ["INPUT", "TEXTAREA", "SELECT"].includes(document.activeElement?.tagName);
  if (!typing || key === "s") event.preventDefault();
}, true);
