"use strict";
// The studio page: no framework, no build step, nothing loaded from outside this server.

const $ = (sel) => document.querySelector(sel);
const state = { id: null, view: null, selected: null, affected: new Set(), events: 0,
                building: null, episodes: [] };

async function api(path, body) {
  const options = body === undefined ? {} : {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) };
  let response;
  try { response = await fetch(path, options); }
  catch (_) {
    const error = new Error("the studio does not answer: is it still running?");
    error.hint = "start it again with recapcast studio, then open the address it prints";
    throw error;
  }
  if (response.status === 403) {
    const error = new Error("this page's token is no longer valid (the studio was restarted?)");
    error.hint = "open the address the studio printed when it started";
    throw error;
  }
  const data = await response.json().catch(() => ({ error: response.statusText }));
  if (!response.ok) {
    const error = new Error(data.error || response.statusText);
    error.hint = data.hint || "";
    throw error;
  }
  return data;
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (value !== null && value !== undefined && value !== false) node.setAttribute(key, value);
  }
  for (const child of children.flat(Infinity)) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

function status(text, kind = "") {
  const node = $("#status");
  node.textContent = text;
  node.className = kind;
}

function fail(error) {
  status(error.message + (error.hint ? ` (${error.hint})` : ""), "error");
}

// -- episodes ----------------------------------------------------------------------

async function loadEpisodes() {
  const data = await api("/api/episodes");
  state.episodes = data.episodes;
  const list = $("#episodes");
  list.replaceChildren(...data.episodes.map((ep) => el("li", {
    class: ep.id === state.id ? "current" : "", dataset: { id: ep.id, state: ep.state } },
    el("button", { type: "button", class: "open", onclick: () => openEpisode(ep.id) },
       el("span", { class: "title" }, ep.title), " ", el("span", { class: "id" }, ep.id)),
    el("span", { class: `state ${ep.state.replace(/ /g, "-")}` }, ep.state),
    ep.dirty ? el("span", { class: "dirty" }, "unsaved") : null,
    ep.message ? el("p", { class: "message" }, ep.message) : null)));
  // Live, changed since the last publish, or scheduled: read again, as a build changes it.
  loadPublished().catch(() => {});
  return data;
}

async function openEpisode(id) {
  try {
    const view = await api(`/api/episodes/${id}`);
    state.id = id;
    state.affected = new Set();
    state.selected = null;
    $("#editor").hidden = false;
    $("#panel").hidden = false;
    $("#take-panel").hidden = true;
    $("#conflict").hidden = true;
    status("");
    render(view);  // says when the edits were restored or the file changed on disk
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

function clock(seconds) {
  const s = Math.floor(seconds);
  return `${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
}

// -- the script --------------------------------------------------------------------

function render(view) {
  state.view = view;
  $("#title").textContent = `${view.meta.title} (${view.id})`;
  $("#save").disabled = !view.dirty;
  $("#discard").disabled = !view.dirty;
  $("#findings").replaceChildren(...view.findings.map(finding));
  if (view.recovered) status("Unsaved edits from an earlier studio session are restored: save them or discard them.", "warning");
  if (view.disk_changed) status("The script changed on disk since it was loaded; saving will ask what to keep.", "warning");
  const article = $("#script");
  article.replaceChildren(...view.blocks.map((block, i) => renderBlock(block, i)),
                          inserter(view.blocks.length));
}

function finding(f) {
  return el("p", { class: `finding ${f.severity}` }, `line ${f.line}: ${f.severity}: ${f.message}`);
}

function sentenceSpan(s, i) {
  const classes = ["sentence", s.role, s.cached ? "cached" : "uncached"];
  if (state.affected.has(s.segment)) classes.push("affected");
  if (state.selected === s.segment) classes.push("selected");
  return el("span", {
    class: classes.join(" "), tabindex: "0", title: `${s.role}${s.speaker ? " (" + s.speaker + ")" : ""}, ${s.voice}${s.reading ? ", reading " + (s.reading + 1) : ""}`,
    dataset: { segment: s.segment, block: i, sentence: s.sentence ?? "" },
    // A click plays the take; a drag or double-click that selects words only selects them
    // (for the pronunciation panel).
    onclick: (event) => { if (event.detail < 2 && !window.getSelection().toString()) playSegment(s.segment, event.currentTarget); },
    onkeydown: (event) => { if (event.key === "Enter") playSegment(s.segment, event.currentTarget); },
  }, s.written);
}

function renderBlock(block, i) {
  const spans = block.sentences.map((s) => [sentenceSpan(s, i), " "]);
  let body;
  if (block.kind === "heading") body = el("h2", {}, spans);
  else if (block.kind === "paragraph") body = el("p", {}, spans);
  else if (block.kind === "quote") {
    body = el("blockquote", {}, el("p", {}, spans),
              block.speaker ? el("cite", {}, `— ${block.speaker}`) : null);
  } else if (block.kind === "pause") body = el("p", { class: "directive" }, `pause ${block.seconds} s`);
  else body = el("p", { class: "directive" }, `pronounce ${block.word} = ${block.says}`);
  return el("div", { class: `block ${block.kind}`, dataset: { index: i, line: block.line } },
    el("div", { class: "tools" },
       el("span", { class: "line" }, `line ${block.line}`),
       el("button", { type: "button", class: "edit-block", onclick: () => editBlock(i) }, "edit"),
       el("button", { type: "button", class: "delete-block", onclick: () => deleteBlock(i) }, "delete")),
    body,
    block.findings.map(finding),
    inserter(i + 1));
}

function inserter(at) {
  const select = el("select", { "aria-label": "add a block" },
    el("option", { value: "" }, "+ add…"),
    ...["heading", "paragraph", "quote", "pause", "pronounce"].map((k) => el("option", { value: k }, k)));
  select.addEventListener("change", () => {
    const kind = select.value;
    select.value = "";
    if (kind) editBlock(at, kind);
  });
  return el("div", { class: "insert" }, select);
}

function blockForm(block, onsubmit) {
  const fields = [];
  if (block.kind === "pause") {
    fields.push(el("label", {}, "seconds ", el("input", { name: "seconds", type: "number", step: "0.1", min: "0.1", max: "30", value: block.seconds ?? 1 })));
  } else if (block.kind === "pronounce") {
    fields.push(el("label", {}, "word ", el("input", { name: "word", value: block.word ?? "" })));
    fields.push(el("label", {}, "says ", el("input", { name: "says", value: block.says ?? "" })));
  } else {
    const area = el("textarea", { name: "text", rows: block.kind === "heading" ? 1 : 4 });
    area.value = block.text ?? "";
    fields.push(area);
    if (block.kind === "quote") fields.push(el("label", {}, "speaker ", el("input", { name: "speaker", value: block.speaker ?? "" })));
  }
  const form = el("form", { class: "block-form" }, ...fields,
    el("button", { type: "submit" }, "Apply"),
    el("button", { type: "button", onclick: () => render(state.view) }, "Cancel"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(form).entries());
    onsubmit({ kind: block.kind, ...data });
  });
  return form;
}

function editBlock(index, newKind) {
  const blocks = $("#script").children;
  const block = newKind ? { kind: newKind } : state.view.blocks[index];
  const form = blockForm(block, async (data) => {
    try {
      const view = await api(`/api/episodes/${state.id}/block`, { index, block: data, insert: Boolean(newKind) });
      render(view);
      status(newKind ? `added a ${newKind}` : "block changed");
    } catch (error) { fail(error); }
  });
  if (newKind) {
    const anchor = index < blocks.length ? blocks[index] : null;
    $("#script").insertBefore(el("div", { class: `block ${newKind} new` }, form), anchor);
  } else {
    blocks[index].replaceChildren(form);
  }
  form.querySelector("textarea, input")?.focus();
}

async function deleteBlock(index) {
  if (!confirm("Delete this block from the script?")) return;
  try { render(await api(`/api/episodes/${state.id}/delete`, { index })); hideTake(); status("block deleted"); }
  catch (error) { fail(error); }
}

function editSentence(index, s) {
  if (s.sentence === null || s.sentence === undefined) { editBlock(index); return; }
  const span = document.querySelector(`.sentence[data-segment="${s.segment}"]`);
  const input = el("textarea", { class: "sentence-edit", rows: 2 });
  input.value = s.raw;
  const done = async () => {
    if (input.value === s.raw) { render(state.view); return; }
    if (!input.value.trim() && !confirm("Delete this sentence from the script?")) return;
    status(input.value.trim() ? "speaking the new sentence…" : "deleting the sentence…");
    try {
      const result = await api(`/api/episodes/${state.id}/sentence`, { index, sentence: s.sentence, text: input.value });
      const playing = result.takes.length ? playUrl(result.takes[0].url) : null;
      render(await api(`/api/episodes/${state.id}`));
      if (result.takes.length) {
        markSelected(result.takes[0].segment);
        showTake(result.takes[0]);
        await playing;
      }
      if (!result.takes.length) hideTake();  // the sentence is gone: no take to act on
      status(input.value.trim() ? `spoke ${result.synthesized} new take(s)` : "sentence deleted");
      loadEpisodes();
    } catch (error) { fail(error); }
  };
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); done(); }
    if (event.key === "Escape") render(state.view);
  });
  span.replaceWith(input);
  input.focus();
}

// -- takes -------------------------------------------------------------------------

async function playUrl(url) {
  const audio = $("#take-audio");
  audio.src = url;
  try { await audio.play(); }
  catch (error) {
    // The browser plays sound only after a click or key press on the page.
    if (error.name === "NotAllowedError") { status("the take is ready: press ▶ to play it", "warning"); return; }
    throw error;
  }
}

function markSelected(segment) {
  state.selected = segment;
  document.querySelectorAll(".sentence.selected").forEach((n) => n.classList.remove("selected"));
  document.querySelector(`.sentence[data-segment="${segment}"]`)?.classList.add("selected");
}

async function playSegment(segment, span) {
  markSelected(segment);
  span?.classList.add("speaking");
  try {
    const take = await api(`/api/episodes/${state.id}/speak`, { segment });
    span?.classList.replace("uncached", "cached");
    state.affected.delete(segment);
    span?.classList.remove("affected");
    showTake(take);
    await playUrl(take.url);
  } catch (error) { fail(error); }
  finally { span?.classList.remove("speaking"); }
}

function hideTake() {
  state.selected = null;
  $("#take-panel").hidden = true;
  document.querySelectorAll(".sentence.selected").forEach((n) => n.classList.remove("selected"));
}

function showTake(take) {
  $("#take-panel").hidden = false;
  const s = findSentence(take.segment);
  $("#take-info").textContent = s ? `Segment ${take.segment + 1}: ${s.role}${s.speaker ? " (" + s.speaker + ")" : ""}, ${s.voice}` : `Segment ${take.segment + 1}`;
  $("#take-spoken").textContent = `The voice is given: ${take.spoken}`;
  $("#readings").replaceChildren(...take.readings.map((r) => el("li", { class: r.chosen ? "chosen" : "" },
    el("button", { type: "button", class: "play-reading", onclick: () => playUrl(r.url) }, `▶ reading ${r.reading + 1}`),
    r.chosen ? el("span", { class: "chosen-mark" }, " used by builds")
             : el("button", { type: "button", class: "choose-reading", onclick: () => chooseReading(take.segment, r.reading) }, "use this one"))));
}

function findSentence(segment) {
  for (const block of state.view?.blocks ?? []) {
    for (const s of block.sentences) if (s.segment === segment) return s;
  }
  return null;
}

async function respeak() {
  if (state.selected === null) return;
  status("speaking another reading…");
  try {
    const take = await api(`/api/episodes/${state.id}/respeak`, { segment: state.selected });
    showTake(take);
    await playUrl(take.url);
    render(await api(`/api/episodes/${state.id}`));
    status(`reading ${take.reading + 1} is now the one builds use`);
    loadEpisodes();
  } catch (error) { fail(error); }
}

async function chooseReading(segment, reading) {
  try {
    const take = await api(`/api/episodes/${state.id}/choose`, { segment, reading });
    showTake(take);
    await playUrl(take.url);
    render(await api(`/api/episodes/${state.id}`));
    status(`reading ${reading + 1} is now the one builds use`);
    loadEpisodes();
  } catch (error) { fail(error); }
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
  } catch (error) { fail(error); }
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
    // The build spoke the takes: the sentences' "not spoken" marks are out of date.
    api(`/api/episodes/${state.id}`).then(render).catch(fail);
    loadEpisodes().then(() => loadEpisodeAudio(play)).catch(fail);
  } else if (event.type === "failed") {
    progress.hidden = true;
    status(`build failed: ${event.message}`, "error");
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
    await playUrl(take.url);
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
  if (form.file.files.length) {
    body.file = { name: form.file.files[0].name, data: await readFile(form.file.files[0]) };
  } else if (form.url.value.trim()) body.url = form.url.value.trim();
  else body.text = form.text.value;
  try {
    const result = await api("/api/import", body);
    $("#import-message").textContent = `wrote ${result.script}`;
    await loadEpisodes();
    await openEpisode(result.episode);
  } catch (error) { $("#import-message").textContent = error.message + (error.hint ? ` (${error.hint})` : ""); }
}

// -- wiring ------------------------------------------------------------------------

$("#save").addEventListener("click", () => save());
$("#discard").addEventListener("click", async () => {
  if (!confirm("Discard every unsaved edit of this script?")) return;
  try { render(await api(`/api/episodes/${state.id}/discard`, {})); hideTake(); status("edits discarded"); loadEpisodes(); }
  catch (error) { fail(error); }
});
$("#build").addEventListener("click", build);
$("#publish").addEventListener("click", publish);
$("#respeak").addEventListener("click", respeak);
$("#edit-sentence").addEventListener("click", () => {
  const s = findSentence(state.selected);
  const span = document.querySelector(`.sentence[data-segment="${state.selected}"]`);
  if (s && span) editSentence(Number(span.dataset.block), s);
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
