// The script as blocks and sentences: every edit names the block (id, and the content key
// it showed) or the sentence (block, number, text) it was made on; an edit the server
// refuses because the page was behind (409) shows the script as it is, and the text typed.
import { $, api, el, fail, speaking, state, status } from "./common.js";
import { hideTake, markSelected, playSentence, playUrl, requestTake, showTake, spanOf } from "./player.js";

const KINDS = ["heading", "paragraph", "quote", "pause", "pronounce"];
// A double click selects a word (for the pronunciation panel): a click plays its sentence
// only once it is clear no second click follows.
const DOUBLE_CLICK_MS = 250;
let clickTimer = null;

export function editing() {
  return document.querySelector("#script .sentence-edit, #script .block-form, #script .framing-form") !== null;
}

export function render(view) {
  state.view = view;
  state.pending = null;
  $("#title").textContent = `${view.meta.title} (${view.id})`;
  $("#save").disabled = !view.dirty;
  $("#discard").disabled = !view.dirty;
  $("#findings").replaceChildren(...view.findings.map(finding));
  if (view.recovered) status("Unsaved edits from an earlier studio session are restored: save them or discard them.", "warning");
  if (view.disk_changed) status("The script changed on disk since it was loaded; saving will ask what to keep.", "warning");
  for (const block of view.blocks) for (const s of block.sentences) if (s.cached) state.affected.delete(s.segment);
  $("#script").replaceChildren(framingPart("opening"), inserter(null),
    ...view.blocks.map((block, i) => renderBlock(block, i)), framingPart("signoff"));
  document.dispatchEvent(new Event("studio:rendered"));
}

// A refusal: the block or sentence changed or went away since this page showed it.
export function showStale(error, mine = null) {
  render(error.data.view);
  const box = $("#stale");
  box.hidden = false;
  box.replaceChildren(
    el("p", {}, el("strong", {}, "Not applied: "), error.message, "."),
    error.data.current ? el("p", {}, "It now reads: ", el("q", { class: "current" }, error.data.current)) :
      el("p", {}, "It is no longer in the script."),
    mine ? el("p", {}, "What you typed (copy it to use it again): ",
              el("textarea", { class: "mine", rows: 2, readonly: "" }, mine)) : null,
    el("button", { type: "button", onclick: () => { box.hidden = true; } }, "OK"));
  status("the script changed in another tab or on disk: your edit was not applied", "warning");
}

function finding(f) {
  return el("p", { class: `finding ${f.severity}` }, `line ${f.line}: ${f.severity}: ${f.message}`);
}

function sentenceSpan(s) {
  const classes = ["sentence", s.role, s.cached ? "cached" : "uncached"];
  if (state.affected.has(s.segment)) classes.push("affected");
  if (state.selected?.segment === s.segment) classes.push("selected");
  return el("span", {
    class: classes.join(" "), tabindex: "0", title: `${s.role}${s.speaker ? " (" + s.speaker + ")" : ""}, ${s.voice}${s.reading ? ", reading " + (s.reading + 1) : ""}`,
    dataset: { segment: s.segment, block: s.block, sentence: s.sentence ?? "", speaker: s.speaker ?? "" },
    onclick: (event) => {
      clearTimeout(clickTimer);
      if (event.detail > 1) return;
      markSelected(s);  // "Edit sentence" acts on it at once; the sound follows
      // The take is asked for at once (spoken meanwhile if it is new), so the wait for a
      // second click costs nothing when the voice takes longer than it.
      const requested = requestTake(s);
      requested.catch(() => {});  // reported when it is played
      clickTimer = setTimeout(() => {
        if (!window.getSelection().toString()) playSentence(s, (e) => showStale(e), requested);
      }, DOUBLE_CLICK_MS);
    },
    ondblclick: () => clearTimeout(clickTimer),
    onkeydown: (event) => { if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); playSentence(s, (e) => showStale(e)); } },
  }, s.written);
}

function renderBlock(block, i) {
  const spans = block.sentences.map((s) => [sentenceSpan(s), " "]);
  let body;
  if (block.kind === "heading") body = el("h2", {}, spans);
  else if (block.kind === "paragraph") body = el("p", {}, spans);
  else if (block.kind === "quote") {
    body = el("blockquote", {}, el("p", {}, spans),
              block.speaker ? el("cite", {}, `— ${block.speaker}`) : null);
  } else if (block.kind === "pause") body = el("p", { class: "directive" }, `pause ${block.seconds} s`);
  else body = el("p", { class: "directive" }, `pronounce ${block.word} = ${block.says}`);
  const blocks = state.view.blocks;
  return el("div", { class: `block ${block.kind}`, dataset: { index: i, id: block.id, line: block.line } },
    el("div", { class: "tools" },
       el("span", { class: "line" }, `line ${block.line}`),
       el("button", { type: "button", class: "move-up", title: "move up", disabled: i === 0,
                      onclick: () => moveBlock(block, i > 1 ? blocks[i - 2].id : null) }, "↑"),
       el("button", { type: "button", class: "move-down", title: "move down", disabled: i === blocks.length - 1,
                      onclick: () => moveBlock(block, blocks[i + 1]?.id) }, "↓"),
       el("button", { type: "button", class: "edit-block", onclick: () => editBlock(block) }, "edit"),
       el("button", { type: "button", class: "delete-block", onclick: () => deleteBlock(block) }, "delete")),
    body,
    block.findings.map(finding),
    inserter(block.id));
}

// "+ add…" after the block ``after`` (null: above the first block).
function inserter(after) {
  const select = el("select", { "aria-label": "add a block" },
    el("option", { value: "" }, "+ add…"), ...KINDS.map((k) => el("option", { value: k }, k)));
  select.addEventListener("change", () => {
    const kind = select.value;
    select.value = "";
    if (kind) insertBlock(after, kind, select.parentElement);
  });
  return el("div", { class: "insert", dataset: { after: after ?? "" } }, select);
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
    el("button", { type: "button", onclick: () => render(state.pending ?? state.view) }, "Cancel"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(form).entries());
    onsubmit({ kind: block.kind, ...data });
  });
  return form;
}

// Every edit of the script goes through here: the view it returns is shown, a refusal too.
export async function change(path, body, typed, done) {
  try {
    render(await api(`/api/episodes/${state.id}/${path}`, body));
    if (done) status(done);
    document.dispatchEvent(new CustomEvent("studio:edited", { detail: { path, body } }));
    return true;
  } catch (error) {
    if (error.status === 409) showStale(error, typed); else fail(error);
    return false;
  }
}

function typedText(data) { return data.text ?? (data.word ? `${data.word} = ${data.says}` : null); }

function editBlock(block) {
  const form = blockForm(block, (data) => change("block", { id: block.id, key: block.key, block: data }, typedText(data), "block changed"));
  document.querySelector(`.block[data-id="${block.id}"]`).replaceChildren(form);
  form.querySelector("textarea, input")?.focus();
}

function insertBlock(after, kind, where) {
  const form = blockForm({ kind }, (data) => change("insert", { after, block: data }, typedText(data), `added a ${kind}`));
  where.after(el("div", { class: `block ${kind} new` }, form));
  form.querySelector("textarea, input")?.focus();
}

async function deleteBlock(block) {
  if (!confirm("Delete this block from the script?")) return;
  if (await change("delete", { id: block.id, key: block.key }, null, "block deleted")) hideTake();
}

function moveBlock(block, after) {
  return change("move", { id: block.id, after }, null, "block moved");
}

// -- the opening and the sign-off: the show's, said around every episode -----------

const PART_NAMES = { opening: "opening", signoff: "sign-off" };

function framingPart(part) {
  const info = state.view.framing[part];
  const said = info.sentences.length ? el("p", {}, info.sentences.map((s) => [sentenceSpan(s), " "]))
    : el("p", { class: "directive" }, info.template.trim() ? "(said once the script has text)" : "(none: the narrator says nothing here)");
  return el("div", { class: `framing ${part}`, dataset: { part } },
    el("div", { class: "framing-head" },
       el("span", {}, `The show's ${PART_NAMES[part]} (every episode)`),
       el("button", { type: "button", class: "edit-framing", onclick: () => editFraming(part) }, "edit")),
    said);
}

// The template is the show's (``[show] opening`` / ``signoff`` in recapcast.toml): applying
// it writes the config and speaks this episode's new take of it.
export function editFraming(part) {
  const info = state.view.framing[part];
  const was = info.template;
  const area = el("textarea", { name: "template", rows: 2, "aria-label": `the ${PART_NAMES[part]}` });
  area.value = was;
  const cancel = () => render(state.pending ?? state.view);
  const form = el("form", { class: "framing-form" },
    el("p", { class: "help" }, `Said in every episode of the show; kept as ${info.setting}. `,
       `Fields: ${info.fields.map((f) => `{${f}}`).join(" ")}. Empty: nothing is said.`),
    area,
    el("div", {},
       el("button", { type: "submit" }, "Apply and hear it"), " ",
       el("button", { type: "button", class: "default", onclick: () => { area.value = info.default; area.focus(); } }, "Default"), " ",
       el("button", { type: "button", onclick: cancel }, "Cancel")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const typed = area.value;
    status(`changing the show's ${PART_NAMES[part]}…`);
    try {
      const result = await api(`/api/episodes/${state.id}/framing`, { part, template: typed, was });
      const playing = result.takes.length ? playUrl(result.takes[0].url, result.takes[0].live) : null;
      render(result.view);
      if (result.takes.length) {
        markSelected(state.view.framing[part].sentences.find((x) => x.segment === result.takes[0].segment));
        showTake(result.takes[0]);
      } else hideTake();
      status(`the show's ${PART_NAMES[part]} is changed for every episode` +
             (result.synthesized ? `; spoke ${result.synthesized} new take(s)` : ""), "ok");
      document.dispatchEvent(new Event("studio:episodes"));  // every episode's state
      await playing;
    } catch (error) { if (error.status === 409) showStale(error, typed); else fail(error); }
  });
  area.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); form.requestSubmit(); }
    if (event.key === "Escape") cancel();
  });
  document.querySelector(`#script .framing[data-part="${part}"]`).replaceChildren(form);
  area.focus();
}

export function editSentence(s) {
  if (s.block in PART_NAMES) { editFraming(s.block); return; }
  const block = state.view.blocks.find((b) => b.id === s.block);
  if (s.sentence === null || s.sentence === undefined) { if (block) editBlock(block); return; }
  const span = spanOf(s.segment);
  const input = el("textarea", { class: "sentence-edit", rows: 2 });
  input.value = s.raw;
  const done = async () => {
    if (input.value === s.raw) { render(state.pending ?? state.view); return; }
    if (!input.value.trim() && !confirm("Delete this sentence from the script?")) return;
    const typed = input.value;
    status(typed.trim() ? "speaking the new sentence…" : "deleting the sentence…");
    try {
      const result = await speaking(async () => {
        const result = await api(`/api/episodes/${state.id}/sentence`, { id: s.block, sentence: s.sentence, raw: s.raw, text: typed });
        // The take starts playing before the new view (with check) is asked for: computing
        // it would take the cores from the take's start.
        if (result.takes.length) await playUrl(result.takes[0].url, result.takes[0].live);
        return result;
      });
      render(await api(`/api/episodes/${state.id}`));
      if (result.takes.length) {
        const take = result.takes[0];
        markSelected(state.view.blocks.flatMap((b) => b.sentences).find((x) => x.segment === take.segment));
        showTake(take);
      } else hideTake();  // the sentence is gone: no take to act on
      status(typed.trim() ? `spoke ${result.synthesized} new take(s)` : "sentence deleted");
      document.dispatchEvent(new CustomEvent("studio:edited", { detail: { path: "sentence" } }));
    } catch (error) { if (error.status === 409) showStale(error, typed); else fail(error); }
  };
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); done(); }
    if (event.key === "Escape") render(state.pending ?? state.view);
  });
  span.replaceWith(input);
  input.focus();
}
