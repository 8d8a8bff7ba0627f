"""The ways `train_classifier` may train: a few presets of `Settings`, and what each is for.

The portal's settings (recent months weighing more, a lift for rare reasons, answers as more examples) were
measured best on the city portal's appeals; on a company's own export they may do worse than a plain model
(another region's export: 0.50 accuracy against the plain model's 0.56). Which one a data set gets is chosen
by trying them on it (`evaluation.presets.choose`).
"""

from dataclasses import replace

from .model import Settings

PLAIN = Settings(monthly_decay=0.0, rare_boost=0.0, answer_weight=0.0, keep_weights=1.0)
PRESETS = {
    "plain": (PLAIN, "TF-IDF лемм (слова 1–2) и символов (2–5) + линейный SVM, без добавок"),
    "portal": (Settings(), "настройки портала: свежие месяцы весят больше, подъём редких причин, ответы как примеры"),
    "letters": (replace(PLAIN, letters=True), "как plain, но у длинных писем отброшены шапка, приветствие и подпись"),
}
