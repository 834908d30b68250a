// An audio editor's habits: undo and redo, Ctrl+S, Space to play and pause, playing on from
// a sentence with the one heard highlighted and kept in view, re-speaking every marked
// sentence, the episode's details, deleting an episode.
import { $, api, fail, state, status } from "./common.js";
import { addressOf, findSentence, playSentence, spanOf } from "./player.js";
import { editing, render, showStale } from "./script.js";
import { openEpisode, save } from "./studio.js";

const typing = () => ["INPUT", "TEXTAREA", "SELECT"].includes(document.activeElement?.tagName);

// -- undo and redo -----------------------------------------------------------------

async function undo(redo = false) {
  if (!state.id || editing()) return;
  try {
    render(await api(`/api/episodes/${state.id}/${redo ? "redo" : "undo"}`, {}));
    status(redo ? "redone" : "undone");
    document.dispatchEvent(new Event("studio:episodes"));
  } catch (error) { fail(error); }
}

// -- playing on --------------------------------------------------------------------

let run = 0;          // the play-on under way (a new one, or a stop, ends the one before)
let wake = null;      // ends the wait for the current take when play-on is stopped

function stopPlayOn() {
  run += 1;
  wake?.(false);
  document.querySelectorAll(".sentence.playing").forEach((n) => n.classList.remove("playing"));
}

function ended(audio) {
  return new Promise((resolve) => {
    const done = (value) => { audio.removeEventListener("ended", onEnded); wake = null; resolve(value); };
    const onEnded = () => done(true);
    audio.addEventListener("ended", onEnded);
    wake = done;
  });
}

function nextSentence(segment) {
  const spans = [...document.querySelectorAll("#script .sentence")];
  const at = spans.findIndex((n) => Number(n.dataset.segment) === segment);
  return at >= 0 && at + 1 < spans.length ? findSentence(Number(spans[at + 1].dataset.segment)) : null;
}

function highlight(segment) {
  document.querySelectorAll(".sentence.playing").forEach((n) => n.classList.remove("playing"));
  const span = spanOf(segment);
  span?.classList.add("playing");
  span?.scrollIntoView({ block: "nearest", behavior: "smooth" });
}

async function playOn(s) {
  stopPlayOn();
  const mine = run;
  let current = s;
  status("playing on (Space pauses, Escape stops)");
  while (current && mine === run) {
    highlight(current.segment);
    const waiting = ended($("#take-audio"));
    const take = await playSentence(current, (e) => showStale(e));
    if (!take || mine !== run) { wake?.(false); break; }
    if (!(await waiting) || mine !== run) break;
    current = nextSentence(current.segment);
  }
  if (mine === run) { stopPlayOn(); status("played to the end"); }
}
// A click on a sentence plays that one alone.
document.addEventListener("click", (event) => { if (event.target.closest?.("#script .sentence")) stopPlayOn(); }, true);

// -- re-speak every marked sentence ------------------------------------------------

async function respeakMarked() {
  const marked = [...state.affected].map(findSentence).filter((s) => s && !s.cached);
  let n = 0;
  for (const s of marked) {
    status(`re-speaking ${++n} of ${marked.length}…`);
    spanOf(s.segment)?.classList.add("speaking");
    try { await api(`/api/episodes/${state.id}/speak`, addressOf(s)); }
    catch (error) { if (error.status === 409) { showStale(error); return; } fail(error); return; }
  }
  render(await api(`/api/episodes/${state.id}`));
  status(`re-spoke ${marked.length} marked sentence(s)`);
}

document.addEventListener("studio:rendered", () => {
  const button = $("#respeak-marked");
  const count = [...state.affected].filter((seg) => findSentence(seg)?.cached === false).length;
  button.hidden = count === 0;
  button.textContent = `Re-speak marked (${count})`;
  $("#undo").disabled = !state.view?.undo;
  $("#redo").disabled = !state.view?.redo;
  const form = $("#details-form");
  if (!form.contains(document.activeElement)) {
    for (const [key, value] of Object.entries(state.view.meta)) if (form[key]) form[key].value = value ?? "";
  }
});

// -- the episode's details and deleting it -----------------------------------------

$("#details-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = event.target;
  const details = Object.fromEntries(Object.keys(state.view.meta).filter((k) => form[k]).map((k) => [k, form[k].value]));
  try {
    render(await api(`/api/episodes/${state.id}/details`, { details, was: state.view.meta }));
    status("details changed (save to keep them)");
    document.dispatchEvent(new Event("studio:episodes"));
  } catch (error) { if (error.status === 409) showStale(error); else fail(error); }
});

$("#delete-episode").addEventListener("click", async () => {
  if (!confirm(`Delete ${state.id}? Its script is kept in a side file; its audio leaves the feed at the next build.`)) return;
  try {
    const result = await api(`/api/episodes/${state.id}/remove`, {});
    state.id = null;
    $("#editor").hidden = true;
    const data = await api("/api/episodes");
    document.dispatchEvent(new Event("studio:episodes"));
    if (data.episodes.length) await openEpisode(data.episodes[0].id);
    status(`deleted ${result.deleted}; its script is in ${result.kept}`);
  } catch (error) { fail(error); }
});

// -- keys --------------------------------------------------------------------------

$("#undo").addEventListener("click", () => undo());
$("#redo").addEventListener("click", () => undo(true));
$("#respeak-marked").addEventListener("click", respeakMarked);
$("#play-on").addEventListener("click", () => { const s = state.selected && findSentence(state.selected.segment); if (s) playOn(s); });

document.addEventListener("keydown", (event) => {
  const ctrl = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (ctrl && key === "s") { event.preventDefault(); if (state.id) save(); return; }
  if (typing()) return;  // in a text box, keys are the text box's own (its undo too)
  if (ctrl && key === "z") { event.preventDefault(); undo(event.shiftKey); return; }
  if (ctrl && key === "y") { event.preventDefault(); undo(true); return; }
  if (event.key === "Escape") { stopPlayOn(); $("#take-audio").pause(); return; }
  if (event.key === "Enter" && event.shiftKey && event.target.classList?.contains("sentence")) {
    event.preventDefault();
    const s = findSentence(Number(event.target.dataset.segment));
    if (s) playOn(s);
    return;
  }
  if (event.key === " " && !ctrl && document.activeElement?.tagName !== "BUTTON") {
    event.preventDefault();
    // The player that played last, else the selected sentence.
    const audio = [...document.querySelectorAll("audio")].find((a) => !a.paused) ?? state.lastAudio;
    if (audio && (audio.getAttribute("src") || audio.srcObject)) { if (audio.paused) audio.play(); else audio.pause(); }
    else if (state.selected) { const s = findSentence(state.selected.segment); if (s) playSentence(s, (e) => showStale(e)); }
  }
});
document.addEventListener("play", (event) => { state.lastAudio = event.target; }, true);
