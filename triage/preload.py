"""What a web process reads from files and never changes, loaded at once (gunicorn's master, before forking)."""


def load_shared_models() -> None:
    from appeals.search import morph
    from triage.classifier import predictor
    from triage.extraction.names import _ner
    from triage.semantic import _word_space

    morph()
    predictor.rank("Течёт крыша над квартирой")
    _word_space()
    _ner()
