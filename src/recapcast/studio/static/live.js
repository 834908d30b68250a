// Takes heard while they are made. The studio sends a take being made as a WAV file whose
// samples arrive piece by piece; Chromium's <audio> waits for about 220 kB of a WAV (five
// seconds of a voice) or its end before it plays, so the pieces are played here with Web
// Audio, into a stream the take's <audio> element plays: it stays the one player, with
// its play, pause and ended events, and one sound at a time works as for any take. When
// the last piece has played, the element is given the take's file (for playing again).

let context = null;   // made at the first click or key press: making one costs ~150 ms
let current = null;   // the take playing live: { stopped, sources, audio }

function makeContext() {
  if (!context && window.AudioContext) {
    try { context = new AudioContext({ latencyHint: "interactive" }); } catch { context = null; }
  }
}
for (const type of ["pointerdown", "keydown"]) document.addEventListener(type, makeContext, true);

// Stop the take playing live (a new sound takes over).
export function stopLive() {
  if (!current) return;
  const playing = current;
  current = null;
  playing.stopped = true;
  for (const source of playing.sources) { try { source.stop(); } catch { /* not started */ } }
  // Its connection is closed now, not when its next piece comes (the studio makes newer
  // takes first, so that could be long).
  playing.reader?.cancel().catch(() => {});
  playing.audio.removeEventListener("pause", playing.onPause);
  playing.audio.removeEventListener("play", playing.onPlay);
  if (context?.state === "suspended") context.resume();
}

// Play the take at ``url`` on ``audio`` as its pieces arrive. Resolves true once it is
// playing, false when it cannot be played so (no sound context yet: the caller plays
// the file instead).
export async function playLive(audio, url) {
  stopLive();
  if (!context) return false;
  const ctx = context;
  const me = { stopped: false, sources: [], audio, reader: null };
  me.onPause = () => { if (current === me) ctx.suspend(); };
  me.onPlay = () => { if (current === me) ctx.resume(); };
  // Current before any wait, so a take started meanwhile stops this one.
  current = me;
  if (ctx.state === "suspended") await ctx.resume();
  const destination = ctx.createMediaStreamDestination();
  const response = await fetch(url, { cache: "no-store" });
  if (me.stopped) { response.body?.cancel().catch(() => {}); return true; }
  if (!response.ok || !response.body) {
    stopLive();
    throw new Error(`the take could not be fetched (${response.status})`);
  }
  const reader = response.body.getReader();
  me.reader = reader;
  let rate = 0, pending = new Uint8Array(0), next = 0, last = null, started = null;
  const schedule = (bytes) => {
    const count = bytes.length >> 1;
    const buffer = ctx.createBuffer(1, count, rate);
    const channel = buffer.getChannelData(0);
    const view = new DataView(bytes.buffer, bytes.byteOffset, count * 2);
    for (let i = 0; i < count; i++) channel[i] = view.getInt16(2 * i, true) / 32768;
    const source = ctx.createBufferSource();
    source.buffer = buffer;
    source.connect(destination);
    // A piece late to arrive starts at once: a short gap rather than a skip.
    const when = Math.max(next, ctx.currentTime + 0.01);
    source.start(when);
    next = when + count / rate;
    me.sources.push(source);
    last = source;
  };
  // Resolved once the take is heard (or cannot be), while its later pieces still come.
  let heard;
  const ready = new Promise((resolve, reject) => { heard = { resolve, reject }; });
  (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (me.stopped) { reader.cancel().catch(() => {}); heard.resolve(true); return; }
      if (value) {
        const joined = new Uint8Array(pending.length + value.length);
        joined.set(pending); joined.set(value, pending.length);
        pending = joined;
      }
      if (!rate && pending.length >= 44) {
        rate = new DataView(pending.buffer, pending.byteOffset).getUint32(24, true);
        pending = pending.slice(44);
      }
      const whole = pending.length & ~1;
      if (rate && whole) {
        schedule(pending.subarray(0, whole));
        pending = pending.slice(whole);
        if (!started) {
          // Played only once there is sound, so 'playing' means the take is heard.
          audio.srcObject = destination.stream;
          audio.dataset.live = new URL(url, location.href).href;
          audio.addEventListener("pause", me.onPause);
          audio.addEventListener("play", me.onPlay);
          started = audio.play().then(() => heard.resolve(true), (error) => {
            if (error.name === "AbortError") heard.resolve(true); else heard.reject(error);
          });
        }
      }
      if (done) break;
    }
    if (!last) { if (current === me) stopLive(); heard.resolve(false); return; }
    // The last piece may have played already (a short one, made slower than it plays).
    if (ctx.currentTime >= next) finish();
    else last.onended = finish;
  })().catch((error) => {
    // Cut off half-way (the connection dropped): the take ends there, as if played.
    if (started && current === me) finish();
    else if (current === me) stopLive();
    heard.reject(error);
  });
  function finish() {
    if (current !== me) return;
    stopLive();
    audio.srcObject = null;
    delete audio.dataset.live;
    audio.src = url;        // the whole take, for playing again (not played now)
    audio.dispatchEvent(new Event("ended"));
  }
  return ready;
}
