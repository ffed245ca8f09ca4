"""numlint's spaCy pipeline: see checker.nlp.pipeline."""

from checker.nlp.pipeline import analyze, build_pipeline

__all__ = ["analyze", "build_pipeline"]
