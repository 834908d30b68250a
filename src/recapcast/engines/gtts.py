"""The online voice: Google Translate's text-to-speech through gTTS (best effort)."""

from __future__ import annotations

import io
import time

from recapcast.engines import Audio
from recapcast.errors import EngineError
from recapcast.model import VoiceSettings

RETRIES = 3
TIMEOUT_S = 15.0


class GttsEngine:
    """Speaks through gTTS; needs the network. Retries with backoff, then fails clearly."""

    name = "gtts"

    def __init__(self, settings: VoiceSettings) -> None:
        self.settings = settings
        # "joe-us" is the piper default; for gTTS a voice is a language code.
        self.lang = "en" if settings.voice in ("", "joe-us") else settings.voice

    def synthesize(self, text: str) -> Audio:
        from gtts import gTTS
        from gtts.tts import gTTSError

        delay = 1.0
        for attempt in range(1, RETRIES + 1):
            try:
                buffer = io.BytesIO()
                speech = gTTS(text, lang=self.lang, tld=self.settings.tld, lang_check=False,
                              timeout=TIMEOUT_S)
                speech.write_to_fp(buffer)
                return Audio(buffer.getvalue(), format="mp3")
            except (gTTSError, OSError) as exc:
                if attempt == RETRIES:
                    raise EngineError(
                        f"gTTS failed after {RETRIES} tries: {exc}",
                        "check the network, or build offline with --engine piper",
                    ) from None
                time.sleep(delay)
                delay *= 2
        raise AssertionError("unreachable")
