"""What the studio does, without HTTP: episodes and their states, the drafts being edited,
speaking sentences with the warm voice, take history, pronunciations, builds, import."""

from __future__ import annotations

import dataclasses
import re
import threading
from collections.abc import Callable
from functools import lru_cache, partial
from pathlib import Path

from recapcast.build import refuse_script_errors
from recapcast.config import Project, check_episode_id, load_project
from recapcast.errors import ScriptError, UsageError
from recapcast.model import Paragraph, Pronounce, Quote, Script, Segment, Show
from recapcast.publish import catalog
from recapcast.safety.atomic import write_text
from recapcast.studio import addresses, drafts, framing, imports, lexicon_file, shelf
from recapcast.studio.blockids import block_key
from recapcast.studio.builds import Builds, Events
from recapcast.studio.feed_entry import feed_entry
from recapcast.studio.history import History
from recapcast.studio.speaking import LiveTake, WarmVoices
from recapcast.text.check import check_script_text
from recapcast.text.lexicon import LEXICON_NAME, display_text, entry_problem
from recapcast.text.segments import plan_segments
from recapcast.voice import readings
from recapcast.voice.engines import voice_dictionary
from recapcast.voice.takes import take_key, take_path

__all__ = ["Workbench"]

_KEY = re.compile(r"^[0-9a-f]{64}$")


class Workbench:
    """The studio's state over one show folder: one user, any number of tabs."""

    def __init__(self, root: Path, voices: WarmVoices | None = None) -> None:
        self.root = root
        self._project = load_project(root)
        self._stamp = self._config_stamp()
        self.voices = voices or WarmVoices()
        self.events = Events()
        self.builds = Builds(self.project, self.events, after=self.warm)
        self._drafts: dict[str, drafts.Draft] = {}
        self.history = History()
        self._lock = threading.RLock()
        self._known = None

    # -- the show ---------------------------------------------------------------------

    def _config_stamp(self) -> tuple:
        stamp = []
        for name in ("recapcast.toml", LEXICON_NAME):
            try:
                st = (self.root / name).stat()
                stamp.append((st.st_size, st.st_mtime_ns))
            except FileNotFoundError:
                stamp.append(None)
        return tuple(stamp)

    def project(self, *, again: bool = False) -> Project:
        """The show, read again when its config or lexicon changed on disk (``again``:
        read again now, the studio having just written its config)."""
        stamp = self._config_stamp()
        if again or stamp != self._stamp:
            self._project = load_project(self.root)
            self._stamp = stamp
        return self._project

    def _dictionary(self, project: Project):
        """The narrator voice's dictionary for check's pronunciation warnings, read once."""
        voice = project.show.voice
        if self._known is None or self._known[0] != voice:
            self._known = (voice, voice_dictionary(voice))
        return self._known[1]

    def close(self) -> None:
        """Stop a build the studio is running (before its next take) and the voice, and
        wait for both."""
        self.builds.stop()
        self.voices.close()

    def stopping(self) -> None:
        """The server is stopping (Ctrl-C): takes being heard end at once, so their
        connections close before the server's short grace period is over."""
        self.voices.stop()

    def warm(self) -> None:
        """Load the narrator's voice in the background (again after a build freed it)."""
        self.voices.warm(self.project().show.voice)

    # -- episodes ---------------------------------------------------------------------

    def episodes(self) -> list[dict]:
        """Every script with its state (``shelf.episode_rows``)."""
        with self._lock:
            dirty = {k for k, d in self._drafts.items() if d.dirty}
        return shelf.episode_rows(self.project(), dirty, self.builds.failures(),
                                  self.builds.running)

    def stamp(self) -> str:
        """What the pages follow (``shelf.files_stamp``), cheap to take every second."""
        project = self.project()
        with self._lock:
            revisions = [f"{k} {d.revision} {d.dirty}" for k, d in sorted(self._drafts.items())]
        return shelf.files_stamp(project, repr(self._stamp), revisions)

    def audio_path(self, episode_id: str) -> Path:
        path = self.project().audio_dir / f"{check_episode_id(episode_id)}.mp3"
        if not path.is_file():
            raise UsageError(f"{episode_id} is not built yet", "press Build")
        return path

    def release(self, episode_id: str) -> dict:
        """The built episode's chapters and its entry in ``feed/feed.xml`` (None if absent)."""
        project = self.project()
        manifest = catalog.read_manifest(project, check_episode_id(episode_id)) or {}
        return {"chapters": list(manifest.get("chapters") or []),
                "duration_s": manifest.get("duration_s"),
                "feed_entry": feed_entry(project.feed_dir / "feed.xml", manifest.get("guid"))}

    # -- drafts -----------------------------------------------------------------------

    def draft(self, episode_id: str) -> drafts.Draft:
        """The draft of ``episode_id``; a draft with no edits follows the file on disk."""
        check_episode_id(episode_id)
        with self._lock:
            draft = self._drafts.get(episode_id)
            project = self.project()
            if draft is None:
                draft = drafts.unsaved(project, episode_id)
                if draft is not None:
                    self._drafts[episode_id] = draft
            if draft is None or (not draft.dirty and drafts.disk_digest(
                    project.script_path(episode_id)) != draft.disk_digest):
                # The file changed under a draft without edits: the draft follows it, its
                # blocks keeping their ids (a page behind can still edit what is unchanged).
                draft = self._drafts[episode_id] = drafts.reloaded(project, draft, episode_id)
            return draft

    def _set(self, draft: drafts.Draft) -> drafts.Draft:
        with self._lock:
            episode_id = draft.script.episode_id
            old = self._drafts.get(episode_id)
            if draft.dirty and old is not None and old.script != draft.script:
                self.history.record(episode_id, (old.script, old.ids))
            self._drafts[episode_id] = draft
            if draft.dirty:
                drafts.keep_unsaved(self.project(), draft)
            else:
                drafts.forget_unsaved(self.project(), draft.script.episode_id)
        return draft

    def undo(self, episode_id: str, redo: bool = False) -> dict:
        """Take back the last edit of the session (``redo``: do again the last one taken
        back); the file on disk is not touched."""
        with self._lock:
            current = self.draft(episode_id)
            step = (self.history.redo if redo else self.history.undo)(
                episode_id, (current.script, current.ids))
            if step is None:
                raise UsageError(f"nothing to {'redo' if redo else 'undo'}")
            script, ids = step
            draft = dataclasses.replace(current, script=script, ids=ids)
            draft = dataclasses.replace(draft, dirty=draft.text != self._disk_text(current))
            self._drafts[episode_id] = draft
            if draft.dirty:
                drafts.keep_unsaved(self.project(), draft)
            else:
                drafts.forget_unsaved(self.project(), episode_id)
        return self.view(episode_id)

    def _disk_text(self, draft: drafts.Draft) -> str | None:
        """The file the draft was read from, as saving would write it (None: it changed
        on disk since, or is gone): an undo back to it leaves nothing to save."""
        project = self.project()
        episode_id = draft.script.episode_id
        if drafts.disk_digest(project.script_path(episode_id)) != draft.disk_digest:
            return None
        try:
            return drafts.load_draft(project, episode_id).text
        except ScriptError:
            return None

    def set_details(self, episode_id: str, data: dict) -> dict:
        """Change the episode's details (front matter): ``data["details"]`` the new values,
        ``data["was"]`` those the page showed; a field another tab or the file changed
        since is refused (409), not overwritten."""
        with self._lock:
            draft = self.draft(episode_id)
            self._set(drafts.with_details(self.project(), draft, data.get("details"),
                                          data.get("was")))
        return self.view(episode_id)

    def delete_episode(self, episode_id: str) -> dict:
        """Take the episode out of the show: its script (with any unsaved edits) goes to
        a side file ``scripts/<id>.deleted-<time>.md``, which no build reads; its audio
        leaves the feed at the next build."""
        project = self.project()
        check_episode_id(episode_id)
        if self.builds.running == episode_id:
            raise UsageError(f"{episode_id} is being built", "wait for the build to end")
        with self._lock:
            draft = self.draft(episode_id)
            side = drafts.side_file(project, episode_id, "deleted")
            write_text(side, draft.text)
            project.script_path(episode_id).unlink(missing_ok=True)
            self._drafts.pop(episode_id, None)
            drafts.forget_unsaved(project, episode_id)
            self.history.forget(episode_id)
        return {"deleted": episode_id, "kept": _rel(project, side)}

    def discard(self, episode_id: str) -> dict:
        """Drop the edits: the draft is the file on disk again."""
        with self._lock:
            self._drafts.pop(check_episode_id(episode_id), None)
            drafts.forget_unsaved(self.project(), episode_id)
        return self.view(episode_id)

    def _segments(self, project: Project, script: Script) -> tuple[Segment, ...]:
        segments = _planned(script, project.show)
        return readings.with_readings(segments, readings.chosen(project.cache_dir,
                                                                script.episode_id))

    def view(self, episode_id: str) -> dict:
        """The draft as the editor shows it: blocks, their sentences (each a take), the
        check findings on their lines, and whether the file changed under the draft."""
        project = self.project()
        draft = self.draft(episode_id)
        script = draft.script
        segments = self._segments(project, script)
        by_block: dict[int, list[Segment]] = {}
        for segment in segments:
            by_block.setdefault(segment.paragraph, []).append(segment)
        name = str(project.script_path(episode_id).relative_to(project.root))
        findings = check_script_text(draft.text, episode_id, name, project,
                                     self._dictionary(project))
        blocks = []
        for i, block in enumerate(script.blocks):
            item = drafts.block_to_json(block)
            item["id"], item["key"] = draft.ids[i], block_key(block)
            item["sentences"] = self._sentences(project, block, by_block.get(i, []),
                                                draft.ids[i])
            item["findings"] = [{"line": f.line, "severity": f.severity, "message": f.message}
                                for f in findings if f.line == block.line]
            blocks.append(item)
        lines = {b.line for b in script.blocks}
        meta = script.meta
        path = project.script_path(episode_id)
        disk = drafts.disk_digest(path)
        return {
            "id": episode_id,
            "revision": draft.revision,
            "meta": drafts.details_json(meta),
            "undo": self.history.counts(episode_id)[0],
            "redo": self.history.counts(episode_id)[1],
            "blocks": blocks,
            # The show's opening and sign-off as this episode says them (``framing``).
            "framing": framing.parts_json(project.show, segments, partial(
                _sentence_json, project, pending=self.voices.pending)),
            "findings": [{"line": f.line, "severity": f.severity, "message": f.message}
                         for f in findings if f.line not in lines],
            "dirty": draft.dirty,
            "recovered": draft.recovered,
            "disk_changed": disk != draft.disk_digest,
            "text": draft.text,
            # Unsaved edits over a file that changed: the page shows both (the conflict view).
            "disk_text": (path.read_text("utf-8", errors="replace")
                          if disk and disk != draft.disk_digest and draft.dirty else None),
        }

    def _sentences(self, project: Project, block, segments: list[Segment], block_id: str
                   ) -> list[dict]:
        """Each segment of a block, with the written sentence it was cut from (so it can be
        edited) where the cut is one sentence per segment."""
        written = drafts.sentences_of(block)
        spoken = [s for s in segments if not (isinstance(block, Quote) and s.role != "quote")]
        matched = len(written) == len(spoken) and all(
            display_text(w) == s.written for w, s in zip(written, spoken, strict=True))
        out = []
        n = 0
        for segment in segments:
            own = segment in spoken
            out.append(_sentence_json(project, segment, block_id,
                                      n if matched and own else None,
                                      written[n] if matched and own else None,
                                      pending=self.voices.pending))
            if own:
                n += 1
        return out

    # Every edit names what it was made on (``addresses``) and is found and applied under
    # the lock, so two tabs' edits are applied one after the other to the draft as it is.

    def edit_block(self, episode_id: str, data: dict) -> dict:
        """Replace a block the page saw (its id and content key) by ``data["block"]``."""
        new = drafts.block_from_json(data.get("block"))
        with self._lock:
            draft = self.draft(episode_id)
            index = addresses.find_block(draft, _keyed(data))
            self._set(drafts.with_block(self.project(), draft, index, new))
        return self.view(episode_id)

    def insert_block(self, episode_id: str, data: dict) -> dict:
        """Add ``data["block"]`` after block ``data["after"]`` (None: at the top)."""
        new = drafts.block_from_json(data.get("block"))
        with self._lock:
            draft = self.draft(episode_id)
            at = addresses.find_after(draft, data)
            self._set(drafts.with_block(self.project(), draft, at, new, insert=True))
        return self.view(episode_id)

    def delete_block(self, episode_id: str, data: dict) -> dict:
        """Remove a block the page saw (its id and content key)."""
        with self._lock:
            draft = self.draft(episode_id)
            index = addresses.find_block(draft, _keyed(data))
            self._set(drafts.without_block(self.project(), draft, index))
        return self.view(episode_id)

    def move_block(self, episode_id: str, data: dict) -> dict:
        """Put block ``data["id"]`` just after block ``data["after"]`` (None: the top)."""
        with self._lock:
            draft = self.draft(episode_id)
            index = addresses.find_block(draft, data)
            if data.get("after") == data.get("id"):
                raise UsageError("a block cannot move after itself")
            at = addresses.find_after(draft, data)
            self._set(drafts.moved_block(self.project(), draft, index,
                                         at - 1 if at > index else at))
        return self.view(episode_id)

    def edit_sentence(self, episode_id: str, data: dict) -> dict:
        """Change one sentence (named by its block, number and text) and speak what changed
        with the warm voice: the takes to play (normally the one edited sentence's)."""
        project = self.project()
        with self._lock:
            old = self.draft(episode_id)
            index, sentence = addresses.find_sentence(old, data)
            before = {(s.voice, s.text) for s in self._segments(project, old.script)
                      if s.paragraph == index}
            draft = self._set(drafts.with_sentence(project, old, index, sentence,
                                                   data.get("text")))
        # What the edit changed: the block's texts that were not in it before (only the
        # edited sentence's, whatever else of the block is still unspoken); nothing when
        # the edit emptied the block and so removed it. Spoken outside the lock, so
        # another tab's edit need not wait for the voice.
        kept = len(draft.script.blocks) == len(old.script.blocks)
        fresh = [s for s in self._segments(project, draft.script)
                 if kept and s.paragraph == index and (s.voice, s.text) not in before]
        takes = self.voices.speak(fresh, project.cache_dir) if fresh else []
        # The page plays the take first, then asks for the new view (check and all).
        return {"takes": [self._take_json(project, t.segment, made=not t.cached) for t in takes],
                "synthesized": sum(1 for t in takes if not t.cached), "dirty": True,
                "revision": draft.revision}

    def set_framing(self, episode_id: str, data: dict) -> dict:
        """Change the show's opening or sign-off (``data["part"]``) to ``data["template"]``,
        made on the one the page showed (``data["was"]``), and speak this episode's new
        takes of it with the warm voice: the takes to play, and the view."""
        part = data.get("part")
        with self._lock:
            draft = self.draft(episode_id)
            framing.change(self.project(), part, data.get("template"), data.get("was"))
            project = self.project(again=True)
        fresh = [s for s in self._segments(project, draft.script) if s.role == part]
        takes = self.voices.speak(fresh, project.cache_dir) if fresh else []
        return {"takes": [self._take_json(project, t.segment, made=not t.cached) for t in takes],
                "synthesized": sum(1 for t in takes if not t.cached),
                "view": self.view(episode_id)}

    # -- takes ------------------------------------------------------------------------

    def _segment(self, project: Project, episode_id: str, data: dict) -> Segment:
        draft = self.draft(episode_id)
        return addresses.find_segment(draft, self._segments(project, draft.script), data)

    def _take_json(self, project: Project, segment: Segment, made: bool = False) -> dict:
        """A take as the page plays it; ``live`` when this request is making it in pieces
        (the page plays it as they arrive, then from its file)."""
        def url(n: int) -> str:
            return f"/api/takes/{take_key(segment.voice, segment.text, n)}"

        found = readings.readings(project.cache_dir, segment.voice, segment.text)
        if made:
            found = sorted({*found, segment.reading})
        path = take_path(project.cache_dir, segment.voice, segment.text, segment.reading)
        return {"segment": segment.index, "url": url(segment.reading),
                "reading": segment.reading,
                "live": made and self.voices.in_pieces(path),
                "readings": [{"reading": n, "url": url(n), "chosen": n == segment.reading}
                             for n in found],
                "spoken": segment.text, "written": segment.written}

    def speak(self, episode_id: str, data: dict) -> dict:
        """The take of segment ``number`` (spoken now if the cache has none)."""
        project = self.project()
        segment = self._segment(project, episode_id, data)
        take = self.voices.speak([segment], project.cache_dir)[0]
        return {**self._take_json(project, segment, made=not take.cached),
                "synthesized": int(not take.cached)}

    def respeak(self, episode_id: str, data: dict) -> dict:
        """Speak segment ``number`` again as a new reading, and choose it."""
        project = self.project()
        segment = self._segment(project, episode_id, data)
        new = readings.next_reading(project.cache_dir, segment.voice, segment.text)
        # A reading still being made has no file yet: the next number is a new reading.
        while new + 1 < readings.MAX_READINGS and self.voices.pending(
                take_path(project.cache_dir, segment.voice, segment.text, new)):
            new += 1
        segment = dataclasses.replace(segment, reading=new)
        take = self.voices.speak([segment], project.cache_dir)[0]
        readings.choose(project.cache_dir, episode_id, segment.voice, segment.text, new)
        return {**self._take_json(project, segment, made=not take.cached), "synthesized": 1}

    def choose(self, episode_id: str, data: dict, reading: int) -> dict:
        """Make reading ``reading`` of segment ``number`` the one builds use."""
        project = self.project()
        segment = self._segment(project, episode_id, data)
        if reading not in readings.readings(project.cache_dir, segment.voice, segment.text):
            raise UsageError(f"there is no reading {reading} of that sentence")
        readings.choose(project.cache_dir, episode_id, segment.voice, segment.text, reading)
        return self._take_json(project, dataclasses.replace(segment, reading=reading))

    def take_file(self, key: str) -> Path | LiveTake:
        """The take with this key: being made (served as it is), else cached; nothing
        outside ``.cache/takes/`` is ever named."""
        if not _KEY.match(key):
            raise UsageError("not a take")
        folder = self.project().cache_dir / "takes" / key[:2]
        live = self.voices.live(folder / f"{key}.wav")
        if live is not None:
            return live
        for suffix in (".wav", ".mp3"):
            path = folder / f"{key}{suffix}"
            if path.is_file():
                return path
        raise UsageError("that take is not in the cache")

    # -- saving -----------------------------------------------------------------------

    def save(self, episode_id: str, mode: str = "save") -> dict:
        """Save the draft. On a conflict with the file on disk: ``save`` reports it (both
        texts); ``mine`` keeps the disk version in a side file, then writes the draft;
        ``side`` writes the draft to a side file only; ``theirs`` keeps the draft in a side
        file and takes the disk version."""
        project = self.project()
        draft = self.draft(episode_id)
        if mode == "side":
            path = drafts.side_file(project, episode_id, "studio")
            write_text(path, draft.text)
            return {"saved": False, "side_file": _rel(project, path), "view": self.view(episode_id)}
        if mode == "theirs":
            path = drafts.side_file(project, episode_id, "studio")
            write_text(path, draft.text)
            return {"saved": False, "side_file": _rel(project, path),
                    "view": self.discard(episode_id)}
        if mode not in ("save", "mine"):
            raise UsageError(f"unknown save mode {mode!r}")
        saved, conflict, kept = drafts.save_draft(project, draft, overwrite=mode == "mine")
        if conflict is not None:
            return {"saved": False, "conflict": {"disk": conflict.disk_text,
                                                 "mine": conflict.mine_text}}
        self._set(saved)
        return {"saved": True, "side_file": _rel(project, kept) if kept else None,
                "view": self.view(episode_id)}

    # -- pronunciation ----------------------------------------------------------------

    def try_pronunciation(self, episode_id: str, word: str, says: str = "") -> dict:
        """Speak ``word`` alone, as the script says it now or as ``says`` would."""
        project = self.project()
        word = word.strip()
        blocks = [b for b in self.draft(episode_id).script.blocks if isinstance(b, Pronounce)]
        if says:
            problem = entry_problem(word, says)
            if problem:
                raise UsageError(problem, "a respelling like KILL-grave or IPA like /ˈkɪlɡɹeɪv/")
            blocks.append(Pronounce(word, says))
        script = Script(episode_id, self.draft(episode_id).script.meta,
                        (*blocks, Paragraph(word)))
        # Only the word's own segment (not an opening or sign-off the show adds).
        segments = [s for s in plan_segments(script, project.show)[0]
                    if s.paragraph == len(script.blocks) - 1 and s.written.strip()]
        if not segments:
            raise UsageError("there is nothing to speak in that word")
        take = self.voices.speak(segments[:1], project.cache_dir)[0]
        segment = take.segment
        return {"url": f"/api/takes/{take_key(segment.voice, segment.text)}",
                "live": not take.cached and self.voices.in_pieces(take.path),
                "spoken": segment.text, "synthesized": int(not take.cached)}

    def keep_pronunciation(self, episode_id: str, word: str, says: str, scope: str) -> dict:
        """Keep ``word = says`` for this script (a ``[pronounce ...]`` line in the draft)
        or for the show (``lexicon.toml``); the view marks the sentences holding the word."""
        project = self.project()
        word, says = word.strip(), says.strip()
        problem = entry_problem(word, says)
        if problem:
            raise UsageError(problem, "a respelling like KILL-grave or IPA like /ˈkɪlɡɹeɪv/")
        draft = self.draft(episode_id)
        if scope == "script":
            blocks = list(draft.script.blocks)
            at = next((i for i, b in enumerate(blocks)
                       if isinstance(b, Pronounce) and b.word == word), None)
            if at is None:
                draft = drafts.with_block(project, draft, 0, Pronounce(word, says), insert=True)
            else:
                draft = drafts.with_block(project, draft, at, Pronounce(word, says))
            self._set(draft)
        elif scope == "show":
            lexicon_file.set_entry(project.root / LEXICON_NAME, word, says)
        else:
            raise UsageError(f"unknown scope {scope!r}", "script or show")
        pattern = re.compile(rf"(?<![\w'’-]){re.escape(word)}(?![\w-])")
        affected = [s.index for s in self._segments(self.project(), draft.script)
                    if pattern.search(s.written)]
        return {"view": self.view(episode_id), "affected": affected}

    # -- builds -----------------------------------------------------------------------

    def build(self, episode_id: str, *, force: bool = False) -> dict:
        project = self.project()
        check_episode_id(episode_id)
        draft = self.draft(episode_id)
        if draft.dirty:
            raise UsageError(f"{episode_id} has unsaved edits", "save them first")
        # Refused before any take is spoken, with check's message (the build would too).
        refuse_script_errors(project, episode_id)
        digest = drafts.disk_digest(project.script_path(episode_id))
        if not self.builds.start(episode_id, digest, force=force):
            raise UsageError(f"the studio is already building {self.builds.running}",
                             "wait for it to finish")
        return {"started": episode_id, "events": self.events.count()}

    # -- import -----------------------------------------------------------------------

    def import_recap(self, data: dict) -> dict:
        """A new script from pasted text, an uploaded file or a URL (as ``recapcast import``)."""
        project = self.project()
        episode_id = check_episode_id(str(data.get("episode", "")))
        target = imports.import_source(project, episode_id, data, force=bool(data.get("force")))
        with self._lock:
            self._drafts.pop(episode_id, None)
        return {"episode": episode_id, "script": _rel(project, target)}


@lru_cache(maxsize=16)
def _planned(script: Script, show: Show) -> tuple[Segment, ...]:
    """The script's segments (the view, an edit and a click each plan the same draft)."""
    return plan_segments(script, show)[0]


def _keyed(data: dict) -> dict:
    """``data`` if it names the content the page saw (``key``): a whole-block edit or a
    delete is made only on the version of the block the user looked at."""
    if not isinstance(data.get("key"), str):
        raise UsageError("key must be the block's key (as the page's view gives it)")
    return data


def _sentence_json(project: Project, segment: Segment, block_id: str,
                   sentence: int | None = None, raw: str | None = None, *,
                   pending: Callable[[Path], bool] = lambda path: False) -> dict:
    """A sentence as the page shows it: its segment, the block it is in (an id, or the
    opening or sign-off), its number there and text when it can be edited alone. A take
    still being made (``pending``) counts as spoken: its file is written when whole."""
    path = take_path(project.cache_dir, segment.voice, segment.text, segment.reading)
    return {"segment": segment.index, "block": block_id, "written": segment.written,
            "spoken": segment.text, "role": segment.role, "speaker": segment.speaker,
            "voice": _voice_label(segment), "cached": path.is_file() or pending(path),
            "reading": segment.reading, "sentence": sentence, "raw": raw}


def _voice_label(segment: Segment) -> str:
    voice = segment.voice
    label = f"{voice.engine}:{voice.voice}"
    if voice.length_scale != 1.0:
        label += f" pace {voice.length_scale:g}"
    return label


def _rel(project: Project, path: Path) -> str:
    return str(path.relative_to(project.root))

