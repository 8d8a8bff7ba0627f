import ast
from pathlib import Path

from django.conf import settings

DEMO = Path(__file__).resolve().parent.parent
SKIPPED = {".venv", "var", "node_modules", "staticfiles"}


def _project_modules():
    for path in Path(settings.BASE_DIR).rglob("*.py"):
        parts = path.relative_to(settings.BASE_DIR).parts
        if DEMO in path.parents or SKIPPED & set(parts) or any(p.startswith(".") for p in parts):
            continue
        yield path


def _imports_demo(tree: ast.AST) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.Import) and any(a.name.split(".")[0] == "demo" for a in node.names):
            return True
        if isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").split(".")[0] == "demo":
            return True
    return False


def test_nothing_outside_the_demo_imports_it():
    """A production installation may leave the demo app out: the product must not need it."""
    importers = [str(p.relative_to(settings.BASE_DIR)) for p in _project_modules()
                 if _imports_demo(ast.parse(p.read_text(encoding="utf-8")))]
    assert importers == []
