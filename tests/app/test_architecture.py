"""The domain never imports Kivy: it must run, and be tested, without a UI."""
import ast
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "app"


def imported_modules(path: Path):
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


def test_app_never_imports_kivy():
    offenders = [(str(p.relative_to(APP)), m) for p in APP.rglob("*.py") for m in imported_modules(p)
                 if m == "kivy" or m.startswith("kivy.")]
    assert offenders == []


def test_the_checker_would_notice(tmp_path):
    sample = tmp_path / "bad.py"
    sample.write_text("from kivy.app import App\n")
    assert list(imported_modules(sample)) == ["kivy.app"]


ROOT = APP.parent


def test_only_app_storage_speaks_sql():
    offenders = [(str(p.relative_to(ROOT)), m) for folder in ("app", "screens")
                 for p in (ROOT / folder).rglob("*.py") if "storage" not in p.relative_to(ROOT).parts
                 for m in imported_modules(p) if m == "sqlalchemy" or m.startswith("sqlalchemy.")]
    assert offenders == []


def test_screens_never_touch_the_record():
    """A screen asks its presenter; the store, the queries and the core's practice are not its business."""
    touches = []
    for path in (ROOT / "screens").glob("*.py"):
        text = path.read_text()
        for needle in (".store", "session_factory", "app.storage", ".practice", "companion"):
            if needle in text:
                touches.append((path.name, needle))
    assert touches == []


def test_no_module_imports_another_modules_private_names():
    offenders = []
    for folder in ("app", "screens"):
        for path in (ROOT / folder).rglob("*.py"):
            tree = ast.parse(path.read_text())
            for node in ast.walk(tree):
                if isinstance(node, ast.ImportFrom):
                    offenders += [(path.name, node.module, a.name) for a in node.names
                                  if a.name.startswith("_") and a.name != "__version__"]
    assert offenders == []
