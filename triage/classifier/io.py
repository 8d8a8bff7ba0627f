"""A `TextClassifier` as one compressed `.npz` file of plain arrays and JSON: nothing is unpickled on load.

The weights are stored features × classes (the layout prediction reads), as float16 with the class
of each weight in one or two bytes: a model of 125 classes takes a few megabytes.
"""

import json
from dataclasses import asdict
from pathlib import Path

import numpy as np
import scipy.sparse as sp

from .model import FORMAT, ModelError, Settings, TextClassifier, View


def save(model: TextClassifier, path: Path) -> Path:
    """Write the model to `path` (the name is kept as given)."""
    if model.weights is None:
        raise ModelError("Модель не обучена: сохранять нечего.")
    weights = model.weights.tocsr()
    header = {"format": FORMAT, "classes": model.classes, "parents": model.parents,
              "label_ids": {k: sorted(v, key=str) for k, v in model.label_ids.items()},
              "temperature": model.temperature, "confidence_map": list(model.confidence_map),
              "group_maps": {k: list(v) for k, v in model.group_maps.items()}, "meta": model.meta,
              "settings": asdict(model.settings),
              "views": [view.name for view in model.views], "shape": list(weights.shape)}
    class_type = np.uint8 if len(model.classes) <= 256 else np.uint16
    arrays = {"header": np.array(json.dumps(header, ensure_ascii=False, default=list)),
              "weights_data": weights.data.astype(np.float16), "weights_class": weights.indices.astype(class_type),
              "weights_indptr": weights.indptr.astype(np.int32), "intercept": model.intercept.astype(np.float32),
              "adjust": model.adjust.astype(np.float32)}
    for view in model.views:
        arrays[f"vocabulary_{view.name}"] = np.array(sorted(view.vocabulary, key=view.vocabulary.get))
        arrays[f"idf_{view.name}"] = view.idf.astype(np.float32)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as file:  # through a file object numpy adds no «.npz» to the name
        np.savez_compressed(file, **arrays)
    return path


def load(path: Path) -> TextClassifier:
    """Read a model written by `save`; a missing, damaged or foreign file raises `ModelError`."""
    if not path.is_file():
        raise ModelError(f"Файл модели не найден: {path}")
    try:
        with np.load(path, allow_pickle=False) as arrays:
            header = json.loads(str(arrays["header"]))
            if header.get("format") != FORMAT:
                raise ModelError(f"Модель {path.name} сохранена в формате {header.get('format')}, "
                                 f"а эта версия программы читает формат {FORMAT}: обучите модель заново.")
            views = [View(name, {w: i for i, w in enumerate(arrays[f"vocabulary_{name}"].tolist())},
                          arrays[f"idf_{name}"]) for name in header["views"]]
            weights = sp.csr_matrix((arrays["weights_data"].astype(np.float32),
                                     arrays["weights_class"].astype(np.int32), arrays["weights_indptr"]),
                                    shape=tuple(header["shape"]))
            return TextClassifier(
                settings=Settings(**header["settings"]), classes=header["classes"], parents=header["parents"],
                label_ids=header["label_ids"], temperature=header["temperature"],
                confidence_map=tuple(header["confidence_map"]),
                group_maps={k: tuple(v) for k, v in header["group_maps"].items()},
                meta=header["meta"], views=views, weights=weights, intercept=arrays["intercept"],
                adjust=arrays["adjust"])
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ModelError(f"Файл модели {path.name} повреждён или не является моделью: {error}") from None
