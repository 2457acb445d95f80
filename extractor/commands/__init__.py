


def refuse_missing_inputs(inputs) -> int:
    """0 when every input is there; else the problems on standard error and 2."""
    import sys

    from ..documents import missing_inputs

    problems = missing_inputs(inputs)
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    return 2 if problems else 0


def writable_output(path) -> "str | None":
    """Why the output file ``path`` cannot be written, or None; its missing folders are created
    (as the stores do), before any work."""
    import os
    from pathlib import Path

    path = Path(path)
    if path.is_dir():
        return f"{path} is a folder; give a file name"
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return f"cannot create the folder {folder} of {path}: {exc.strerror or exc}"
    if not folder.is_dir():
        return f"cannot write {path}: {folder} is not a folder"
    if not os.access(folder, os.W_OK | os.X_OK) or (path.exists() and not os.access(path, os.W_OK)):
        return f"cannot write {path}: permission denied"
    return None


def write_atomically(path, text: str) -> None:
    """``text`` into ``path`` whole or not at all (a temporary file renamed into place)."""
    import os
    from pathlib import Path

    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
