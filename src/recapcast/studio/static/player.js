// Sound: one at a time everywhere, the take panel, readings.
import { $, api, el, fail, state, status } from "./common.js";
import { playLive, stopLive } from "./live.js";

// One sound at a time: whatever starts playing pauses every other player of the page. A
// 'play' event is queued, so it can arrive after a newer player started: a player already
// paused again (a newer one took over) pauses nothing, or both would stop (the show page's
// fix, publish/page.py). Starting a take pauses the others itself, before it plays.
export function pauseOthers(audio) {
  document.querySelectorAll("audio").forEach((a) => { if (a !== audio && !a.paused) a.pause(); });
}
document.addEventListener("play", (event) => {
  if (!event.target.paused) pauseOthers(event.target);
}, true);

// Play a take; ``live``: it is being made, and is played as its pieces arrive (live.js).
export async function playUrl(url, live = false) {
  const audio = $("#take-audio");
  pauseOthers(audio);
  stopLive();
  try {
    if (live && await playLive(audio, url)) return;
    audio.srcObject = null;
    delete audio.dataset.live;
    audio.src = url;
    await audio.play();
  }
  catch (error) {
    // The browser plays sound only after a click or key press on the page.
    if (error.name === "NotAllowedError") { status("the take is ready: press ▶ to play it", "warning"); return; }
    if (error.name === "AbortError") return;  // another sound took over
    throw error;
  }
}

export function addressOf(s) {
  return { id: s.block, segment: s.segment, written: s.written };
}

export function markSelected(s) {
  state.selected = s ? addressOf(s) : null;
  document.querySelectorAll(".sentence.selected").forEach((n) => n.classList.remove("selected"));
  if (s) spanOf(s.segment)?.classList.add("selected");
}

export function spanOf(segment) {
  return document.querySelector(`.sentence[data-segment="${segment}"]`);
}

export function findSentence(segment) {
  const parts = Object.values(state.view?.framing ?? {});  // the opening and the sign-off
  for (const block of [...(state.view?.blocks ?? []), ...parts]) {
    for (const s of block.sentences) if (s.segment === segment) return s;
  }
  return null;
}

// A sentence's take: spoken now if the cache has none. ``onStale`` shows a refusal (the
// page was behind: the sentence changed or went away).
export function requestTake(s) {
  return api(`/api/episodes/${state.id}/speak`, addressOf(s));
}

export async function playSentence(s, onStale, requested = null) {
  markSelected(s);
  const span = spanOf(s.segment);
  span?.classList.add("speaking");
  try {
    const take = await (requested ?? requestTake(s));
    span?.classList.replace("uncached", "cached");
    state.affected.delete(s.segment);
    span?.classList.remove("affected");
    showTake(take);
    await playUrl(take.url, take.live);
    return take;
  } catch (error) { if (error.status === 409) onStale(error); else fail(error); return null; }
  finally { span?.classList.remove("speaking"); }
}

export function hideTake() {
  state.selected = null;
  $("#take-panel").hidden = true;
  document.querySelectorAll(".sentence.selected").forEach((n) => n.classList.remove("selected"));
}

export function showTake(take) {
  $("#take-panel").hidden = false;
  const s = findSentence(take.segment);
  $("#take-info").textContent = s ? `Segment ${take.segment + 1}: ${s.role}${s.speaker ? " (" + s.speaker + ")" : ""}, ${s.voice}` : `Segment ${take.segment + 1}`;
  $("#take-spoken").textContent = `The voice is given: ${take.spoken}`;
  $("#readings").replaceChildren(...take.readings.map((r) => el("li", { class: r.chosen ? "chosen" : "" },
    el("button", { type: "button", class: "play-reading", onclick: () => playUrl(r.url) }, `▶ reading ${r.reading + 1}`),
    r.chosen ? el("span", { class: "chosen-mark" }, " used by builds")
             : el("button", { type: "button", class: "choose-reading", onclick: () => chooseReading(r.reading) }, "use this one"))));
}

async function refreshView() {
  const { render } = await import("./script.js");
  render(await api(`/api/episodes/${state.id}`));
}

export async function respeak() {
  if (state.selected === null) return;
  status("speaking another reading…");
  try {
    const take = await api(`/api/episodes/${state.id}/respeak`, state.selected);
    showTake(take);
    await playUrl(take.url, take.live);
    await refreshView();
    status(`reading ${take.reading + 1} is now the one builds use`);
    document.dispatchEvent(new Event("studio:episodes"));
  } catch (error) { fail(error); }
}

async function chooseReading(reading) {
  try {
    const take = await api(`/api/episodes/${state.id}/choose`, { ...state.selected, reading });
    showTake(take);
    await playUrl(take.url, take.live);
    await refreshView();
    status(`reading ${reading + 1} is now the one builds use`);
    document.dispatchEvent(new Event("studio:episodes"));
  } catch (error) { fail(error); }
}
