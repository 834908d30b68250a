// What every part of the studio page shares: its state, the JSON calls and small helpers.
// No framework, no build step, nothing loaded from outside this server.

export const $ = (sel) => document.querySelector(sel);

export const state = {
  id: null,          // the open episode
  view: null,        // its view as last shown (blocks with ids and keys, revision)
  selected: null,    // the sentence whose take the panel shows: {id, segment, written}
  affected: new Set(),  // segments a pronunciation change marked to hear again
  events: 0, building: null, episodes: [],
  pending: null,     // a newer view held back while an edit box is open
};

export async function api(path, body) {
  const options = body === undefined ? {} : {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) };
  let response;
  try { response = await fetch(path, options); }
  catch (_) {
    const error = new Error("the studio does not answer: is it still running?");
    error.hint = "start it again with recapcast studio, then reload this page";
    throw error;
  }
  if (response.status === 403) {
    const error = new Error("this page's token is not valid (was the studio started with --new-token?)");
    error.hint = "open the address the studio printed when it started";
    throw error;
  }
  const data = await response.json().catch(() => ({ error: response.statusText }));
  if (!response.ok) {
    const error = new Error(data.error || response.statusText);
    error.hint = data.hint || "";
    error.status = response.status;
    error.data = data;  // a 409 (the edit was made on an older script) carries the view
    throw error;
  }
  return data;
}

export function el(tag, attrs = {}, ...children) {
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

export function status(text, kind = "") {
  const node = $("#status");
  node.textContent = text;
  node.className = kind;
}

export function fail(error) {
  status(error.message + (error.hint ? ` (${error.hint})` : ""), "error");
}

export function clock(seconds) {
  const s = Math.floor(seconds);
  return `${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
}
