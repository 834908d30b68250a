"""The online voice: Google Translate's text-to-speech through gTTS (best effort).

Every request has a timeout; failures are retried a bounded number of times with
exponential backoff, then end in one EngineError. ``RECAPCAST_GTTS_URL`` points the
requests at another server (a local fake in the tests, or a mirror); ``RECAPCAST_GTTS_RETRIES``,
``RECAPCAST_GTTS_BACKOFF_S`` and ``RECAPCAST_GTTS_TIMEOUT_S`` tune the retries.
"""

from __future__ import annotations

import io
import logging
import os
import time
from urllib.parse import urlsplit

from recapcast.errors import EngineError
from recapcast.model import VoiceSettings
from recapcast.voice.engines import Audio

RETRIES = 3
BACKOFF_S = 1.0
"""Wait before the first retry; doubled before each further one."""
MAX_BACKOFF_S = 30.0
TIMEOUT_S = 15.0

log = logging.getLogger(__name__)


def _env_number(name: str, default: float) -> float:
    raw = os.environ.get(name, "")
    try:
        return float(raw) if raw else default
    except ValueError:
        raise EngineError(f"{name} must be a number, not {raw!r}") from None


class GttsEngine:
    """Speaks through gTTS; needs the network. Retries with backoff, then fails clearly."""

    name = "gtts"

    def __init__(self, settings: VoiceSettings, *, base_url: str | None = None,
                 retries: int | None = None, backoff_s: float | None = None,
                 timeout_s: float | None = None) -> None:
        self.settings = settings
        # "joe-us" is the piper default; for gTTS a voice is a language code.
        self.lang = "en" if settings.voice in ("", "joe-us") else settings.voice
        self.base_url = base_url or os.environ.get("RECAPCAST_GTTS_URL") or None
        self.retries = max(1, int(retries if retries is not None
                                  else _env_number("RECAPCAST_GTTS_RETRIES", RETRIES)))
        self.backoff_s = (backoff_s if backoff_s is not None
                          else _env_number("RECAPCAST_GTTS_BACKOFF_S", BACKOFF_S))
        self.timeout_s = (timeout_s if timeout_s is not None
                          else _env_number("RECAPCAST_GTTS_TIMEOUT_S", TIMEOUT_S))

    def language(self) -> str:
        """The language this voice speaks (gTTS: its language code)."""
        return self.lang

    def _speech(self, text: str):
        from gtts import gTTS

        speech = gTTS(text, lang=self.lang, tld=self.settings.tld, lang_check=False,
                      timeout=self.timeout_s)
        if self.base_url:
            # gTTS builds its URL from the tld alone; rebase its prepared requests instead.
            prepare = speech._prepare_requests
            base = self.base_url.rstrip("/")

            def rebased():
                requests = prepare()
                for request in requests:
                    parts = urlsplit(request.url)
                    request.url = base + parts.path + (f"?{parts.query}" if parts.query else "")
                return requests

            speech._prepare_requests = rebased
        return speech

    def synthesize(self, text: str) -> Audio:
        from gtts.tts import gTTSError

        delay = self.backoff_s
        for attempt in range(1, self.retries + 1):
            try:
                buffer = io.BytesIO()
                self._speech(text).write_to_fp(buffer)
                if not buffer.getvalue():
                    raise gTTSError("no audio in the response")
                return Audio(buffer.getvalue(), format="mp3")
            except AssertionError:
                # gTTS asserts when its tokenizer leaves nothing to send.
                raise EngineError(f"gTTS cannot speak {text[:60]!r}",
                                  "edit the script so the text has words in it") from None
            except (gTTSError, OSError) as exc:
                cause = exc.__context__
                detail = f"{exc} ({type(cause).__name__})" if cause is not None else str(exc)
                if attempt == self.retries:
                    raise EngineError(
                        f"gTTS failed after {self.retries} tries: {detail}",
                        "check the network and try again later, build offline with "
                        "--engine piper, or set [voice] fallback = \"piper\" in recapcast.toml",
                    ) from None
                log.info("gTTS try %d failed (%s); retrying in %.1f s", attempt, detail, delay)
                time.sleep(delay)
                delay = min(delay * 2, MAX_BACKOFF_S)
        raise AssertionError("unreachable")
