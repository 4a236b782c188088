"""The `escalate` console script and ``python -m escalate``.

A command line is short-lived and spends most of its start in imports, which allocate many objects and trigger
cyclic garbage collection over and over (about 6 ms here). Collection is paused while the command line's modules
load; they are then frozen (``gc.freeze``: never scanned again) and collection is switched back on before any
work, so a long batch still reclaims its garbage.
"""

import gc

gc.disable()

from escalate.cli.app import main  # noqa: E402 - deliberately after gc.disable()


def run() -> None:
    from escalate.cli.streams import prepare_streams

    gc.freeze()
    gc.enable()
    prepare_streams()
    main()
