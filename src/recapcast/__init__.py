"""recapcast: turn written TV-episode recaps into podcast episodes."""

import os

# numpy's OpenBLAS would run each filter product (recapcast.fir) on a thread per core,
# beside the speech threads that already keep every core busy: on two cores that costs
# twice the CPU for no gain. Set before numpy is first imported; a user's setting wins.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

__version__ = "0.1.0"
