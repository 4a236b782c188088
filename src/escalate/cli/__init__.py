"""The command line: the Typer app, the `--ask` interview, the example case and the entry point.

Kept empty so that `escalate.cli.entry` can switch the garbage collector off before anything heavy loads.
"""
