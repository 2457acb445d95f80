


def refuse_missing_inputs(inputs) -> int:
    """0 when every input is there; else the problems on standard error and 2."""
    import sys

    from ..documents import missing_inputs

    problems = missing_inputs(inputs)
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    return 2 if problems else 0
