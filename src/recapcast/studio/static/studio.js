// The studio page: episodes, saving and building, following the files, import and
// pronunciation. The script itself is script.js; sound is player.js.
import { $, api, clock, el, fail, state, status } from "./common.js";
import { findSentence, hideTake, playUrl, respeak, spanOf } from "./player.js";
import { editSentence, editing, render } from "./script.js";
import { closeReview, openReview, reviewEntries } from "./review.js";

// -- episodes ----------------------------------------------------------------------

async function loadEpisodes() {
  const data = await api("/api/episodes");
  state.episodes = data.episodes;
  $("#episodes").replaceChildren(...data.episodes.map((ep) => el("li", {
    class: ep.id === state.id ? "current" : "", dataset: { id: ep.id, state: ep.state } },
    el("button", { type: "button", class: "open", onclick: () => openEpisode(ep.id) },
       el("span", { class: "title" }, ep.title), " ", el("span", { class: "id" }, ep.id)),
    el("span", { class: `state ${ep.state.replace(/ /g, "-")}` }, ep.state),
    ep.dirty ? el("span", { class: "dirty" }, "unsaved") : null,
    ep.message ? el("p", { class: "message" }, ep.message) : null)));
  reviewEntries();  // "Review import (N left out)" on imports not reviewed yet
  // Live, changed since the last publish, or scheduled: read again, as a build changes it.
  loadPublished().catch(() => {});
  return data;
}
document.addEventListener("studio:episodes", () => loadEpisodes().catch(fail));
document.addEventListener("studio:edited", () => loadEpisodes().catch(fail));
document.addEventListener("studio:follow", () => followFiles().catch(fail));

async function openEpisode(id) {
  try {
    const view = await api(`/api/episodes/${id}`);
    closeReview();
    state.id = id;
    state.affected = new Set();
    state.selected = null;
    $("#editor").hidden = false;
    $("#panel").hidden = false;
    $("#take-panel").hidden = true;
    $("#conflict").hidden = true;
    $("#stale").hidden = true;
    status("");
    render(view);  // says when the edits were restored or the file changed on disk
    showDiskConflict(view);
    await loadEpisodes();
    await loadEpisodeAudio(false);
  } catch (error) { fail(error); }
}

async function loadEpisodeAudio(play) {
  const ep = state.episodes.find((e) => e.id === state.id);
  const audio = $("#episode-audio");
  $("#player").hidden = !(ep && ep.audio);
  $("#chapters").replaceChildren();
  $("#feed-entry").replaceChildren();
  if (!ep || !ep.audio) { audio.removeAttribute("src"); audio.load(); return; }
  audio.src = `${ep.audio}?v=${Date.now()}`;
  const release = await api(`/api/episodes/${state.id}/release`);
  $("#chapters").replaceChildren(...release.chapters.map((c) => el("li", {},
    el("button", { type: "button", onclick: () => { audio.currentTime = c.start_ms / 1000; audio.play(); } },
       `${clock(c.start_ms / 1000)} ${c.title}`))));
  const entry = release.feed_entry;
  if (entry) {
    $("#feed-entry").replaceChildren(el("summary", {}, `In the feed: ${entry.title} · ${/^\d+$/.test(entry.duration) ? clock(Number(entry.duration)) : entry.duration} · ${entry.pub_date}`),
      el("dl", {}, el("dt", {}, "guid"), el("dd", {}, entry.guid),
         el("dt", {}, "enclosure"), el("dd", {}, `${entry.enclosure} (${entry.length} bytes)`),
         el("dt", {}, "description"), el("dd", { class: "description" }, entry.description)));
  }
  if (play) await audio.play();
}

// -- following the files -----------------------------------------------------------

// The script, the lexicon or the config changed (on disk, or the draft in another tab):
// the sidebar's states are recomputed and the open script shown as it is now; an edit box
// that is open keeps what is typed (the server finds its sentence, or refuses it).
async function followFiles() {
  if (state.speaking) { state.followLater = true; return; }
  await loadEpisodes();
  if (!state.id) return;
  const view = await api(`/api/episodes/${state.id}`);
  const framing = (v) => `${v.framing.opening.template}\n${v.framing.signoff.template}`;
  if (state.view && view.revision === state.view.revision && view.disk_changed === state.view.disk_changed &&
      framing(view) === framing(state.view)) return;
  if (editing()) {
    state.pending = view;
    status("the script changed in another tab or on disk: your open edit is applied to its sentence if that is unchanged", "warning");
  } else {
    render(view);
    if (!view.dirty) status("the script changed on disk or in another tab: showing it as it is now");
  }
  showDiskConflict(view);
}

function showDiskConflict(view) {
  if (!view.dirty || !view.disk_changed) return;
  $("#conflict-mine").textContent = view.text;
  $("#conflict-disk").textContent = view.disk_text ?? "";
  $("#conflict").hidden = false;
}

// -- saving and building -----------------------------------------------------------

async function save(mode = "save") {
  try {
    const result = await api(`/api/episodes/${state.id}/save`, { mode });
    if (result.conflict) {
      $("#conflict-mine").textContent = result.conflict.mine;
      $("#conflict-disk").textContent = result.conflict.disk;
      $("#conflict").hidden = false;
      status("not saved: the file changed on disk", "warning");
      return false;
    }
    $("#conflict").hidden = true;
    render(result.view);
    status(result.saved ? `saved scripts/${state.id}.md` + (result.side_file ? `; the disk version is in ${result.side_file}` : "")
                        : `your edits are in ${result.side_file}`);
    await loadEpisodes();
    return result.saved;
  } catch (error) { fail(error); return false; }
}

async function build() {
  if (state.view.dirty && !(await save())) return;
  try {
    await api(`/api/episodes/${state.id}/build`, {});
    state.building = state.id;
    status("build started…");
  } catch (error) {
    fail(error);
    // A check error stops the build: show the block it is in.
    const line = Number((/:(\d+): error:/.exec(error.message) || [])[1]);
    const blocks = [...document.querySelectorAll("#script .block")].filter((b) => Number(b.dataset.line) <= line);
    blocks.at(-1)?.scrollIntoView({ block: "center" });
    blocks.at(-1)?.classList.add("has-error");
  }
}

// -- publishing ----------------------------------------------------------------------

const PUBLISH_STATES = { live: "live", changed: "changed since the last publish",
                         scheduled: "scheduled", unpublished: "not published" };

async function loadPublished() {
  const data = await api("/api/publish");
  state.published = data;
  const button = $("#publish");
  button.disabled = !data.to || data.running;
  button.title = data.to ? `publish to ${data.to}` : "set [publish] to in recapcast.toml first";
  document.querySelectorAll("#episodes li[data-id]").forEach((li) => {
    const info = data.episodes[li.dataset.id];
    li.querySelector(".published")?.remove();
    if (!info) return;
    const mark = document.createElement("span");
    mark.className = `published ${info.state}`;
    mark.textContent = info.state === "scheduled"
      ? `scheduled: ${info.goes_out.replace("T", " ").replace("+00:00", " UTC")}`
      : PUBLISH_STATES[info.state];
    li.appendChild(mark);
  });
  return data;
}

function publishStatus(text, kind) {
  const el = $("#publish-status");
  el.textContent = text;
  el.className = kind || "";
}

async function publish() {
  try {
    const data = await api("/api/publish", {});
    $("#publish").disabled = true;
    publishStatus(`publishing to ${data.started}…`);
  } catch (error) { publishStatus(`${error.message}${error.hint ? ` (${error.hint})` : ""}`, "error"); }
}

function onPublishEvent(event) {
  const progress = $("#publish-progress");
  if (event.type === "publish-start") { progress.hidden = false; progress.removeAttribute("value"); }
  else if (event.type === "publish-progress") {
    progress.max = Math.max(event.total, 1); progress.value = event.done;
    publishStatus(`uploading ${(event.done / 1e6).toFixed(1)} of ${(event.total / 1e6).toFixed(1)} MB`);
  } else if (event.type === "publish-done") {
    progress.hidden = true;
    const warned = event.warnings.length ? `; ${event.warnings.join("; ")}` : "";
    publishStatus((event.uploaded ? `published to ${event.target}: ${event.uploaded} uploaded, ${event.skipped} unchanged`
      : `nothing changed: ${event.target} is up to date`) + warned, event.warnings.length ? "warning" : "ok");
    loadPublished().catch(fail);
  } else if (event.type === "publish-failed") {
    progress.hidden = true;
    publishStatus(`publish failed: ${event.message}${event.hint ? ` (${event.hint})` : ""}`, "error");
    loadPublished().catch(fail);
  }
}

function onEvent(event) {
  if (event.type === "lock") { $("#lock").hidden = !event.busy; return; }
  if (event.type === "files") { followFiles().catch(fail); return; }
  if (event.type.startsWith("publish-")) { onPublishEvent(event); return; }
  if (event.episode !== state.id) { if (["done", "failed"].includes(event.type)) loadEpisodes(); return; }
  const progress = $("#progress");
  if (event.type === "start") { progress.hidden = false; progress.removeAttribute("value"); status("build starting…"); }
  else if (event.type === "waiting") status(event.message, "warning");
  else if (event.type === "building") { status("building…"); loadEpisodes(); }
  else if (event.type === "plan") { progress.max = event.total; progress.value = 0; status(`speaking 0 of ${event.total}`); }
  else if (event.type === "take") { progress.value = event.done; status(`speaking ${event.done} of ${progress.max}${event.cached ? "" : ": " + event.text}`); }
  else if (event.type === "done") {
    progress.hidden = true;
    status(event.up_to_date ? "up to date: nothing to build" : `built: ${event.duration_s.toFixed(1)} s of audio, ${event.synthesized} spoken, ${event.cached} cached, in ${event.seconds} s`, "ok");
    const play = state.building === state.id;
    state.building = null;
    // The build spoke the takes: the "not spoken" and "re-speak" marks are out of date.
    api(`/api/episodes/${state.id}`).then(render).catch(fail);
    loadEpisodes().then(() => loadEpisodeAudio(play)).catch(fail);
  } else if (event.type === "failed") {
    progress.hidden = true;
    status(`build failed: ${event.message}` + (event.hint ? ` (${event.hint})` : ""), "error");
    state.building = null;
    loadEpisodes();
  }
}

function listen() {
  const source = new EventSource(`/api/events?since=${state.events}`);
  source.onmessage = (message) => {
    const event = JSON.parse(message.data);
    if (event.n !== undefined) state.events = event.n + 1;
    onEvent(event);
  };
}

// -- pronunciation -----------------------------------------------------------------

async function hearWord(says) {
  const word = $("#pron-word").value.trim();
  if (!word || !state.id) return;
  try {
    const take = await api(`/api/episodes/${state.id}/pronounce/try`, { word, says });
    $("#pron-message").textContent = `the voice is given: ${take.spoken}`;
    await playUrl(take.url, take.live);
  } catch (error) { $("#pron-message").textContent = error.message; }
}

async function keepWord(scope) {
  const word = $("#pron-word").value.trim();
  const says = $("#pron-says").value.trim();
  try {
    const result = await api(`/api/episodes/${state.id}/pronounce/keep`, { word, says, scope });
    state.affected = new Set(result.affected);
    render(result.view);
    $("#pron-message").textContent = `kept ${word} = ${says} for the ${scope === "show" ? "show (lexicon.toml)" : "script (save to keep it)"}; ${result.affected.length} sentence(s) to re-speak are marked`;
    await loadEpisodes();  // a lexicon entry changes the episodes that say the word
  } catch (error) { $("#pron-message").textContent = error.message; }
}

document.addEventListener("selectionchange", () => {
  const selection = window.getSelection();
  const text = selection.toString().trim();
  const inEditor = document.activeElement && ["TEXTAREA", "INPUT"].includes(document.activeElement.tagName);
  if (text && text.length < 60 && !/\s{2,}/.test(text) && !inEditor && $("#script").contains(selection.anchorNode)) {
    $("#pron-word").value = text.replace(/['’]s$/, "").replace(/[.,;:!?"“”]+$/g, "");
  }
});

// -- import ------------------------------------------------------------------------

function readFile(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result.split(",", 2)[1]);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

async function importRecap(event) {
  event.preventDefault();
  const form = event.target;
  const body = { episode: form.episode.value.trim(), force: form.force.checked };
  const given = [form.file.files.length > 0, form.url.value.trim() !== "", form.text.value.trim() !== ""];
  if (given.filter(Boolean).length > 1) {
    // Never guess which: an earlier chosen file must not win over text pasted later.
    $("#import-message").textContent = "give one recap: a pasted text, a file or a web address (clear the others)";
    return;
  }
  if (given[0]) body.file = { name: form.file.files[0].name, data: await readFile(form.file.files[0]) };
  else if (given[1]) body.url = form.url.value.trim();
  else body.text = form.text.value;
  try {
    const result = await api("/api/import", body);
    form.reset();  // what was imported is not offered again
    $("#import-message").textContent = `wrote ${result.script}`;
    await loadEpisodes();
    // What import left out is the first thing to see (the review); else the editor.
    if (!(await openReview(result.episode))) await openEpisode(result.episode);
  } catch (error) { $("#import-message").textContent = error.message + (error.hint ? ` (${error.hint})` : ""); }
}

// -- wiring ------------------------------------------------------------------------

$("#save").addEventListener("click", () => save());
$("#discard").addEventListener("click", async () => {
  if (!confirm("Discard every unsaved edit of this script?")) return;
  try { render(await api(`/api/episodes/${state.id}/discard`, {})); hideTake(); $("#conflict").hidden = true; status("edits discarded"); loadEpisodes(); }
  catch (error) { fail(error); }
});
$("#build").addEventListener("click", build);
$("#publish").addEventListener("click", publish);
$("#respeak").addEventListener("click", respeak);
$("#edit-sentence").addEventListener("click", () => {
  const s = state.selected && findSentence(state.selected.segment);
  if (s && spanOf(s.segment)) editSentence(s);
});
document.querySelectorAll("#conflict button").forEach((b) => b.addEventListener("click", () => save(b.dataset.mode)));
$("#pron-hear").addEventListener("click", () => hearWord(""));
$("#pron-try").addEventListener("click", () => hearWord($("#pron-says").value.trim()));
$("#pron-script").addEventListener("click", () => keepWord("script"));
$("#pron-show").addEventListener("click", () => keepWord("show"));
$("#import-form").addEventListener("submit", importRecap);

loadEpisodes().then((data) => {
  listen();
  const wanted = new URLSearchParams(location.hash.slice(1)).get("episode");
  const first = wanted || (data.episodes[0] && data.episodes[0].id);
  if (first) openEpisode(first);
}).catch(fail);

export { openEpisode, save };
